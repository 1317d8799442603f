#include "webhookeventbuilder.h"

#include "passport/passportdiff.h"
#include "store/passportrepository.h"
#include "store/productrepository.h"

#include <algorithm>

namespace dpp::webhooks {

namespace {
QString eventId(const store::ChangeEntry& entry, const char* suffix = nullptr)
{
    QString id = QStringLiteral("evt_%1").arg(entry.seq, 10, 10, QLatin1Char('0'));
    if (suffix) {
        id += u'_';
        id += QLatin1String(suffix);
    }
    return id;
}
} // namespace

QJsonArray WebhookEventBuilder::changesJson(const QJsonObject& before, const QJsonObject& after)
{
    QJsonArray out;
    for (const auto& c : passport::PassportDiff::between(before, after)) {
        QJsonObject o{{QStringLiteral("path"), c.path},
                      {QStringLiteral("kind"), passport::PassportDiff::toString(c.kind)}};
        if (!c.before.isUndefined())
            o.insert(QStringLiteral("before"), c.before);
        if (!c.after.isUndefined())
            o.insert(QStringLiteral("after"), c.after);
        out.append(o);
    }
    return out;
}

QList<WebhookEvent> WebhookEventBuilder::fromJournal(const store::ChangeEntry& entry) const
{
    const QDateTime at = QDateTime::fromString(entry.at, Qt::ISODateWithMs);
    const QString tenant = entry.tenantId;
    QList<WebhookEvent> out;

    if (entry.entity == QLatin1String(store::ChangeJournal::Product)) {
        const QString gtin = entry.data.value(QStringLiteral("gtin")).toString();
        QJsonObject data{{QStringLiteral("product_id"), entry.entityId},
                         {QStringLiteral("gtin"), gtin}};
        if (entry.op != u"deleted") {
            // The product as it is when the event is queued (usually the same moment).
            if (const auto p = store::ProductRepository(m_db, tenant).get(entry.entityId))
                data.insert(QStringLiteral("product"), p->toJson());
        }
        if (entry.op == u"created" || entry.op == u"updated" || entry.op == u"deleted")
            out.append(WebhookEvent::make(eventId(entry), QStringLiteral("product.") + entry.op,
                                          tenant, at, gtin, data));
        if (entry.op == u"deleted") {
            store::PassportRepository passports(m_db, tenant);
            const auto versions = passports.versions(entry.entityId);
            const bool hadPublished =
                std::any_of(versions.begin(), versions.end(), [](const auto& v) {
                    return v.status == u"published" || v.status == u"superseded";
                });
            if (hadPublished)
                out.append(WebhookEvent::make(
                    eventId(entry, "passport"), QStringLiteral("passport.deleted"), tenant, at,
                    gtin,
                    QJsonObject{{QStringLiteral("product_id"), entry.entityId},
                                {QStringLiteral("gtin"), gtin},
                                {QStringLiteral("reason"), QStringLiteral("product_deleted")}}));
        }
        return out;
    }

    if (entry.entity == QLatin1String(store::ChangeJournal::Passport)) {
        if (entry.op != u"created" && entry.op != u"updated")
            return out;
        const int version = entry.data.value(QStringLiteral("version")).toInt();
        store::PassportRepository passports(m_db, tenant);
        const auto versions = passports.versions(entry.entityId);
        QJsonObject current, previous;
        for (const auto& v : versions) {
            if (v.version == version)
                current = v.data;
            else if (v.version == version - 1)
                previous = v.data;
        }
        const auto product = store::ProductRepository(m_db, tenant).get(entry.entityId);
        const QString gtin = product ? product->gtin : QString();
        QJsonObject data{
            {QStringLiteral("passport_id"), entry.data.value(QStringLiteral("version_id"))},
            {QStringLiteral("product_id"), entry.entityId},
            {QStringLiteral("gtin"), gtin},
            {QStringLiteral("version"), version},
            {QStringLiteral("kind"), entry.data.value(QStringLiteral("kind"))},
            {QStringLiteral("sha256"), entry.data.value(QStringLiteral("sha256"))},
            {QStringLiteral("status"), QStringLiteral("published")}};
        const bool updated = entry.op == u"updated";
        out.append(WebhookEvent::make(
            eventId(entry), QStringLiteral("passport.") + entry.op, tenant, at, gtin, data,
            updated ? changesJson(previous, current) : QJsonArray(), updated));
        return out;
    }

    if (entry.entity == QLatin1String(store::ChangeJournal::SerialBatch) &&
        entry.op == u"created") {
        QJsonObject data = entry.data;
        data.insert(QStringLiteral("batch_id"), entry.entityId);
        const QString productId = data.value(QStringLiteral("product_id")).toString();
        const auto product = store::ProductRepository(m_db, tenant).get(productId);
        out.append(WebhookEvent::make(eventId(entry), QStringLiteral("batch.created"), tenant, at,
                                      product ? product->gtin : QString(), data));
        return out;
    }

    if (entry.entity == QLatin1String(store::ChangeJournal::Serial) &&
        entry.op == u"state_changed") {
        const QString productId = entry.data.value(QStringLiteral("product_id")).toString();
        const auto product = store::ProductRepository(m_db, tenant).get(productId);
        out.append(WebhookEvent::make(eventId(entry), QStringLiteral("serial.state_changed"),
                                      tenant, at, product ? product->gtin : QString(), entry.data));
    }
    return out;
}

WebhookEvent WebhookEventBuilder::scanThreshold(const QString& tenantId, const QString& productId,
                                                const QString& gtin, qint64 threshold, qint64 total,
                                                const QDateTime& at)
{
    // One event per (product, threshold) ever, so the id can say exactly that.
    return WebhookEvent::make(QStringLiteral("evt_scan_%1_%2").arg(productId).arg(threshold),
                              QStringLiteral("scan.threshold"), tenantId, at, gtin,
                              QJsonObject{{QStringLiteral("product_id"), productId},
                                          {QStringLiteral("gtin"), gtin},
                                          {QStringLiteral("threshold"), threshold},
                                          {QStringLiteral("total_scans"), total}});
}

} // namespace dpp::webhooks
