// StoreMergeSpec: a label merge source from the store: a product (by UUID or
// any GTIN form) with its own fields, and optionally one of its serial
// batches (one label per serial, lot from the batch). Used by render, print
// and the GUI print dialog alike.
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
    // `base` keeps the document's copies and resolver base. Errors name
    // "product" (not found) or "batch" (not found, or another product's).
    static Result<StoreMerge> build(store::Database& db, const QString& tenantId,
                                    const QString& productRef, const QString& batchId,
                                    const MergeSpec& base);
    // The merge fields of a product: product.name (English or any), product.name.<lang>,
    // product.gtin, product.brand, product.model, passport.<field> for scalar fields.
    static QHash<QString, QString> productFields(const passport::Product& product);
};

} // namespace dpp::label
