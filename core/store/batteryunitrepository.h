// BatteryUnitRepository: individual batteries of one tenant, with their
// state-of-health readings and lifecycle events (Annex XIII point 4 data).
#pragma once

#include "database.h"
#include "passport/batteryunit.h"

#include <optional>

namespace dpp::store {

class BatteryUnitRepository
{
public:
    BatteryUnitRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    Result<passport::BatteryUnit> create(passport::BatteryUnit unit);
    std::optional<passport::BatteryUnit> get(const QString& id) const;
    std::optional<passport::BatteryUnit> findByIdentifier(const QString& uniqueIdentifier) const;
    QList<passport::BatteryUnit> list(const QString& productId) const;
    // Changes the Annex XIII 4(c) status and records the event, in one transaction. With
    // `expectedVersion`, the unit must still be at that row version (Error code
    // "version_mismatch", nothing changes).
    Status setStatus(const QString& id, const QString& status, const QString& description = {},
                     std::optional<qint64> expectedVersion = std::nullopt);

    Status addReading(const QString& unitId, const passport::SohReading& reading);
    QList<passport::SohReading> readings(const QString& unitId) const;
    Status addEvent(const QString& unitId, const passport::LifecycleEvent& event);
    QList<passport::LifecycleEvent> events(const QString& unitId) const;

private:
    // The battery_events row alone (addEvent() adds the journal entry).
    Status insertEvent(const QString& unitId, const passport::LifecycleEvent& event);
    Status requireUnit(const QString& unitId) const;
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
