// StoreMergeSpec: label merge sources from the store: a product (by UUID or
// any GTIN form) with its own fields, optionally one of its serial batches
// (one label per serial, lot from the batch), or a selection of products.
// dppctl render/print, StorePrintJob and the GUI designer/print dialog all
// take their store records from here.
#pragma once

#include "mergesource.h"
#include "passport/product.h"
#include "passport/serialbatch.h"
#include "store/database.h"

#include <optional>

namespace dpp::label {

struct StoreMerge
{
    MergeSpec spec;
    passport::Product product;
    std::optional<passport::SerialBatch> batch;
};

class StoreMergeSpec
{
public:
    // `base` keeps the document's copies and resolver base. Lot and expiry
    // in a label file are sample data of its design: with the store, the lot
    // is the batch's (none without a batch). Errors name "product" (not
    // found) or "batch" (not found, another product's, or without serials).
    static Result<StoreMerge> build(store::Database& db, const QString& tenantId,
                                    const QString& productRef, const QString& batchId,
                                    const MergeSpec& base);
    // One label per selected product (its own fields, no serials, so no
    // serial states change). Errors: param "products" (empty selection or an
    // unknown id).
    static Result<MergeSpec> products(store::Database& db, const QString& tenantId,
                                      const QStringList& productIds, const MergeSpec& base);
    // The merge fields of a product: gtin, product.gtin, product.name (in
    // `language`, falling back as Product::displayName does), product.name.<lang>,
    // product.brand, product.model (empty rather than missing, so a label
    // showing them prints a blank instead of refusing the job) and
    // passport.<field> for scalar passport fields.
    static QHash<QString, QString> productFields(const passport::Product& product,
                                                 const QString& language = QStringLiteral("en"));
};

} // namespace dpp::label
