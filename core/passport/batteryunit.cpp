#include "batteryunit.h"

#include "serialbatch.h"

#include <QDate>

namespace dpp::passport {

namespace {
QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

namespace {

void readString(const QJsonObject& json, const char* name, QString& out, FieldErrors& errors)
{
    const QJsonValue v = json.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return;
    if (!v.isString())
        errors.append({QString::fromLatin1(name), QStringLiteral("must be a string")});
    else
        out = v.toString();
}

void readNumber(const QJsonObject& json, const char* name, std::optional<double>& out,
                FieldErrors& errors)
{
    const QJsonValue v = json.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return;
    if (!v.isDouble())
        errors.append({QString::fromLatin1(name), QStringLiteral("must be a number")});
    else
        out = v.toDouble();
}

// Absent or null: now (the reading or event is being reported as it happens).
QDateTime readTime(const QJsonObject& json, const char* name, FieldErrors& errors)
{
    const QJsonValue v = json.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return QDateTime::currentDateTimeUtc();
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    if (!v.isString() || !t.isValid())
        errors.append({QString::fromLatin1(name), QStringLiteral("must be an ISO 8601 timestamp")});
    return t;
}

} // namespace

SohReading SohReading::fromJson(const QJsonObject& json, FieldErrors& errors)
{
    SohReading r;
    r.measuredAt = readTime(json, "measured_at", errors);
    std::optional<double> soh, cycles;
    readNumber(json, "state_of_health_pct", soh, errors);
    readNumber(json, "remaining_capacity_ah", r.remainingCapacityAh, errors);
    readNumber(json, "state_of_charge_pct", r.stateOfChargePct, errors);
    readNumber(json, "cycle_count", cycles, errors);
    readNumber(json, "temperature_c", r.temperatureC, errors);
    const QJsonValue sohValue = json.value(QStringLiteral("state_of_health_pct"));
    if (sohValue.isUndefined() || sohValue.isNull())
        errors.append({QStringLiteral("state_of_health_pct"), QStringLiteral("is required")});
    r.stateOfHealthPct = soh.value_or(0);
    if (cycles) {
        if (*cycles != double(qint64(*cycles)) || *cycles > 1e9)
            errors.append(
                {QStringLiteral("cycle_count"), QStringLiteral("must be a whole number")});
        else
            r.cycleCount = int(*cycles);
    }
    return r;
}

LifecycleEvent LifecycleEvent::fromJson(const QJsonObject& json, FieldErrors& errors)
{
    LifecycleEvent e;
    e.occurredAt = readTime(json, "occurred_at", errors);
    readString(json, "type", e.type, errors);
    readString(json, "description", e.description, errors);
    return e;
}

BatteryUnit BatteryUnit::fromJson(const QJsonObject& json, FieldErrors& errors)
{
    BatteryUnit u;
    readString(json, "unique_identifier", u.uniqueIdentifier, errors);
    readString(json, "serial_number", u.serialNumber, errors);
    readString(json, "lot", u.lot, errors);
    readString(json, "manufacturing_date", u.manufacturingDate, errors);
    readString(json, "status", u.status, errors);
    return u;
}

FieldErrors SohReading::validate() const
{
    FieldErrors errors;
    if (!measuredAt.isValid())
        errors.append({QStringLiteral("measured_at"), QStringLiteral("must be a UTC timestamp")});
    if (stateOfHealthPct < 0 || stateOfHealthPct > 100)
        errors.append({QStringLiteral("state_of_health_pct"),
                       QStringLiteral("must be a percentage between 0 and 100")});
    if (stateOfChargePct && (*stateOfChargePct < 0 || *stateOfChargePct > 100))
        errors.append({QStringLiteral("state_of_charge_pct"),
                       QStringLiteral("must be a percentage between 0 and 100")});
    if (remainingCapacityAh && *remainingCapacityAh < 0)
        errors.append(
            {QStringLiteral("remaining_capacity_ah"), QStringLiteral("must not be negative")});
    if (cycleCount && *cycleCount < 0)
        errors.append({QStringLiteral("cycle_count"), QStringLiteral("must not be negative")});
    if (temperatureC && (*temperatureC < -100 || *temperatureC > 200))
        errors.append(
            {QStringLiteral("temperature_c"), QStringLiteral("must be between -100 and 200")});
    return errors;
}

QJsonObject SohReading::toJson() const
{
    QJsonObject o{{QStringLiteral("measured_at"), iso(measuredAt)},
                  {QStringLiteral("state_of_health_pct"), stateOfHealthPct}};
    if (remainingCapacityAh)
        o.insert(QStringLiteral("remaining_capacity_ah"), *remainingCapacityAh);
    if (stateOfChargePct)
        o.insert(QStringLiteral("state_of_charge_pct"), *stateOfChargePct);
    if (cycleCount)
        o.insert(QStringLiteral("cycle_count"), *cycleCount);
    if (temperatureC)
        o.insert(QStringLiteral("temperature_c"), *temperatureC);
    return o;
}

const QStringList& LifecycleEvent::types()
{
    static const QStringList list = {"manufactured", "placed_on_market", "put_into_service",
                                     "repaired",     "repurposed",       "remanufactured",
                                     "reused",       "accident",         "deep_discharge",
                                     "overcharge",   "collected",        "recycled"};
    return list;
}

FieldErrors LifecycleEvent::validate() const
{
    FieldErrors errors;
    if (!occurredAt.isValid())
        errors.append({QStringLiteral("occurred_at"), QStringLiteral("must be a UTC timestamp")});
    if (!types().contains(type))
        errors.append(
            {QStringLiteral("type"),
             QStringLiteral("must be one of: %1").arg(types().join(QStringLiteral(", ")))});
    if (description.size() > 2000)
        errors.append(
            {QStringLiteral("description"), QStringLiteral("must be at most 2000 characters")});
    return errors;
}

QJsonObject LifecycleEvent::toJson() const
{
    return {{QStringLiteral("occurred_at"), iso(occurredAt)},
            {QStringLiteral("type"), type},
            {QStringLiteral("description"), description}};
}

const QStringList& BatteryUnit::statuses()
{
    static const QStringList list = {"original", "repurposed", "re-used", "remanufactured",
                                     "waste"};
    return list;
}

FieldErrors BatteryUnit::validate() const
{
    FieldErrors errors;
    if (productId.isEmpty())
        errors.append({QStringLiteral("product_id"), QStringLiteral("is required")});
    if (uniqueIdentifier.trimmed().isEmpty())
        errors.append({QStringLiteral("unique_identifier"), QStringLiteral("is required")});
    else if (uniqueIdentifier.size() > 200)
        errors.append({QStringLiteral("unique_identifier"),
                       QStringLiteral("must be at most 200 characters")});
    if (!serialNumber.isEmpty()) {
        const QString problem = SerialBatch::serialProblem(serialNumber);
        if (!problem.isEmpty())
            errors.append({QStringLiteral("serial_number"), problem});
    }
    if (lot.size() > 20)
        errors.append({QStringLiteral("lot"), QStringLiteral("must be at most 20 characters")});
    if (!manufacturingDate.isEmpty()) {
        const bool day = manufacturingDate.size() == 10 &&
                         QDate::fromString(manufacturingDate, Qt::ISODate).isValid();
        const bool month =
            manufacturingDate.size() == 7 &&
            QDate::fromString(manufacturingDate + QStringLiteral("-01"), Qt::ISODate).isValid();
        if (!day && !month)
            errors.append({QStringLiteral("manufacturing_date"),
                           QStringLiteral("must be a date (YYYY-MM or YYYY-MM-DD)")});
    }
    if (!statuses().contains(status))
        errors.append(
            {QStringLiteral("status"),
             QStringLiteral("must be one of: %1").arg(statuses().join(QStringLiteral(", ")))});
    return errors;
}

QJsonObject BatteryUnit::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("product_id"), productId},
            {QStringLiteral("unique_identifier"), uniqueIdentifier},
            {QStringLiteral("serial_number"), serialNumber},
            {QStringLiteral("lot"), lot},
            {QStringLiteral("manufacturing_date"), manufacturingDate},
            {QStringLiteral("status"), status},
            {QStringLiteral("created_at"), iso(createdAt)},
            {QStringLiteral("updated_at"), iso(updatedAt)}};
}

} // namespace dpp::passport
