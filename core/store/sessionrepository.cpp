#include "sessionrepository.h"

#include "passport/secrettoken.h"
#include "sqlhelpers.h"

namespace dpp::store {

using passport::SecretToken;

Result<SessionRepository::Created> SessionRepository::create(Database& db, const QString& userId,
                                                             const QString& tenantId,
                                                             const QString& apiKeyId,
                                                             const QDateTime& expiresAt)
{
    Created c;
    c.secret = SecretToken::generate(QStringLiteral("ses_"));
    c.session = Session{sql::newId(), userId, tenantId, {}, apiKeyId, expiresAt};
    QSqlQuery q = db.prepare(QStringLiteral(
        "INSERT INTO sessions (id, token_hash, user_id, tenant_id, api_key_id, created_at, "
        "expires_at, revoked) VALUES (:id, :h, :u, :t, :k, :c, :e, 0)"));
    q.bindValue(QStringLiteral(":id"), c.session.id);
    q.bindValue(QStringLiteral(":h"), SecretToken::hash(c.secret));
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":t"), tenantId);
    q.bindValue(QStringLiteral(":k"), sql::nullableText(apiKeyId));
    q.bindValue(QStringLiteral(":c"), Database::now());
    q.bindValue(QStringLiteral(":e"), sql::timeText(expiresAt));
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return c;
}

std::optional<SessionRepository::Session> SessionRepository::authenticate(Database& db,
                                                                          const QString& secret)
{
    if (!secret.startsWith(QLatin1String("ses_")))
        return std::nullopt;
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT s.id, s.user_id, s.tenant_id, u.role, s.api_key_id, s.expires_at FROM sessions s "
        "JOIN users u ON u.id = s.user_id WHERE s.token_hash = :h AND s.revoked = 0"));
    q.bindValue(QStringLiteral(":h"), SecretToken::hash(secret));
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    Session s{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
              q.value(3).toString(), q.value(4).toString(), sql::timeFrom(q.value(5))};
    if (!s.expiresAt.isValid() || s.expiresAt <= QDateTime::currentDateTimeUtc())
        return std::nullopt;
    return s;
}

std::optional<SessionRepository::Session> SessionRepository::revoke(Database& db,
                                                                    const QString& secret)
{
    auto session = authenticate(db, secret);
    if (!session)
        return std::nullopt;
    QSqlQuery q = db.prepare(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), session->id);
    if (!Database::exec(q).ok())
        return std::nullopt;
    return session;
}

} // namespace dpp::store
