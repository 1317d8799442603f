#include "storemergespec.h"

#include "store/productrepository.h"
#include "store/serialrepository.h"

namespace dpp::label {

QHash<QString, QString> StoreMergeSpec::productFields(const passport::Product& product,
                                                      const QString& language)
{
    QHash<QString, QString> f;
    f.insert(QStringLiteral("gtin"), product.gtin);
    f.insert(QStringLiteral("product.name"), product.displayName(language));
    for (auto it = product.name.begin(); it != product.name.end(); ++it)
        f.insert(QStringLiteral("product.name.") + it.key(), it.value());
    f.insert(QStringLiteral("product.gtin"), product.gtin);
    f.insert(QStringLiteral("passport.gtin"), product.gtin);
    f.insert(QStringLiteral("passport.category"), product.category);
    for (auto it = product.attributes.begin(); it != product.attributes.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = QString::number(v.toDouble(), 'g', 15);
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else
            continue; // arrays and objects have no single printable value
        f.insert(QStringLiteral("passport.") + it.key(), text);
    }
    // Brand and model under the short names designers use; the passport
    // spells them brand/brand_name and model/model_name/model_number
    // depending on origin.
    const auto firstOf = [&f](std::initializer_list<const char*> keys) {
        for (const char* key : keys) {
            const QString v = f.value(QStringLiteral("passport.") + QLatin1String(key));
            if (!v.isEmpty())
                return v;
        }
        return QString();
    };
    f.insert(QStringLiteral("product.brand"),
             firstOf({"brand", "brand_name", "manufacturer_name"}));
    f.insert(QStringLiteral("product.model"), firstOf({"model", "model_name", "model_number"}));
    return f;
}

Result<StoreMerge> StoreMergeSpec::build(store::Database& db, const QString& tenantId,
                                         const QString& productRef, const QString& batchId,
                                         const MergeSpec& base)
{
    if (productRef.trimmed().isEmpty())
        return Error{QStringLiteral("product"), QStringLiteral("give a product UUID or GTIN"),
                     QStringLiteral("required")};
    store::ProductRepository products(db, tenantId);
    auto product = products.resolve(productRef.trimmed());
    if (!product)
        return Error{QStringLiteral("product"),
                     QStringLiteral("no product '%1' in the store (UUID or GTIN)").arg(productRef),
                     QStringLiteral("not_found")};
    StoreMerge out;
    out.product = *product;
    out.spec.kind = MergeSpec::Kind::Single;
    out.spec.gtin = product->gtin;
    out.spec.base = base.base;
    out.spec.copies = base.copies;
    out.spec.extra = productFields(*product);
    if (!batchId.isEmpty()) {
        store::SerialRepository serials(db, tenantId);
        auto batch = serials.batch(batchId);
        if (!batch)
            return Error{QStringLiteral("batch"),
                         QStringLiteral("no serial batch '%1' in the store").arg(batchId),
                         QStringLiteral("not_found")};
        if (batch->productId != product->id)
            return Error{QStringLiteral("batch"),
                         QStringLiteral("serial batch %1 belongs to another product").arg(batchId),
                         QStringLiteral("invalid")};
        out.batch = *batch;
        out.spec.kind = MergeSpec::Kind::Serials;
        out.spec.lot = batch->lot;
        out.spec.serialList = serials.serials(batchId);
        if (out.spec.serialList.isEmpty())
            return Error{QStringLiteral("batch"),
                         QStringLiteral("serial batch %1 has no serials").arg(batchId),
                         QStringLiteral("empty")};
    }
    return out;
}

Result<MergeSpec> StoreMergeSpec::products(store::Database& db, const QString& tenantId,
                                           const QStringList& productIds, const MergeSpec& base)
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
        spec.products.append(productFields(*product));
    }
    return spec;
}

} // namespace dpp::label
