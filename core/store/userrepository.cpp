#include "userrepository.h"

#include "credentialrepository.h"
#include "passport/passwordhash.h"
#include "sqlhelpers.h"

namespace dpp::store {

Result<passport::User> UserRepository::create(const QString& email, const QString& role)
{
    passport::User u;
    u.id = sql::newId();
    u.tenantId = m_tenantId;
    u.email = email.trimmed().toLower();
    u.role = role;
    u.createdAt = QDateTime::currentDateTimeUtc();
    if (const auto errors = u.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO users (id, tenant_id, email, role, created_at) VALUES (:id, :t, :e, :r, :c)"));
    q.bindValue(QStringLiteral(":id"), u.id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":e"), u.email);
    q.bindValue(QStringLiteral(":r"), u.role);
    q.bindValue(QStringLiteral(":c"), sql::timeText(u.createdAt));
    if (!Database::exec(q).ok())
        return Error{QStringLiteral("email"),
                     QStringLiteral("a user with this e-mail already exists"),
                     QStringLiteral("duplicate")};
    return u;
}

Result<passport::User> UserRepository::createLogin(const QString& email, const QString& role,
                                                   const QString& password)
{
    passport::User probe;
    probe.email = email.trimmed().toLower();
    probe.role = role;
    if (const auto errors = probe.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    if (Status s = passport::PasswordHash::check(password); !s.ok())
        return s.error();
    if (CredentialRepository::emailTaken(m_db, probe.email))
        return Error{QStringLiteral("email"), QStringLiteral("an account with this e-mail exists"),
                     QStringLiteral("duplicate_email")};
    // Hash before the transaction: it is the slow part and needs no lock.
    const auto hash = passport::PasswordHash::hash(password);
    if (!hash)
        return hash.error();
    passport::User user;
    const Status done = m_db.transaction([&]() -> Status {
        auto created = create(probe.email, role);
        if (!created)
            return created.error();
        user = *created;
        return CredentialRepository::create(m_db, user.id, user.email, *hash);
    });
    if (!done.ok())
        return done.error();
    return user;
}

QList<passport::User> UserRepository::list() const
{
    QList<passport::User> out;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT id, email, role, created_at FROM users WHERE tenant_id = :t ORDER BY email"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Database::exec(q).ok())
        while (q.next()) {
            passport::User u;
            u.id = q.value(0).toString();
            u.tenantId = m_tenantId;
            u.email = q.value(1).toString();
            u.role = q.value(2).toString();
            u.createdAt = sql::timeFrom(q.value(3));
            out.append(u);
        }
    return out;
}

} // namespace dpp::store
