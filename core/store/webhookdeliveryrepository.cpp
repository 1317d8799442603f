#include "webhookdeliveryrepository.h"

#include "sqlhelpers.h"
#include "webhooksubscriptionrepository.h"

#include <QJsonDocument>

namespace dpp::store {

namespace {
const char* kSelect = "SELECT id, tenant_id, subscription_id, event_id, event_type, payload, "
                      "attempts, status, next_attempt_at, last_status, last_error, created_at, "
                      "delivered_at FROM webhook_deliveries";
const char* kCursorName = "outbound";

WebhookDelivery deliveryFrom(const QSqlQuery& q)
{
    WebhookDelivery d;
    d.id = q.value(0).toString();
    d.tenantId = q.value(1).toString();
    d.subscriptionId = q.value(2).toString();
    d.eventId = q.value(3).toString();
    d.eventType = q.value(4).toString();
    d.payload = q.value(5).toString().toUtf8();
    d.attempts = q.value(6).toInt();
    d.status = q.value(7).toString();
    d.nextAttemptAt = sql::timeFrom(q.value(8));
    d.lastStatus = q.value(9).isNull() ? 0 : q.value(9).toInt();
    d.lastError = q.value(10).toString();
    d.createdAt = sql::timeFrom(q.value(11));
    d.deliveredAt = sql::timeFrom(q.value(12));
    return d;
}

QSqlQuery insertQuery(Database& db, const QString& tenantId, const QString& subscriptionId,
                      const QString& eventId, const QString& eventType, const QByteArray& payload,
                      const QString& now)
{
    QSqlQuery q = db.prepare(QStringLiteral(
        "INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, "
        "payload, attempts, status, next_attempt_at, created_at, updated_at) VALUES (:id, :t, "
        ":s, :e, :type, :p, 0, 'pending', :now, :now, :now) ON CONFLICT (subscription_id, "
        "event_id) DO NOTHING"));
    q.bindValue(QStringLiteral(":id"), sql::newId());
    q.bindValue(QStringLiteral(":t"), tenantId);
    q.bindValue(QStringLiteral(":s"), subscriptionId);
    q.bindValue(QStringLiteral(":e"), eventId);
    q.bindValue(QStringLiteral(":type"), eventType);
    q.bindValue(QStringLiteral(":p"), QString::fromUtf8(payload));
    q.bindValue(QStringLiteral(":now"), now);
    return q;
}

QString isoOrNull(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

QJsonObject WebhookDelivery::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("webhook_id"), subscriptionId},
                  {QStringLiteral("event_id"), eventId},
                  {QStringLiteral("event_type"), eventType},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("attempts"), attempts},
                  {QStringLiteral("created_at"), isoOrNull(createdAt)},
                  {QStringLiteral("payload"), QJsonDocument::fromJson(payload).object()}};
    o.insert(QStringLiteral("last_status_code"),
             lastStatus > 0 ? QJsonValue(lastStatus) : QJsonValue());
    o.insert(QStringLiteral("last_error"),
             lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError));
    o.insert(QStringLiteral("next_attempt_at"),
             status == u"pending" ? QJsonValue(isoOrNull(nextAttemptAt)) : QJsonValue());
    o.insert(QStringLiteral("delivered_at"),
             deliveredAt.isValid() ? QJsonValue(isoOrNull(deliveredAt)) : QJsonValue());
    return o;
}

QList<WebhookDelivery> WebhookDeliveryRepository::list(const QString& subscriptionId,
                                                       int limit) const
{
    QList<WebhookDelivery> out;
    QSqlQuery q = m_db.prepare(QLatin1String(kSelect) +
                               QStringLiteral(" WHERE tenant_id = :t AND subscription_id = :s "
                                              "ORDER BY created_at DESC, event_id DESC LIMIT :l"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":s"), subscriptionId);
    q.bindValue(QStringLiteral(":l"), limit);
    if (Database::exec(q).ok())
        while (q.next())
            out.append(deliveryFrom(q));
    return out;
}

