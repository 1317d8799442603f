#include "oauthtokenrepository.h"

#include "passport/secrettoken.h"
#include "sqlhelpers.h"

#include <tuple>

namespace dpp::store {

using passport::SecretToken;

Result<OAuthTokenRepository::Pair> OAuthTokenRepository::issue(Database& db, const QString& family,
                                                               const QString& clientId,
                                                               const QString& userId,
                                                               const QString& tenantId,
                                                               const QStringList& scopes)
{
    Pair pair;
    pair.accessToken = SecretToken::generate(QStringLiteral("oat_"));
    pair.refreshToken = SecretToken::generate(QStringLiteral("ort_"));
    pair.expiresIn = kAccessSeconds;
    pair.scopes = scopes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Status s = db.transaction([&]() -> Status {
        for (const auto& [secret, kind, seconds] :
             {std::tuple{pair.accessToken, QStringLiteral("access"), kAccessSeconds},
              std::tuple{pair.refreshToken, QStringLiteral("refresh"), kRefreshSeconds}}) {
            QSqlQuery q = db.prepare(QStringLiteral(
                "INSERT INTO oauth_tokens (id, token_hash, kind, family_id, client_id, user_id, "
                "tenant_id, scopes, created_at, expires_at, used, revoked) VALUES (:id, :h, :k, "
                ":f, :c, :u, :t, :s, :cr, :e, 0, 0)"));
            q.bindValue(QStringLiteral(":id"), sql::newId());
            q.bindValue(QStringLiteral(":h"), SecretToken::hash(secret));
            q.bindValue(QStringLiteral(":k"), kind);
            q.bindValue(QStringLiteral(":f"), family);
            q.bindValue(QStringLiteral(":c"), clientId);
            q.bindValue(QStringLiteral(":u"), userId);
            q.bindValue(QStringLiteral(":t"), tenantId);
            q.bindValue(QStringLiteral(":s"), sql::toText(QJsonArray::fromStringList(scopes)));
            q.bindValue(QStringLiteral(":cr"), sql::timeText(now));
            q.bindValue(QStringLiteral(":e"), sql::timeText(now.addSecs(seconds)));
            if (Status st = Database::exec(q); !st.ok())
                return st;
        }
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return pair;
}

std::optional<OAuthTokenRepository::Token>
OAuthTokenRepository::find(Database& db, const QString& secret, const QString& kind)
{
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT t.id, t.kind, t.family_id, t.client_id, t.user_id, t.tenant_id, u.role, t.scopes, "
        "t.expires_at, t.used, t.revoked FROM oauth_tokens t JOIN users u ON u.id = t.user_id "
        "WHERE t.token_hash = :h AND t.kind = :k"));
    q.bindValue(QStringLiteral(":h"), SecretToken::hash(secret));
    q.bindValue(QStringLiteral(":k"), kind);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    Token t;
    t.id = q.value(0).toString();
    t.kind = q.value(1).toString();
    t.family = q.value(2).toString();
    t.clientId = q.value(3).toString();
    t.userId = q.value(4).toString();
    t.tenantId = q.value(5).toString();
    t.role = q.value(6).toString();
    t.scopes = sql::stringsFrom(q.value(7));
    t.expiresAt = sql::timeFrom(q.value(8));
    t.used = q.value(9).toInt() != 0;
    t.revoked = q.value(10).toInt() != 0;
    return t;
}

bool OAuthTokenRepository::markUsed(Database& db, const QString& id)
{
    QSqlQuery q =
        db.prepare(QStringLiteral("UPDATE oauth_tokens SET used = 1 WHERE id = :id AND used = 0"));
    q.bindValue(QStringLiteral(":id"), id);
    return Database::exec(q).ok() && q.numRowsAffected() == 1;
}

Status OAuthTokenRepository::revokeFamily(Database& db, const QString& family)
{
    QSqlQuery q =
        db.prepare(QStringLiteral("UPDATE oauth_tokens SET revoked = 1 WHERE family_id = :f"));
    q.bindValue(QStringLiteral(":f"), family);
    return Database::exec(q);
}

Status OAuthTokenRepository::revoke(Database& db, const QString& id)
{
    QSqlQuery q = db.prepare(QStringLiteral("UPDATE oauth_tokens SET revoked = 1 WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    return Database::exec(q);
}

} // namespace dpp::store
