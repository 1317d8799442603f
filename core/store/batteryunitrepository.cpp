#include "batteryunitrepository.h"

#include "changejournal.h"

#include "sqlhelpers.h"

namespace dpp::store {

using passport::BatteryUnit;
using passport::LifecycleEvent;
using passport::SohReading;

namespace {
const char* kSelect = "SELECT id, product_id, unique_identifier, serial_number, lot, "
                      "manufacturing_date, status, created_at, updated_at, row_version FROM "
                      "battery_units";
BatteryUnit unitFrom(const QSqlQuery& q)
{
    BatteryUnit u;
    u.id = q.value(0).toString();
    u.productId = q.value(1).toString();
    u.uniqueIdentifier = q.value(2).toString();
    u.serialNumber = q.value(3).toString();
    u.lot = q.value(4).toString();
    u.manufacturingDate = q.value(5).toString();
    u.status = q.value(6).toString();
    u.createdAt = sql::timeFrom(q.value(7));
    u.updatedAt = sql::timeFrom(q.value(8));
    u.rowVersion = q.value(9).toLongLong();
    return u;
}
} // namespace

Result<BatteryUnit> BatteryUnitRepository::create(BatteryUnit unit)
{
    if (const auto errors = unit.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    unit.id = sql::newId();
    unit.rowVersion = 1;
    const QString now = Database::now();
    unit.createdAt = unit.updatedAt = QDateTime::fromString(now, Qt::ISODateWithMs);
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery owner = m_db.prepare(
            QStringLiteral("SELECT category FROM products WHERE id = :p AND tenant_id = :t"));
        owner.bindValue(QStringLiteral(":p"), unit.productId);
        owner.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status e = Database::exec(owner); !e.ok())
            return e;
        if (!owner.next())
            return sql::notFound(QStringLiteral("product_id"), QStringLiteral("product"));
        if (findByIdentifier(unit.uniqueIdentifier))
            return Error{QStringLiteral("unique_identifier"),
                         QStringLiteral("a battery with this identifier already exists"),
                         QStringLiteral("duplicate")};
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO battery_units (id, tenant_id, product_id, unique_identifier, "
            "serial_number, "
            "lot, manufacturing_date, status, created_at, updated_at) VALUES (:id, :t, :p, :u, :s, "
            ":l, :d, :st, :c, :c2)"));
        q.bindValue(QStringLiteral(":id"), unit.id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":p"), unit.productId);
        q.bindValue(QStringLiteral(":u"), unit.uniqueIdentifier);
        q.bindValue(QStringLiteral(":s"), sql::nullableText(unit.serialNumber));
        q.bindValue(QStringLiteral(":l"), sql::nullableText(unit.lot));
        q.bindValue(QStringLiteral(":d"), sql::nullableText(unit.manufacturingDate));
        q.bindValue(QStringLiteral(":st"), unit.status);
        q.bindValue(QStringLiteral(":c"), now);
        q.bindValue(QStringLiteral(":c2"), now);
        if (Status e = Database::exec(q); !e.ok())
            return e;
        return ChangeJournal(m_db).record(
            m_tenantId, QLatin1String(ChangeJournal::BatteryUnit), unit.id,
            QStringLiteral("created"),
            {{QStringLiteral("product_id"), unit.productId},
             {QStringLiteral("unique_identifier"), unit.uniqueIdentifier}});
    });
    if (!s.ok())
        return s.error();
    return unit;
}

std::optional<BatteryUnit> BatteryUnitRepository::get(const QString& id) const
{
    return sql::rowById<BatteryUnit>(m_db, kSelect, id, m_tenantId, unitFrom);
}