Result<int> WebhookDeliveryRepository::enqueue(Database& db, const QString& tenantId,
                                               const QString& eventId, const QString& eventType,
                                               const QByteArray& payload,
                                               const QDateTime& eventTime)
{
    int added = 0;
    const Status s = db.transaction([&]() -> Status {
        const auto subscribers =
            WebhookSubscriptionRepository::subscribersOf(db, tenantId, eventType);
        const QString now = Database::now();
        for (const auto& sub : subscribers) {
            // A subscription made after the event does not get it (the dispatcher may
            // run behind, e.g. after a restart).
            if (eventTime.isValid() && sub.createdAt.isValid() && sub.createdAt > eventTime)
                continue;
            QSqlQuery q = insertQuery(db, tenantId, sub.id, eventId, eventType, payload, now);
            if (Status st = Database::exec(q); !st.ok())
                return st;
            added += q.numRowsAffected() > 0 ? 1 : 0;
        }
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return added;
}

Status WebhookDeliveryRepository::enqueueFor(Database& db, const QString& tenantId,
                                             const QString& subscriptionId, const QString& eventId,
                                             const QString& eventType, const QByteArray& payload)
{
    QSqlQuery q =
        insertQuery(db, tenantId, subscriptionId, eventId, eventType, payload, Database::now());
    return Database::exec(q);
}

QList<WebhookDelivery> WebhookDeliveryRepository::claimDue(Database& db, const QDateTime& now,
                                                           int limit, int leaseMs)
{
    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);
    QSqlQuery q = db.prepare(
        QLatin1String(kSelect) +
        QStringLiteral(" WHERE status = 'pending' AND next_attempt_at <= :now AND (locked_until "
                       "IS NULL OR locked_until < :now) AND subscription_id IN (SELECT id FROM "
                       "webhook_subscriptions WHERE active = 1) ORDER BY next_attempt_at LIMIT "
                       ":l"));
    q.bindValue(QStringLiteral(":now"), nowText);
    q.bindValue(QStringLiteral(":l"), limit);
    QList<WebhookDelivery> candidates;
    if (Database::exec(q).ok())
        while (q.next())
            candidates.append(deliveryFrom(q));
    QList<WebhookDelivery> claimed;
    const QString until = now.addMSecs(leaseMs).toUTC().toString(Qt::ISODateWithMs);
    for (const WebhookDelivery& d : candidates) {
        // The conditional UPDATE is the claim: of two processes racing for the row, only
        // one sees it still unclaimed.
        QSqlQuery c = db.prepare(QStringLiteral(
            "UPDATE webhook_deliveries SET locked_until = :until WHERE id = :id AND status = "
            "'pending' AND (locked_until IS NULL OR locked_until < :now)"));
        c.bindValue(QStringLiteral(":until"), until);
        c.bindValue(QStringLiteral(":id"), d.id);
        c.bindValue(QStringLiteral(":now"), nowText);
        if (Database::exec(c).ok() && c.numRowsAffected() == 1)
            claimed.append(d);
    }
    return claimed;
}

Status WebhookDeliveryRepository::markDelivered(Database& db, const QString& id, int httpStatus)
{
    QSqlQuery q = db.prepare(QStringLiteral(
        "UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, "
        "last_status = :st, last_error = NULL, locked_until = NULL, delivered_at = :now, "
        "updated_at = :now WHERE id = :id"));
    q.bindValue(QStringLiteral(":st"), httpStatus);
    q.bindValue(QStringLiteral(":now"), Database::now());
    q.bindValue(QStringLiteral(":id"), id);
    return Database::exec(q);
}

Status WebhookDeliveryRepository::markAttemptFailed(Database& db, const QString& id, int httpStatus,
                                                    const QString& error,
                                                    const QDateTime& nextAttemptAt)
{
    QSqlQuery q = db.prepare(QStringLiteral(
        "UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1, last_status = "
        ":st, last_error = :err, locked_until = NULL, next_attempt_at = :next, updated_at = :now "
        "WHERE id = :id"));
    q.bindValue(QStringLiteral(":status"),
                nextAttemptAt.isValid() ? QStringLiteral("pending") : QStringLiteral("failed"));
    q.bindValue(QStringLiteral(":st"),
                httpStatus > 0 ? QVariant(httpStatus) : QVariant(QMetaType(QMetaType::Int)));
    q.bindValue(QStringLiteral(":err"), error.left(1000));
    const QString now = Database::now();
    q.bindValue(QStringLiteral(":next"),
                nextAttemptAt.isValid() ? nextAttemptAt.toUTC().toString(Qt::ISODateWithMs) : now);
    q.bindValue(QStringLiteral(":now"), now);
    q.bindValue(QStringLiteral(":id"), id);
    return Database::exec(q);
}

qint64 WebhookDeliveryRepository::cursor(Database& db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT seq FROM webhook_cursor WHERE name = :n"));
    q.bindValue(QStringLiteral(":n"), QLatin1String(kCursorName));
    if (!Database::exec(q).ok() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Result<bool> WebhookDeliveryRepository::advanceCursor(Database& db, qint64 from, qint64 to)
{
    QSqlQuery ins = db.prepare(QStringLiteral(
        "INSERT INTO webhook_cursor (name, seq) VALUES (:n, 0) ON CONFLICT (name) DO NOTHING"));
    ins.bindValue(QStringLiteral(":n"), QLatin1String(kCursorName));
    if (Status s = Database::exec(ins); !s.ok())
        return s.error();
    QSqlQuery q = db.prepare(
        QStringLiteral("UPDATE webhook_cursor SET seq = :to WHERE name = :n AND seq = :from"));
    q.bindValue(QStringLiteral(":to"), to);
    q.bindValue(QStringLiteral(":n"), QLatin1String(kCursorName));
    q.bindValue(QStringLiteral(":from"), from);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return q.numRowsAffected() == 1;
}

} // namespace dpp::store
