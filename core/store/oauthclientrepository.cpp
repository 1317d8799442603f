#include "oauthclientrepository.h"

#include "passport/secrettoken.h"
#include "sqlhelpers.h"

namespace dpp::store {

using passport::OAuthClient;

namespace {
const char* kSelect =
    "SELECT id, tenant_id, name, redirect_uris, scopes, secret_hash, created_at FROM oauth_clients";

OAuthClient clientFrom(const QSqlQuery& q)
{
    OAuthClient c;
    c.id = q.value(0).toString();
    c.tenantId = q.value(1).toString();
    c.name = q.value(2).toString();
    c.redirectUris = sql::stringsFrom(q.value(3));
    c.scopes = sql::stringsFrom(q.value(4));
    c.secretHash = q.value(5).toString();
    c.createdAt = sql::timeFrom(q.value(6));
    return c;
}
} // namespace

Result<OAuthClientRepository::Created>
OAuthClientRepository::create(const QString& name, const QStringList& redirectUris,
                              const QStringList& scopes, bool confidential)
{
    Created c;
    c.client.id = passport::SecretToken::generate(QStringLiteral("cli_")).left(28);
    c.client.tenantId = m_tenantId;
    c.client.name = name;
    c.client.redirectUris = redirectUris;
    c.client.scopes = scopes;
    c.client.createdAt = QDateTime::currentDateTimeUtc();
    if (const auto errors = c.client.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    if (confidential) {
        c.secret = passport::SecretToken::generate(QStringLiteral("cs_"));
        c.client.secretHash = passport::SecretToken::hash(c.secret);
    }
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO oauth_clients (id, tenant_id, name, redirect_uris, scopes, secret_hash, "
        "created_at, revoked) VALUES (:id, :t, :n, :r, :s, :h, :c, 0)"));
    q.bindValue(QStringLiteral(":id"), c.client.id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":n"), name);
    q.bindValue(QStringLiteral(":r"), sql::toText(QJsonArray::fromStringList(redirectUris)));
    q.bindValue(QStringLiteral(":s"), sql::toText(QJsonArray::fromStringList(scopes)));
    q.bindValue(QStringLiteral(":h"), sql::nullableText(c.client.secretHash));
    q.bindValue(QStringLiteral(":c"), sql::timeText(c.client.createdAt));
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return c;
}

QList<OAuthClient> OAuthClientRepository::list() const
{
    QList<OAuthClient> out;
    QSqlQuery q = m_db.prepare(QLatin1String(kSelect) +
                               QStringLiteral(" WHERE tenant_id = :t ORDER BY created_at"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Database::exec(q).ok())
        while (q.next())
            out.append(clientFrom(q));
    return out;
}

Status OAuthClientRepository::remove(const QString& clientId)
{
    return m_db.transaction([&]() -> Status {
        // Children first: foreign keys are not enforced the same way on every engine.
        for (const char* table : {"oauth_tokens", "oauth_codes"}) {
            QSqlQuery d = m_db.prepare(
                QStringLiteral("DELETE FROM %1 WHERE client_id = :id AND tenant_id = :t")
                    .arg(QLatin1String(table)));
            d.bindValue(QStringLiteral(":id"), clientId);
            d.bindValue(QStringLiteral(":t"), m_tenantId);
            if (Status s = Database::exec(d); !s.ok())
                return s;
        }
        QSqlQuery q = m_db.prepare(
            QStringLiteral("DELETE FROM oauth_clients WHERE id = :id AND tenant_id = :t"));
        q.bindValue(QStringLiteral(":id"), clientId);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status s = Database::exec(q); !s.ok())
            return s;
        if (q.numRowsAffected() != 1)
            return sql::notFound(QStringLiteral("id"), QStringLiteral("OAuth client"));
        return Ok{};
    });
}

std::optional<OAuthClient> OAuthClientRepository::find(Database& db, const QString& clientId)
{
    QSqlQuery q =
        db.prepare(QLatin1String(kSelect) + QStringLiteral(" WHERE id = :id AND revoked = 0"));
    q.bindValue(QStringLiteral(":id"), clientId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return clientFrom(q);
}

} // namespace dpp::store
