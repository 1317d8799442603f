#include "eprregistrationrepository.h"

#include "sqlhelpers.h"

namespace dpp::store {

using passport::EprRegistration;

Result<EprRegistration> EprRegistrationRepository::save(EprRegistration r)
{
    if (const auto errors = r.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery existing =
            m_db.prepare(QStringLiteral("SELECT id FROM epr_registrations WHERE tenant_id = :t AND "
                                        "member_state = :m AND regime = :r"));
        existing.bindValue(QStringLiteral(":t"), m_tenantId);
        existing.bindValue(QStringLiteral(":m"), r.memberState);
        existing.bindValue(QStringLiteral(":r"), r.regime);
        if (Status e = Database::exec(existing); !e.ok())
            return e;
        const bool update = existing.next();
        r.id = update ? existing.value(0).toString() : sql::newId();
        QSqlQuery q = m_db.prepare(
            update
                ? QStringLiteral("UPDATE epr_registrations SET registration_number = :n, body = :b "
                                 "WHERE id = :id AND tenant_id = :t")
                : QStringLiteral(
                      "INSERT INTO epr_registrations (id, tenant_id, member_state, regime, "
                      "registration_number, body, created_at) VALUES (:id, :t, :m, :r, "
                      ":n, :b, :c)"));
        q.bindValue(QStringLiteral(":id"), r.id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":n"), r.registrationNumber);
        q.bindValue(QStringLiteral(":b"), sql::toText(r.toJson()));
        if (!update) {
            q.bindValue(QStringLiteral(":m"), r.memberState);
            q.bindValue(QStringLiteral(":r"), r.regime);
            q.bindValue(QStringLiteral(":c"), Database::now());
        }
        return Database::exec(q);
    });
    if (!s.ok())
        return s.error();
    return r;
}

QList<EprRegistration> EprRegistrationRepository::list() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, body FROM epr_registrations WHERE "
                                              "tenant_id = :t ORDER BY member_state, regime"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<EprRegistration> out;
    if (Database::exec(q).ok())
        while (q.next()) {
            EprRegistration r = EprRegistration::fromJson(sql::objectFrom(q.value(1)));
            r.id = q.value(0).toString();
            out.append(r);
        }
    return out;
}

} // namespace dpp::store
