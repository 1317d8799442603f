#include "tenantrepository.h"

#include "sqlhelpers.h"

namespace dpp::store {

using passport::Tenant;

namespace {
Tenant tenantFrom(const QSqlQuery& q)
{
    Tenant t;
    t.id = q.value(0).toString();
    t.name = q.value(1).toString();
    t.gcps = sql::stringsFrom(q.value(2));
    t.createdAt = sql::timeFrom(q.value(3));
    return t;
}
} // namespace

Result<Tenant> TenantRepository::create(const QString& name, const QStringList& gcps)
{
    Tenant t;
    t.id = sql::newId();
    t.name = name;
    t.gcps = gcps;
    t.createdAt = QDateTime::fromString(Database::now(), Qt::ISODateWithMs);
    if (const auto errors = t.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    if (findByName(name))
        return Error{QStringLiteral("name"),
                     QStringLiteral("a tenant named \"%1\" already exists").arg(name),
                     QStringLiteral("duplicate")};
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO tenants (id, name, gcps, created_at) VALUES (:id, :name, :gcps, :created)"));
    q.bindValue(QStringLiteral(":id"), t.id);
    q.bindValue(QStringLiteral(":name"), t.name);
    q.bindValue(QStringLiteral(":gcps"), sql::toText(QJsonArray::fromStringList(t.gcps)));
    q.bindValue(QStringLiteral(":created"), sql::timeText(t.createdAt));
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return t;
}

std::optional<Tenant> TenantRepository::findOne(const QString& column, const QString& value) const
{
    // `column` is one of two literals from this file, never user input.
    QSqlQuery q =
        m_db.prepare(QStringLiteral("SELECT id, name, gcps, created_at FROM tenants WHERE ") +
                     column + QStringLiteral(" = :v"));
    q.bindValue(QStringLiteral(":v"), value);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return tenantFrom(q);
}

std::optional<Tenant> TenantRepository::findByName(const QString& name) const
{
    return findOne(QStringLiteral("name"), name);
}

std::optional<Tenant> TenantRepository::findById(const QString& id) const
{
    return findOne(QStringLiteral("id"), id);
}

Result<Tenant> TenantRepository::ensure(const QString& name)
{
    if (auto t = findByName(name))
        return *t;
    // Two processes may ensure the same tenant at once: insert unless someone
    // else did, then read whichever row won.
    Tenant t;
    t.name = name;
    if (const auto errors = t.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO tenants (id, name, gcps, created_at) VALUES (:id, :name, '[]', :created) ON "
        "CONFLICT (name) DO NOTHING"));
    q.bindValue(QStringLiteral(":id"), sql::newId());
    q.bindValue(QStringLiteral(":name"), name);
    q.bindValue(QStringLiteral(":created"), Database::now());
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    if (auto found = findByName(name))
        return *found;
    return sql::notFound(QStringLiteral("name"), QStringLiteral("tenant"));
}

QList<Tenant> TenantRepository::list() const
{
    QList<Tenant> out;
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, name, gcps, created_at FROM tenants ORDER BY name"));
    if (Database::exec(q).ok())
        while (q.next())
            out.append(tenantFrom(q));
    return out;
}

} // namespace dpp::store
