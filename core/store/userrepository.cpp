#include "userrepository.h"

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
