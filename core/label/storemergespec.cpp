#include "storemergespec.h"

#include "productmergefields.h"
#include "store/productrepository.h"
#include "store/serialrepository.h"

namespace dpp::label {

Result<MergeSpec> StoreMergeSpec::serialBatch(store::Database& db, const QString& tenantId,
                                              const QString& batchId, MergeSpec base)
{
    const auto batch = store::SerialRepository(db, tenantId).batch(batchId);
    if (!batch)
        return Error{QStringLiteral("batch"), QStringLiteral("no serial batch '%1'").arg(batchId),
                     QStringLiteral("not_found")};
    const auto product = store::ProductRepository(db, tenantId).get(batch->productId);
    if (!product)
        return Error{
            QStringLiteral("product"),
            QStringLiteral("the batch's product %1 no longer exists").arg(batch->productId),
            QStringLiteral("not_found")};
    const QStringList serials = batch->serials();
    if (serials.isEmpty())
        return Error{QStringLiteral("batch"), QStringLiteral("the batch has no serials"),
                     QStringLiteral("invalid")};
    MergeSpec spec = base;
    spec.kind = MergeSpec::Kind::Serials;
    spec.gtin = product->gtin;
    if (!batch->lot.isEmpty())
        spec.lot = batch->lot;
    // A trailing comma keeps a lone serial a list ("SN-1" is no range).
    spec.serials = serials.join(u',') + (serials.size() == 1 ? QStringLiteral(",") : QString());
    const auto fields = productMergeFields(*product);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        spec.extra.insert(it.key(), it.value());
    return spec;
}

Result<MergeSpec> StoreMergeSpec::products(store::Database& db, const QString& tenantId,
                                           const QStringList& productIds, MergeSpec base)
{
    if (productIds.isEmpty())
        return Error{QStringLiteral("products"), QStringLiteral("select at least one product"),
                     QStringLiteral("invalid")};
    store::ProductRepository repo(db, tenantId);
    MergeSpec spec = base;
    spec.kind = MergeSpec::Kind::Products;
    spec.products.clear();
    for (const QString& id : productIds) {
        const auto product = repo.get(id);
        if (!product)
            return Error{QStringLiteral("products"), QStringLiteral("no product '%1'").arg(id),
                         QStringLiteral("not_found")};
        spec.products.append(productMergeFields(*product));
    }
    return spec;
}

Status StoreMergeSpec::markPrinted(store::Database& db, const QString& tenantId,
                                   const QList<MergeRecord>& records)
{
    store::ProductRepository products(db, tenantId);
    store::SerialRepository serials(db, tenantId);
    return db.transaction([&]() -> Status {
        QHash<QString, QString> productIds; // gtin → id, looked up once per job chunk
        for (const MergeRecord& r : records) {
            const QString gtin = r.value(QStringLiteral("gtin"));
            const QString serial = r.value(QStringLiteral("serial"));
            if (gtin.isEmpty() || serial.isEmpty())
                continue;
            if (!productIds.contains(gtin)) {
                const auto p = products.findByGtin(gtin);
                productIds.insert(gtin, p ? p->id : QString());
            }
            const QString productId = productIds.value(gtin);
            if (productId.isEmpty())
                continue;
            const auto state = serials.state(productId, serial);
            if (!state)
                continue; // not a stored serial: printed from a range or CSV
            if (*state == QLatin1String("available")) {
                if (Status s = serials.setState(productId, serial, QStringLiteral("assigned")); !s)
                    return s;
            }
            if (*state == QLatin1String("available") || *state == QLatin1String("assigned")) {
                if (Status s = serials.setState(productId, serial, QStringLiteral("printed")); !s)
                    return s;
            }
        }
        return Ok{};
    });
}

} // namespace dpp::label