std::optional<BatteryUnit>
BatteryUnitRepository::findByIdentifier(const QString& uniqueIdentifier) const
{
    QSqlQuery q = m_db.prepare(QLatin1String(kSelect) +
                               QStringLiteral(" WHERE unique_identifier = :u AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":u"), uniqueIdentifier);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return unitFrom(q);
}

QList<BatteryUnit> BatteryUnitRepository::list(const QString& productId) const
{
    QSqlQuery q = m_db.prepare(
        QLatin1String(kSelect) +
        QStringLiteral(" WHERE product_id = :p AND tenant_id = :t ORDER BY unique_identifier"));
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<BatteryUnit> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(unitFrom(q));
    return out;
}

Status BatteryUnitRepository::requireUnit(const QString& unitId) const
{
    return get(unitId)
               ? Status(Ok{})
               : Status(sql::notFound(QStringLiteral("unit_id"), QStringLiteral("battery unit")));
}

Status BatteryUnitRepository::setStatus(const QString& id, const QString& status,
                                        const QString& description,
                                        std::optional<qint64> expectedVersion)
{
    return writeStatus(id, status, description, expectedVersion, true);
}

Status BatteryUnitRepository::takeStatus(const QString& id, const QString& status,
                                         const QString& description)
{
    return writeStatus(id, status, description, std::nullopt, false);
}

Status BatteryUnitRepository::writeStatus(const QString& id, const QString& status,
                                          const QString& description,
                                          std::optional<qint64> expectedVersion, bool judge)
{
    if (!BatteryUnit::statuses().contains(status))
        return Error{QStringLiteral("status"),
                     QStringLiteral("must be one of: %1")
                         .arg(BatteryUnit::statuses().join(QStringLiteral(", "))),
                     QStringLiteral("validation_error")};
    return m_db.transaction([&]() -> Status {
        const auto unit = get(id);
        if (!unit)
            return sql::notFound(QStringLiteral("id"), QStringLiteral("battery unit"));
        if (expectedVersion && *expectedVersion != unit->rowVersion)
            return sql::versionMismatch(QStringLiteral("battery unit"), *expectedVersion,
                                        unit->rowVersion);
        if (judge && unit->status == QLatin1String("waste"))
            return Error{QStringLiteral("status"),
                         QStringLiteral("a battery declared waste cannot change status"),
                         QStringLiteral("invalid_state")};
        QSqlQuery q =
            m_db.prepare(QStringLiteral("UPDATE battery_units SET status = :s, updated_at = :u, "
                                        "row_version = row_version + 1 WHERE id = :id AND "
                                        "tenant_id = :t AND row_version = :rv"));
        q.bindValue(QStringLiteral(":s"), status);
        q.bindValue(QStringLiteral(":u"), Database::now());
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        // The status was judged on the version read above; a writer in between wins.
        q.bindValue(QStringLiteral(":rv"), unit->rowVersion);
        if (Status e = Database::exec(q); !e.ok())
            return e;
        if (q.numRowsAffected() != 1) {
            const auto now = get(id);
            return sql::versionMismatch(QStringLiteral("battery unit"),
                                        expectedVersion.value_or(unit->rowVersion),
                                        now ? now->rowVersion : 0);
        }
        static const QMap<QString, QString> eventFor = {
            {QStringLiteral("repurposed"), QStringLiteral("repurposed")},
            {QStringLiteral("re-used"), QStringLiteral("reused")},
            {QStringLiteral("remanufactured"), QStringLiteral("remanufactured")},
            {QStringLiteral("waste"), QStringLiteral("collected")},
            {QStringLiteral("original"), QStringLiteral("repaired")}};
        LifecycleEvent event;
        event.occurredAt = QDateTime::currentDateTimeUtc();
        event.type = eventFor.value(status);
        event.description =
            description.isEmpty()
                ? QStringLiteral("status changed from %1 to %2").arg(unit->status, status)
                : description;
        // One journal entry for the status change: the server's PATCH adds its own event.
        if (Status e = insertEvent(id, event); !e.ok())
            return e;
        return ChangeJournal(m_db).record(
            m_tenantId, QLatin1String(ChangeJournal::BatteryUnit), id, QStringLiteral("updated"),
            {{QStringLiteral("status"), status}, {QStringLiteral("description"), description}});
    });
}

Status BatteryUnitRepository::addReading(const QString& unitId, const SohReading& reading)
{
    if (const auto errors = reading.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    if (Status s = requireUnit(unitId); !s.ok())
        return s;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO battery_soh_readings (id, tenant_id, unit_id, measured_at, body) VALUES (:id, "
        ":t, :u, :m, :b)"));
    q.bindValue(QStringLiteral(":id"), sql::newId());
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":u"), unitId);
    q.bindValue(QStringLiteral(":m"), sql::timeText(reading.measuredAt));
    q.bindValue(QStringLiteral(":b"), sql::toText(reading.toJson()));
    return m_db.transaction([&]() -> Status {
        if (Status e = Database::exec(q); !e.ok())
            return e;
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::BatteryUnit),
                                          unitId, QStringLiteral("soh_recorded"),
                                          {{QStringLiteral("reading"), reading.toJson()}});
    });
}

