// StoreMergeSpec: label records taken from the store, for the print dialog
// (and any tool that prints what the store holds): the serials of one serial
// batch, or a selection of products. Each keeps the document's lot, expiry,
// base and copies and adds the product's fields (product.name, brand, …).
#pragma once

#include "mergesource.h"
#include "result.h"
#include "store/database.h"

namespace dpp::label {

class StoreMergeSpec
{
public:
    // Errors: param "batch" (unknown batch), "product" (its product is gone).
    static Result<MergeSpec> serialBatch(store::Database& db, const QString& tenantId,
                                         const QString& batchId, MergeSpec base);
    // Errors: param "products" (empty selection or an unknown id).
    static Result<MergeSpec> products(store::Database& db, const QString& tenantId,
                                      const QStringList& productIds, MergeSpec base);

    // After labels were sent to the printer: moves each record's serial of a
    // stored product to "printed" (through "assigned" when still available),
    // all in one transaction. Serials already printed or later stay as they
    // are (a reprint); records without gtin/serial or of unknown products are
    // skipped. Errors: param "serial" when a state cannot change.
    static Status markPrinted(store::Database& db, const QString& tenantId,
                              const QList<MergeRecord>& records);
};

} // namespace dpp::label
