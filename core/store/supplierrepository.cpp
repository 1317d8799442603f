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
    s.rowVersion = q.value(6).toLongLong();
    return s;
}
const char* kSelect = "SELECT id, name, country, role, gln, vat_number, row_version FROM suppliers";
} // namespace

Result<Supplier> SupplierRepository::create(const QJsonObject& json)
{
    if (const auto errors = Supplier::validate(json); !errors.isEmpty())
        return sql::validationError(errors);
    Supplier s = Supplier::fromJson(json);
    s.id = sql::newId();
    s.rowVersion = 1;
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

Result<Supplier> SupplierRepository::update(const QString& id, const QJsonObject& patch,
                                            std::optional<qint64> expectedVersion)
{
    const auto old = get(id);
    if (!old)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("supplier"));
    if (expectedVersion && *expectedVersion != old->rowVersion)
        return sql::versionMismatch(QStringLiteral("supplier"), *expectedVersion, old->rowVersion);
    QJsonObject merged = old->toJson();
    merged.remove(QStringLiteral("id"));
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() == u"id" || it.key() == u"version")
            continue;
        if (it.value().isNull())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    if (const auto errors = Supplier::validate(merged); !errors.isEmpty())
        return sql::validationError(errors);
    Supplier s = Supplier::fromJson(merged);
    s.id = id;
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE suppliers SET name = :n, country = :c, role = :r, gln = :g, "
                       "vat_number = :v, row_version = row_version + 1 WHERE id = :id AND "
                       "tenant_id = :t") +
        (expectedVersion ? QStringLiteral(" AND row_version = :rv") : QString()));
    q.bindValue(QStringLiteral(":n"), s.name);
    q.bindValue(QStringLiteral(":c"), sql::nullableText(s.country));
    q.bindValue(QStringLiteral(":r"), s.role);
    q.bindValue(QStringLiteral(":g"), sql::nullableText(s.gln));
    q.bindValue(QStringLiteral(":v"), sql::nullableText(s.vatNumber));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (expectedVersion)
        q.bindValue(QStringLiteral(":rv"), *expectedVersion);
    // The row and its journal entry commit together.
    const Status written = m_db.transaction([&]() -> Status {
        if (Status st = Database::exec(q); !st.ok())
            return st;
        if (q.numRowsAffected() != 1) { // a concurrent writer changed it after our read
            const auto current = get(id);
            return sql::versionMismatch(QStringLiteral("supplier"), expectedVersion.value_or(0),
                                        current ? current->rowVersion : 0);
        }
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::Supplier), id,
                                          QStringLiteral("updated"),
                                          {{QStringLiteral("name"), s.name}});
    });
    if (!written.ok())
        return written.error();
    const auto now = get(id);
    s.rowVersion = now ? now->rowVersion : old->rowVersion + 1;
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
