// WebhookDeliveryRepository: the persistent outbound queue. One row per (subscription,
// event) — the unique key lets several dppserver processes enqueue the same journal entry
// without a duplicate — claimed by a sender with a conditional UPDATE of locked_until so
// only one process sends it. Also keeps the dispatcher's change-journal cursor.
#pragma once

#include "database.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace dpp::store {

struct WebhookDelivery
{
    QString id;
    QString tenantId;
    QString subscriptionId;
    QString eventId;
    QString eventType;
    QByteArray payload; // the exact body sent on every attempt
    int attempts = 0;
    QString status; // pending | delivered | failed
    QDateTime nextAttemptAt;
    int lastStatus = 0; // HTTP status of the last attempt; 0 = no answer
    QString lastError;
    QDateTime createdAt;
    QDateTime deliveredAt;

    /// For GET /v1/webhooks/{id}/deliveries (the payload included, parsed).
    QJsonObject toJson() const;
};

class WebhookDeliveryRepository
{
public:
    WebhookDeliveryRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    /// The subscription's deliveries, newest first (at most `limit`).
    QList<WebhookDelivery> list(const QString& subscriptionId, int limit = 100) const;

    /// Queues the event for every active subscription of the tenant that wants it and
    /// existed when the event happened (`eventTime`). Joins the caller's transaction. An
    /// event already queued for a subscription is left alone. Returns how many were added.
    static Result<int> enqueue(Database& db, const QString& tenantId, const QString& eventId,
                               const QString& eventType, const QByteArray& payload,
                               const QDateTime& eventTime);
    /// Queues one event for one subscription only (the "send a test event" button).
    static Status enqueueFor(Database& db, const QString& tenantId, const QString& subscriptionId,
                             const QString& eventId, const QString& eventType,
                             const QByteArray& payload);
    /// Claims up to `limit` pending deliveries that are due at `now` and not claimed by
    /// another sender; each claim holds for `leaseMs`.
    static QList<WebhookDelivery> claimDue(Database& db, const QDateTime& now, int limit,
                                           int leaseMs);
    static Status markDelivered(Database& db, const QString& id, int httpStatus);
    /// Records a failed attempt; with `nextAttemptAt` invalid the delivery is failed for good.
    static Status markAttemptFailed(Database& db, const QString& id, int httpStatus,
                                    const QString& error, const QDateTime& nextAttemptAt);

    /// Last change-journal seq turned into deliveries (0 before the first run).
    static qint64 cursor(Database& db);
    /// Moves the cursor from `from` to `to`; false when another process moved it first.
    static Result<bool> advanceCursor(Database& db, qint64 from, qint64 to);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
