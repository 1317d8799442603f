// WebhookEvent: one outbound event as sent: an id receivers deduplicate on, a type, and
// the JSON body (envelope + data). The body bytes are fixed when the event is queued, so
// every retry sends (and signs) exactly the same bytes.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace dpp::webhooks {

struct WebhookEvent
{
    QString id;   // "evt_…", stable for the event (the same in every delivery and retry)
    QString type; // "passport.updated", …
    QString tenantId;
    QDateTime created;
    QJsonObject payload;

    /// The envelope (README "Webhooks"): {"id","type","event","created","tenant",
    /// "gtin"?, "data", "changes"?}. `event` repeats `type` under the name the EUlabel
    /// examples use, so receivers written for either name work.
    static WebhookEvent make(const QString& id, const QString& type, const QString& tenantId,
                             const QDateTime& created, const QString& gtin, const QJsonObject& data,
                             const QJsonArray& changes = {}, bool withChanges = false);
    QByteArray body() const;
};

} // namespace dpp::webhooks
