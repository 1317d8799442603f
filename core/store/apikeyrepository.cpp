#include "apikeyrepository.h"

#include "sqlhelpers.h"

namespace dpp::store {

using passport::ApiKey;

namespace {
const char* kColumns = "id, tenant_id, name, display_prefix, key_hash, scopes, test, expires_at, "
                       "revoked, created_at, rate_limit_per_minute";

ApiKey keyFrom(const QSqlQuery& q)
{
    ApiKey k;
    k.id = q.value(0).toString();
    k.tenantId = q.value(1).toString();
    k.name = q.value(2).toString();
    k.displayPrefix = q.value(3).toString();
    k.hash = q.value(4).toString();
    k.scopes = sql::stringsFrom(q.value(5));
    k.test = q.value(6).toInt() != 0;
    k.expiresAt = sql::timeFrom(q.value(7));
    k.revoked = q.value(8).toInt() != 0;
    k.createdAt = sql::timeFrom(q.value(9));
    k.rateLimitPerMinute = q.value(10).isNull() ? 0 : q.value(10).toInt();
    return k;
}
} // namespace

Result<ApiKeyRepository::Created> ApiKeyRepository::create(const QString& name,
                                                           const QStringList& scopes, bool test,
                                                           const QDateTime& expiresAt,
                                                           int rateLimitPerMinute)
{
    Created c;
    c.key.id = sql::newId();
    c.key.tenantId = m_tenantId;
    c.key.name = name;
    c.key.scopes = scopes;
    c.key.test = test;
    c.key.expiresAt = expiresAt;
    c.key.createdAt = QDateTime::currentDateTimeUtc();
    c.key.rateLimitPerMinute = rateLimitPerMinute;
    if (const auto errors = c.key.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    c.secret = ApiKey::generate(c.key);
    QSqlQuery q = m_db.prepare(
        QStringLiteral(
            "INSERT INTO api_keys (%1) VALUES (:id, :t, :n, :p, :h, :s, :test, :e, 0, :c, :rl)")
            .arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":id"), c.key.id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":n"), c.key.name);
    q.bindValue(QStringLiteral(":p"), c.key.displayPrefix);
    q.bindValue(QStringLiteral(":h"), c.key.hash);
    q.bindValue(QStringLiteral(":s"), sql::toText(QJsonArray::fromStringList(scopes)));
    q.bindValue(QStringLiteral(":test"), test ? 1 : 0);
    q.bindValue(QStringLiteral(":e"), sql::timeText(expiresAt));
    q.bindValue(QStringLiteral(":c"), sql::timeText(c.key.createdAt));
    q.bindValue(QStringLiteral(":rl"),
                rateLimitPerMinute > 0 ? QVariant(rateLimitPerMinute) : QVariant());
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return c;
}

QList<ApiKey> ApiKeyRepository::list() const
{
    QList<ApiKey> out;
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT %1 FROM api_keys WHERE tenant_id = :t ORDER BY created_at")
            .arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Database::exec(q).ok())
        while (q.next())
            out.append(keyFrom(q));
    return out;
}

Status ApiKeyRepository::revoke(const QString& id)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE api_keys SET revoked = 1 WHERE id = :id AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s;
    if (q.numRowsAffected() != 1)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("API key"));
    return Ok{};
}

Status ApiKeyRepository::setRateLimit(const QString& id, int rateLimitPerMinute)
{
    ApiKey probe;
    probe.name = QStringLiteral("-");
    probe.scopes = {ApiKey::knownScopes().first()};
    probe.rateLimitPerMinute = rateLimitPerMinute;
    if (const auto errors = probe.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "UPDATE api_keys SET rate_limit_per_minute = :rl WHERE id = :id AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":rl"),
                rateLimitPerMinute > 0 ? QVariant(rateLimitPerMinute) : QVariant());
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s;
    if (q.numRowsAffected() != 1)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("API key"));
    return Ok{};
}

std::optional<ApiKey> ApiKeyRepository::authenticate(Database& db, const QString& secret)
{
    if (!secret.startsWith(QLatin1String("sk_live_")) &&
        !secret.startsWith(QLatin1String("sk_test_")))
        return std::nullopt;
    QSqlQuery q = db.prepare(
        QStringLiteral("SELECT %1 FROM api_keys WHERE key_hash = :h").arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":h"), ApiKey::hashKey(secret));
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    ApiKey k = keyFrom(q);
    if (!k.isUsable(QDateTime::currentDateTimeUtc()))
        return std::nullopt;
    return k;
}

} // namespace dpp::store
