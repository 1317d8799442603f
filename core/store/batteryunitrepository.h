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
    // Writes a status another store has already accepted (sync "take theirs": the hosted
    // server's version). No transition rule applies, not even "waste is final": the server
    // judged the change, and refusing it here would keep the stores apart for good. Records
    // the event and the journal entry like setStatus (origin: Database::journalOrigin()).
    Status takeStatus(const QString& id, const QString& status, const QString& description);

    Status addReading(const QString& unitId, const passport::SohReading& reading);
    QList<passport::SohReading> readings(const QString& unitId) const;
    Status addEvent(const QString& unitId, const passport::LifecycleEvent& event);
    QList<passport::LifecycleEvent> events(const QString& unitId) const;

private:
    // setStatus / takeStatus; `judge` applies the transition rules of a local change.
    Status writeStatus(const QString& id, const QString& status, const QString& description,
                       std::optional<qint64> expectedVersion, bool judge);
    // The battery_events row alone (addEvent() adds the journal entry).
    Status insertEvent(const QString& unitId, const passport::LifecycleEvent& event);
    Status requireUnit(const QString& unitId) const;
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
