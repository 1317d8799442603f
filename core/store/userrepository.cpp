#include "userrepository.h"

#include "credentialrepository.h"
#include "passport/passwordhash.h"
#include "sqlhelpers.h"
#include "supplierrepository.h"

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

Status UserRepository::checkSupplier(const QString& role, const QString& supplierId) const
{
    if (supplierId.isEmpty())
        return Ok{};
    if (role != u"supplier")
        return Error{QStringLiteral("supplier_id"),
                     QStringLiteral("only a user with the role supplier acts for a supplier"),
                     QStringLiteral("validation_error")};
    if (!SupplierRepository(m_db, m_tenantId).get(supplierId))
        return Error{QStringLiteral("supplier_id"),
                     QStringLiteral("no supplier %1 in this organisation").arg(supplierId),
                     QStringLiteral("validation_error")};
    return Ok{};
}

Result<passport::User> UserRepository::createLogin(const QString& email, const QString& role,
                                                   const QString& password,
                                                   const QString& supplierId)
{
    passport::User probe;
    probe.email = email.trimmed().toLower();
    probe.role = role;
    if (const auto errors = probe.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    if (Status s = passport::PasswordHash::check(password); !s.ok())
        return s.error();
    if (Status s = checkSupplier(role, supplierId); !s.ok())
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
        if (!supplierId.isEmpty()) {
            auto linked = setSupplier(user.id, supplierId);
            if (!linked.ok())
                return linked.error();
            user = *linked;
        }
        return CredentialRepository::create(m_db, user.id, user.email, *hash);
    });
    if (!done.ok())
        return done.error();
    return user;
}

namespace {
passport::User userFrom(const QSqlQuery& q, const QString& tenantId)
{
    passport::User u;
    u.id = q.value(0).toString();
    u.tenantId = tenantId;
    u.email = q.value(1).toString();
    u.role = q.value(2).toString();
    u.createdAt = sql::timeFrom(q.value(3));
    u.supplierId = q.value(4).toString();
    return u;
}
} // namespace

std::optional<passport::User> UserRepository::get(const QString& id) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, email, role, created_at, supplier_id FROM users WHERE id = :id "
                       "AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return userFrom(q, m_tenantId);
}

Result<passport::User> UserRepository::setSupplier(const QString& userId, const QString& supplierId)
{
    const auto user = get(userId);
    if (!user)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("user"));
    if (supplierId.isEmpty() && user->role != u"supplier")
        return *user;
    if (Status s = checkSupplier(user->role, supplierId); !s.ok())
        return s.error();
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE users SET supplier_id = :s WHERE id = :id AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":s"), sql::nullableText(supplierId));
    q.bindValue(QStringLiteral(":id"), userId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    passport::User updated = *user;
    updated.supplierId = supplierId;
    return updated;
}

QList<passport::User> UserRepository::list() const
{
    QList<passport::User> out;
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, email, role, created_at, supplier_id FROM users WHERE "
                       "tenant_id = :t ORDER BY email"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Database::exec(q).ok())
        while (q.next())
            out.append(userFrom(q, m_tenantId));
    return out;
}

} // namespace dpp::store
