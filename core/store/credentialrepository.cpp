#include "credentialrepository.h"

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

} // namespace dpp::store
