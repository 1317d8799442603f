// BatteryUnit: one physical battery (Annex XIII point 4, individual battery
// data): unique identifier, serial, lot, manufacturing date and the battery
// status of Annex XIII 4(c), with its state-of-health readings and lifecycle
// events. Battery status is kept apart from passport status on purpose.
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace dpp::passport {

struct SohReading
{
    QDateTime measuredAt;
    double stateOfHealthPct = 0;
    std::optional<double> remainingCapacityAh;
    std::optional<double> stateOfChargePct;
    std::optional<int> cycleCount;
    std::optional<double> temperatureC;

    /// A reading as an API client or import sends it. Shape problems (state_of_health_pct
    /// missing or not a number, cycle_count not whole, measured_at not ISO 8601) go to
    /// `errors`; an absent measured_at means now. Value ranges are validate()'s job.
    static SohReading fromJson(const QJsonObject& json, FieldErrors& errors);
    FieldErrors validate() const;
    QJsonObject toJson() const;
};

struct LifecycleEvent
{
    QDateTime occurredAt;
    QString type; // see types()
    QString description;

    static const QStringList& types();
    /// {type, description, occurred_at}; shape problems go to `errors`, an absent
    /// occurred_at means now.
    static LifecycleEvent fromJson(const QJsonObject& json, FieldErrors& errors);
    FieldErrors validate() const;
    QJsonObject toJson() const;
};

struct BatteryUnit
{
    QString id;
    QString productId;
    QString uniqueIdentifier; // Art. 77(3) unique identifier, e.g. a GS1 DL URI or GIAI
    QString serialNumber;
    QString lot;
    QString manufacturingDate;                   // YYYY-MM or YYYY-MM-DD
    QString status = QStringLiteral("original"); // see statuses()
    QDateTime createdAt;
    QDateTime updatedAt;
    // The store's row version (ETag and "version" on the API; not part of toJson()).
    qint64 rowVersion = 0;

    static const QStringList& statuses();
    /// {unique_identifier, serial_number, lot, manufacturing_date, status}; members that
    /// are present but not strings go to `errors`. The product comes from elsewhere.
    static BatteryUnit fromJson(const QJsonObject& json, FieldErrors& errors);
    FieldErrors validate() const;
    QJsonObject toJson() const;
};

} // namespace dpp::passport
