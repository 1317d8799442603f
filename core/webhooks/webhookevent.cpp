#include "webhookevent.h"

#include <QJsonDocument>

namespace dpp::webhooks {

WebhookEvent WebhookEvent::make(const QString& id, const QString& type, const QString& tenantId,
                                const QDateTime& created, const QString& gtin,
                                const QJsonObject& data, const QJsonArray& changes,
                                bool withChanges)
{
    WebhookEvent e;
    e.id = id;
    e.type = type;
    e.tenantId = tenantId;
    e.created = created.isValid() ? created.toUTC() : QDateTime::currentDateTimeUtc();
    QJsonObject p{{QStringLiteral("id"), id},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("event"), type},
                  {QStringLiteral("created"), e.created.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("tenant"), tenantId},
                  {QStringLiteral("data"), data}};
    if (!gtin.isEmpty())
        p.insert(QStringLiteral("gtin"), gtin);
    if (withChanges)
        p.insert(QStringLiteral("changes"), changes);
    e.payload = p;
    return e;
}

QByteArray WebhookEvent::body() const
{
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

} // namespace dpp::webhooks
