#include "oauthcoderepository.h"

#include "passport/secrettoken.h"
#include "sqlhelpers.h"

namespace dpp::store {

using passport::SecretToken;

Result<QString> OAuthCodeRepository::issue(Database& db, const Code& code)
{
    const QString secret = SecretToken::generate(QStringLiteral("oac_"));
    QSqlQuery q = db.prepare(QStringLiteral(
        "INSERT INTO oauth_codes (code_hash, client_id, user_id, tenant_id, redirect_uri, scopes, "
        "code_challenge, expires_at, used) VALUES (:h, :c, :u, :t, :r, :s, :ch, :e, 0)"));
    q.bindValue(QStringLiteral(":h"), SecretToken::hash(secret));
    q.bindValue(QStringLiteral(":c"), code.clientId);
    q.bindValue(QStringLiteral(":u"), code.userId);
    q.bindValue(QStringLiteral(":t"), code.tenantId);
    q.bindValue(QStringLiteral(":r"), code.redirectUri);
    q.bindValue(QStringLiteral(":s"), sql::toText(QJsonArray::fromStringList(code.scopes)));
    q.bindValue(QStringLiteral(":ch"), code.codeChallenge);
    q.bindValue(QStringLiteral(":e"), sql::timeText(code.expiresAt));
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return secret;
}

OAuthCodeRepository::Redeemed OAuthCodeRepository::redeem(Database& db, const QString& secret)
{
    Redeemed out;
    const QString hash = SecretToken::hash(secret);
    QSqlQuery use = db.prepare(
        QStringLiteral("UPDATE oauth_codes SET used = 1 WHERE code_hash = :h AND used = 0"));
    use.bindValue(QStringLiteral(":h"), hash);
    if (!Database::exec(use).ok())
        return out;
    const bool won = use.numRowsAffected() == 1;
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT client_id, user_id, tenant_id, redirect_uri, scopes, code_challenge, expires_at "
        "FROM oauth_codes WHERE code_hash = :h"));
    q.bindValue(QStringLiteral(":h"), hash);
    if (!Database::exec(q).ok() || !q.next())
        return out;
    if (!won) {
        out.replay = true;
        out.family = hash;
        return out;
    }
    out.code = Code{q.value(0).toString(),        q.value(1).toString(),
                    q.value(2).toString(),        q.value(3).toString(),
                    sql::stringsFrom(q.value(4)), q.value(5).toString(),
                    sql::timeFrom(q.value(6)),    hash};
    return out;
}

} // namespace dpp::store
