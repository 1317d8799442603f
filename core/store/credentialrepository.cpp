#include "credentialrepository.h"

#include "idempotencykeyrepository.h"

#include "sqlhelpers.h"

namespace dpp::store {

Status CredentialRepository::create(Database& db, const QString& userId, const QString& email,
                                    const QString& passwordHash)
{
    const QString normalised = email.trimmed().toLower();
    if (emailTaken(db, normalised))
        return Error{QStringLiteral("email"), QStringLiteral("an account with this e-mail exists"),
                     QStringLiteral("duplicate_email")};
    QSqlQuery q = db.prepare(QStringLiteral(
        "INSERT INTO credentials (email, user_id, password_hash, created_at, updated_at) "
        "VALUES (:e, :u, :h, :c, :c2)"));
    q.bindValue(QStringLiteral(":e"), normalised);
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":h"), passwordHash);
    q.bindValue(QStringLiteral(":c"), Database::now());
    q.bindValue(QStringLiteral(":c2"), Database::now());
    if (!Database::exec(q).ok()) // a concurrent registration won the primary key
        return Error{QStringLiteral("email"), QStringLiteral("an account with this e-mail exists"),
                     QStringLiteral("duplicate_email")};
    return Ok{};
}

std::optional<CredentialRepository::Account> CredentialRepository::findByEmail(Database& db,
                                                                               const QString& email)
{
    QSqlQuery q = db.prepare(
        QStringLiteral("SELECT u.id, u.tenant_id, c.email, u.role, c.password_hash FROM "
                       "credentials c JOIN users u ON u.id = c.user_id WHERE c.email = :e"));
    q.bindValue(QStringLiteral(":e"), email.trimmed().toLower());
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return Account{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString(), q.value(4).toString()};
}

bool CredentialRepository::emailTaken(Database& db, const QString& email)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT 1 FROM credentials WHERE email = :e"));
    q.bindValue(QStringLiteral(":e"), email.trimmed().toLower());
    return Database::exec(q).ok() && q.next();
}

Result<CredentialRepository::Purged> CredentialRepository::purgeExpired(Database& db,
                                                                        const QDateTime& at)
{
    const QDateTime now = at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
    const QString nowText = now.toString(Qt::ISODateWithMs);
    const QString dayAgo = now.addDays(-1).toString(Qt::ISODateWithMs);
    Purged purged;
    const auto run = [&db](const QString& sql, const QList<std::pair<QString, QString>>& binds,
                           int& count) -> Status {
        QSqlQuery q = db.prepare(sql);
        for (const auto& [name, value] : binds)
            q.bindValue(name, value);
        if (Status s = Database::exec(q); !s.ok())
            return s;
        count = q.numRowsAffected();
        return Ok{};
    };
    const QString n = QStringLiteral(":now");
    if (Status s = run(QStringLiteral("DELETE FROM sessions WHERE expires_at < :now"),
                       {{n, nowText}}, purged.sessions);
        !s.ok())
        return s.error();
    if (Status s = run(QStringLiteral("DELETE FROM oauth_codes WHERE expires_at < :now"),
                       {{n, nowText}}, purged.oauthCodes);
        !s.ok())
        return s.error();
    if (Status s = run(QStringLiteral("DELETE FROM oauth_tokens WHERE expires_at < :now"),
                       {{n, nowText}}, purged.oauthTokens);
        !s.ok())
        return s.error();
    if (Status s = run(QStringLiteral("DELETE FROM login_attempts WHERE first_failure_at < :day "
                                      "AND (locked_until IS NULL OR locked_until < :now)"),
                       {{n, nowText}, {QStringLiteral(":day"), dayAgo}}, purged.loginAttempts);
        !s.ok())
        return s.error();
    const auto keys = IdempotencyKeyRepository::purgeExpired(db, now);
    if (!keys.ok())
        return keys.error();
    purged.idempotencyKeys = *keys;
    return purged;
}

} // namespace dpp::store