QList<SohReading> BatteryUnitRepository::readings(const QString& unitId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT body FROM battery_soh_readings WHERE unit_id "
                                              "= :u AND tenant_id = :t ORDER BY measured_at"));
    q.bindValue(QStringLiteral(":u"), unitId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<SohReading> out;
    if (Database::exec(q).ok())
        while (q.next()) {
            const QJsonObject o = sql::objectFrom(q.value(0));
            SohReading r;
            r.measuredAt = QDateTime::fromString(o.value(QStringLiteral("measured_at")).toString(),
                                                 Qt::ISODateWithMs);
            r.stateOfHealthPct = o.value(QStringLiteral("state_of_health_pct")).toDouble();
            if (o.contains(QStringLiteral("remaining_capacity_ah")))
                r.remainingCapacityAh = o.value(QStringLiteral("remaining_capacity_ah")).toDouble();
            if (o.contains(QStringLiteral("state_of_charge_pct")))
                r.stateOfChargePct = o.value(QStringLiteral("state_of_charge_pct")).toDouble();
            if (o.contains(QStringLiteral("cycle_count")))
                r.cycleCount = o.value(QStringLiteral("cycle_count")).toInt();
            if (o.contains(QStringLiteral("temperature_c")))
                r.temperatureC = o.value(QStringLiteral("temperature_c")).toDouble();
            out.append(r);
        }
    return out;
}

Status BatteryUnitRepository::addEvent(const QString& unitId, const LifecycleEvent& event)
{
    if (const auto errors = event.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    if (Status s = requireUnit(unitId); !s.ok())
        return s;
    return m_db.transaction([&]() -> Status {
        if (Status e = insertEvent(unitId, event); !e.ok())
            return e;
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::BatteryUnit),
                                          unitId, QStringLiteral("event_recorded"),
                                          {{QStringLiteral("event"), event.toJson()}});
    });
}

Status BatteryUnitRepository::insertEvent(const QString& unitId, const LifecycleEvent& event)
{
    // seq orders events recorded within the same millisecond as they were recorded.
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO battery_events (id, tenant_id, unit_id, occurred_at, seq, event_type, "
        "description) VALUES (:id, :t, :u, :o, (SELECT COUNT(*) + 1 FROM battery_events WHERE "
        "unit_id = :u2), :e, :d)"));
    q.bindValue(QStringLiteral(":u2"), unitId);
    q.bindValue(QStringLiteral(":id"), sql::newId());
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":u"), unitId);
    q.bindValue(QStringLiteral(":o"), sql::timeText(event.occurredAt));
    q.bindValue(QStringLiteral(":e"), event.type);
    q.bindValue(QStringLiteral(":d"), event.description);
    return Database::exec(q);
}

QList<LifecycleEvent> BatteryUnitRepository::events(const QString& unitId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT occurred_at, event_type, description FROM battery_events WHERE unit_id = :u AND "
        "tenant_id = :t ORDER BY occurred_at, seq"));
    q.bindValue(QStringLiteral(":u"), unitId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<LifecycleEvent> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append({sql::timeFrom(q.value(0)), q.value(1).toString(), q.value(2).toString()});
    return out;
}

} // namespace dpp::store
