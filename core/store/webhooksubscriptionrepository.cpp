#include "webhooksubscriptionrepository.h"

#include "sqlhelpers.h"

namespace dpp::store {

using passport::WebhookSubscription;

namespace {
const char* kSelect = "SELECT id, tenant_id, url, events, secret, description, active, "
                      "failure_count, created_at, updated_at, row_version FROM "
                      "webhook_subscriptions";

WebhookSubscription subscriptionFrom(const QSqlQuery& q)
{
    WebhookSubscription s;
    s.id = q.value(0).toString();
    s.tenantId = q.value(1).toString();
    s.url = q.value(2).toString();
    s.events = sql::stringsFrom(q.value(3));
    s.secret = q.value(4).toString();
    s.description = q.value(5).toString();
    s.active = q.value(6).toInt() != 0;
    s.failureCount = q.value(7).toInt();
    s.createdAt = sql::timeFrom(q.value(8));
    s.updatedAt = sql::timeFrom(q.value(9));
    s.rowVersion = q.value(10).toInt();
    return s;
}
} // namespace

Result<WebhookSubscription> WebhookSubscriptionRepository::create(WebhookSubscription draft)
{
    if (const auto errors = draft.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    draft.id = sql::newId();
    draft.tenantId = m_tenantId;
    draft.secret = WebhookSubscription::generateSecret();
    draft.createdAt = draft.updatedAt = QDateTime::currentDateTimeUtc();
    draft.failureCount = 0;
    draft.rowVersion = 1;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, description, "
        "active, failure_count, created_at, updated_at, row_version) VALUES (:id, :t, :u, :e, "
        ":s, :d, :a, 0, :c, :c, 1)"));
    q.bindValue(QStringLiteral(":id"), draft.id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":u"), draft.url);
    q.bindValue(QStringLiteral(":e"), sql::toText(QJsonArray::fromStringList(draft.events)));
    q.bindValue(QStringLiteral(":s"), draft.secret);
    q.bindValue(QStringLiteral(":d"), draft.description);
    q.bindValue(QStringLiteral(":a"), draft.active ? 1 : 0);
    q.bindValue(QStringLiteral(":c"), sql::timeText(draft.createdAt));
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return draft;
}

QList<WebhookSubscription> WebhookSubscriptionRepository::list() const
{
    QList<WebhookSubscription> out;
    QSqlQuery q = m_db.prepare(QLatin1String(kSelect) +
                               QStringLiteral(" WHERE tenant_id = :t ORDER BY created_at, id"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Database::exec(q).ok())
        while (q.next())
            out.append(subscriptionFrom(q));
    return out;
}

std::optional<WebhookSubscription> WebhookSubscriptionRepository::get(const QString& id) const
{
    return sql::rowById<WebhookSubscription>(m_db, kSelect, id, m_tenantId, subscriptionFrom);
}

Result<WebhookSubscription>
WebhookSubscriptionRepository::update(const WebhookSubscription& edited,
                                      std::optional<qint64> expectedVersion)
{
    if (const auto errors = edited.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    WebhookSubscription s = edited;
    s.updatedAt = QDateTime::currentDateTimeUtc();
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE webhook_subscriptions SET url = :u, events = :e, description = :d, "
                       "active = :a, updated_at = :now, row_version = row_version + 1 WHERE id = "
                       ":id AND tenant_id = :t") +
        (expectedVersion ? QStringLiteral(" AND row_version = :v") : QString()));
    q.bindValue(QStringLiteral(":u"), s.url);
    q.bindValue(QStringLiteral(":e"), sql::toText(QJsonArray::fromStringList(s.events)));
    q.bindValue(QStringLiteral(":d"), s.description);
    q.bindValue(QStringLiteral(":a"), s.active ? 1 : 0);
    q.bindValue(QStringLiteral(":now"), sql::timeText(s.updatedAt));
    q.bindValue(QStringLiteral(":id"), s.id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (expectedVersion)
        q.bindValue(QStringLiteral(":v"), *expectedVersion);
    if (Status st = Database::exec(q); !st.ok())
        return st.error();
    const auto now = get(s.id);
    if (!now)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("webhook"));
    if (q.numRowsAffected() != 1)
        return sql::versionMismatch(QStringLiteral("webhook"), *expectedVersion, now->rowVersion);
    s.rowVersion = now->rowVersion;
    return s;
}

Status WebhookSubscriptionRepository::remove(const QString& id)
{
    return m_db.transaction([&]() -> Status {
        if (!get(id))
            return sql::notFound(QStringLiteral("id"), QStringLiteral("webhook"));
        QSqlQuery d = m_db.prepare(QStringLiteral(
            "DELETE FROM webhook_deliveries WHERE subscription_id = :id AND tenant_id = :t"));
        d.bindValue(QStringLiteral(":id"), id);
        d.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status s = Database::exec(d); !s.ok())
            return s;
        QSqlQuery q = m_db.prepare(
            QStringLiteral("DELETE FROM webhook_subscriptions WHERE id = :id AND tenant_id = :t"));
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        return Database::exec(q);
    });
}

QList<WebhookSubscription> WebhookSubscriptionRepository::subscribersOf(Database& db,
                                                                        const QString& tenantId,
                                                                        const QString& eventType)
{
    QList<WebhookSubscription> out;
    QSqlQuery q = db.prepare(QLatin1String(kSelect) +
                             QStringLiteral(" WHERE tenant_id = :t AND active = 1 ORDER BY id"));
    q.bindValue(QStringLiteral(":t"), tenantId);
    if (Database::exec(q).ok())
        while (q.next()) {
            WebhookSubscription s = subscriptionFrom(q);
            if (s.wants(eventType))
                out.append(s);
        }
    return out;
}

QSet<QString> WebhookSubscriptionRepository::tenantsWithActiveSubscriptions(Database& db)
{
    QSet<QString> out;
    QSqlQuery q = db.prepare(
        QStringLiteral("SELECT DISTINCT tenant_id FROM webhook_subscriptions WHERE active = 1"));
    if (Database::exec(q).ok())
        while (q.next())
            out.insert(q.value(0).toString());
    return out;
}

std::optional<WebhookSubscription> WebhookSubscriptionRepository::byId(Database& db,
                                                                       const QString& id)
{
    QSqlQuery q = db.prepare(QLatin1String(kSelect) + QStringLiteral(" WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return subscriptionFrom(q);
}

Status WebhookSubscriptionRepository::addFailure(Database& db, const QString& id)
{
    QSqlQuery q = db.prepare(QStringLiteral(
        "UPDATE webhook_subscriptions SET failure_count = failure_count + 1 WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    return Database::exec(q);
}

} // namespace dpp::store
