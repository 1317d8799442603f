#include "webhookingestor.h"

#include "store/passportpublisher.h"
#include "store/passportrepository.h"
#include "store/productrepository.h"

namespace dpp::webhooks {

namespace {
// Objects merge key by key; anything else (arrays included) is replaced by `over`.
QJsonObject deepMerge(QJsonObject base, const QJsonObject& over)
{
    for (auto it = over.begin(); it != over.end(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(),
                        deepMerge(base.value(it.key()).toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}
} // namespace

QJsonObject WebhookIngestor::Outcome::toJson() const
{
    return QJsonObject{
        {QStringLiteral("product_id"), product.id},
        {QStringLiteral("gtin"), product.gtin},
        {QStringLiteral("product_created"), productCreated},
        {QStringLiteral("passport"), QJsonObject{{QStringLiteral("id"), version.id},
                                                 {QStringLiteral("version"), version.version},
                                                 {QStringLiteral("kind"), version.kind},
                                                 {QStringLiteral("sha256"), version.sha256},
                                                 {QStringLiteral("unchanged"), passportUnchanged}}},
        {QStringLiteral("unmapped"), unmapped}};
}

Result<WebhookIngestor::Outcome> WebhookIngestor::ingest(const IngestMapping& mapping,
                                                         const QJsonObject& payload)
{
    auto mapped = mapping.apply(payload);
    if (!mapped.ok())
        return mapped.error();
    const QJsonObject defaults = mapping.toJson().value(QStringLiteral("defaults")).toObject();
    const QString gtin = mapped->product.value(QStringLiteral("gtin")).toString();
    // Name the PIM's field in errors: where this payload had the GTIN, else where the
    // mapping looks for it.
    QString gtinSource = mapped->sourceOf.value(QStringLiteral("product.gtin"));
    const QJsonObject fields = mapping.toJson().value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end() && gtinSource.isEmpty(); ++it) {
        if (it.value().toObject().value(QStringLiteral("to")).toString() == u"product.gtin")
            gtinSource = it.key();
    }
    if (gtinSource.isEmpty())
        gtinSource = QStringLiteral("product.gtin");
    if (gtin.isEmpty())
        return Error{gtinSource,
                     QStringLiteral("is required: the GTIN identifies the product (the mapping "
                                    "takes it from %1)")
                         .arg(gtinSource),
                     QStringLiteral("validation_error")};

    Outcome out;
    out.unmapped = mapped->unmapped;
    const QString kind = mapping.kind();
    const Status s = m_db.transaction([&]() -> Status {
        store::ProductRepository products(m_db, m_tenantId);
        const auto existing = products.findByGtin(gtin);
        QJsonObject productJson =
            existing ? existing->toJson() : defaults.value(QStringLiteral("product")).toObject();
        productJson = deepMerge(productJson, mapped->product);
        // Store-assigned keys are not input; a product the PIM sends again is live again.
        for (const char* k : {"id", "created_at", "updated_at", "status"})
            productJson.remove(QLatin1String(k));
        auto saved = products.save(productJson);
        if (!saved.ok()) {
            Error e = saved.error();
            const QString target = QStringLiteral("product.") + e.param;
            e.param = mapped->sourceOf.value(target, target);
            return e;
        }
        out.product = saved->product;
        out.productCreated = saved->created;

        QJsonObject data = defaults.value(QStringLiteral("passport")).toObject();
        const auto published =
            store::PassportRepository(m_db, m_tenantId).published(out.product.id);
        if (published && published->kind == kind)
            data = deepMerge(data, published->data);
        data = deepMerge(data, mapped->passport);
        // PIMs often keep the energy in kJ only; on a wine label kcal must match it
        // (1 kcal = 4.184 kJ), so a mapped kJ value without kcal brings its kcal along.
        const QJsonObject mappedNutrition =
            mapped->passport.value(QStringLiteral("nutrition")).toObject();
        if (kind == u"wine" && mappedNutrition.value(QStringLiteral("energyKj")).isDouble() &&
            !mappedNutrition.contains(QStringLiteral("energyKcal"))) {
            QJsonObject n = data.value(QStringLiteral("nutrition")).toObject();
            n.insert(QStringLiteral("energyKcal"),
                     qRound(mappedNutrition.value(QStringLiteral("energyKj")).toDouble() / 4.184));
            data.insert(QStringLiteral("nutrition"), n);
        }
        store::PassportPublisher publisher(m_db, m_tenantId);
        publisher.setPublicBase(m_publicBase);
        auto version = publisher.publish(out.product.id, kind, data);
        if (!version.ok()) {
            if (version.error().code == u"unchanged" && published) {
                out.version = *published;
                out.passportUnchanged = true;
                return Ok{};
            }
            Error e = version.error();
            const QString target = QStringLiteral("passport.") + e.param;
            const QString source = mapped->sourceOf.value(target);
            e.param = source.isEmpty() ? target : source;
            if (source.isEmpty())
                e.message += QStringLiteral(
                    " (not in the payload, the mapping's defaults or the published passport)");
            return e;
        }
        out.version = *version;
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return out;
}

} // namespace dpp::webhooks
