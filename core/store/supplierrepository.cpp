#include "supplierrepository.h"

#include "changejournal.h"

#include "sqlhelpers.h"

namespace dpp::store {

using passport::Supplier;

namespace {
Supplier supplierFrom(const QSqlQuery& q)
{
    Supplier s;
    s.id = q.value(0).toString();
    s.name = q.value(1).toString();
    s.country = q.value(2).toString();
    s.role = q.value(3).toString();
    s.gln = q.value(4).toString();
    s.vatNumber = q.value(5).toString();
    return s;
}
const char* kSelect = "SELECT id, name, country, role, gln, vat_number FROM suppliers";
} // namespace

Result<Supplier> SupplierRepository::create(const QJsonObject& json)
{
    if (const auto errors = Supplier::validate(json); !errors.isEmpty())
        return sql::validationError(errors);
    Supplier s = Supplier::fromJson(json);
    s.id = sql::newId();
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO suppliers (id, tenant_id, name, country, role, gln, vat_number, created_at) "
        "VALUES (:id, :t, :n, :c, :r, :g, :v, :at)"));
    q.bindValue(QStringLiteral(":id"), s.id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":n"), s.name);
    q.bindValue(QStringLiteral(":c"), sql::nullableText(s.country));
    q.bindValue(QStringLiteral(":r"), s.role);
    q.bindValue(QStringLiteral(":g"), sql::nullableText(s.gln));
    q.bindValue(QStringLiteral(":v"), sql::nullableText(s.vatNumber));
    q.bindValue(QStringLiteral(":at"), Database::now());
    const Status done = m_db.transaction([&]() -> Status {
        if (Status st = Database::exec(q); !st.ok())
            return st;
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::Supplier), s.id,
                                          QStringLiteral("created"),
                                          {{QStringLiteral("name"), s.name}});
    });
    if (!done.ok())
        return done.error();
    return s;
}

std::optional<Supplier> SupplierRepository::get(const QString& id) const
{
    return sql::rowById<Supplier>(m_db, kSelect, id, m_tenantId, supplierFrom);
}

QList<Supplier> SupplierRepository::list() const
{
    QSqlQuery q = m_db.prepare(QLatin1String(kSelect) +
                               QStringLiteral(" WHERE tenant_id = :t ORDER BY name"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<Supplier> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(supplierFrom(q));
    return out;
}

} // namespace dpp::store
