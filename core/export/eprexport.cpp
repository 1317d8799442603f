#include "eprexport.h"

#include "csvwriter.h"
#include "passport/batteryunit.h"
#include "passport/country.h"
#include "store/batteryunitrepository.h"
#include "store/eprregistrationrepository.h"
#include "store/productrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace dpp::exporting {

namespace {

struct Row
{
    QString gtin, name, brand, category, chemistry;
    double unitWeightKg = 0;
    int units = 0;
};

// Slovak forms use a decimal comma; our own CSV keeps the dot.
QString decimal(double v, bool comma)
{
    QString s = QString::number(v, 'f', 3);
    return comma ? s.replace(u'.', u',') : s;
}

bool inPeriod(const QDateTime& at, const EprExport::Query& q)
{
    const QDate day = at.toUTC().date();
    return (!q.from.isValid() || day >= q.from) && (!q.to.isValid() || day <= q.to);
}

} // namespace

Result<QDate> EprExport::parseDate(const QString& value, const QString& param)
{
    if (value.isEmpty())
        return QDate();
    const QDate d = QDate::fromString(value, Qt::ISODate);
    if (!d.isValid() || value.size() != 10)
        return Error{param, QStringLiteral("must be a date YYYY-MM-DD"), QStringLiteral("invalid")};
    return d;
}

Result<EprExport::Output> EprExport::batteries(store::Database& db, const QString& tenantId,
                                               const QString& format, const Query& query)
{
    static const QStringList formats = {"csv", "json", "asekol", "mzp-sr"};
    if (!formats.contains(format))
        return Error{QStringLiteral("format"),
                     QStringLiteral("must be one of: %1").arg(formats.join(QStringLiteral(", "))),
                     QStringLiteral("invalid")};
    if (!query.country.isEmpty() && !passport::isIsoCountry(query.country))
        return Error{QStringLiteral("country"),
                     QStringLiteral("must be an ISO 3166-1 alpha-2 code such as \"SK\""),
                     QStringLiteral("invalid")};
    if (query.from.isValid() && query.to.isValid() && query.from > query.to)
        return Error{QStringLiteral("to"), QStringLiteral("must not be before from"),
                     QStringLiteral("invalid")};

    QString registration;
    if (!query.country.isEmpty()) {
        for (const auto& r : store::EprRegistrationRepository(db, tenantId).list())
            if (r.memberState == query.country && r.regime == u"battery")
                registration = r.registrationNumber;
    }
    QList<Row> rows;
    store::BatteryUnitRepository units(db, tenantId);
    for (const auto& p : store::ProductRepository(db, tenantId).list()) {
        if (!p.battery)
            continue;
        Row row;
        row.gtin = p.gtin;
        row.name = p.displayName();
        row.brand = p.attributes.value(QStringLiteral("brand")).toString();
        row.category = p.battery->category();
        row.chemistry = p.battery->chemistry();
        row.unitWeightKg = p.attributes.value(QStringLiteral("net_weight_kg")).toDouble();
        for (const auto& u : units.list(p.id))
            if (inPeriod(u.createdAt, query))
                ++row.units;
        rows.append(row);
    }

    Output out;
    const QString period = QStringLiteral("%1_%2").arg(
        query.from.isValid() ? query.from.toString(Qt::ISODate) : QStringLiteral("start"),
        query.to.isValid() ? query.to.toString(Qt::ISODate) : QStringLiteral("now"));
    if (format == u"json") {
        QJsonArray items;
        for (const Row& r : rows)
            items.append(
                QJsonObject{{QStringLiteral("gtin"), r.gtin},
                            {QStringLiteral("name"), r.name},
                            {QStringLiteral("brand"), r.brand},
                            {QStringLiteral("battery_category"), r.category},
                            {QStringLiteral("chemistry"), r.chemistry},
                            {QStringLiteral("unit_weight_kg"), r.unitWeightKg},
                            {QStringLiteral("units"), r.units},
                            {QStringLiteral("total_weight_kg"), r.unitWeightKg * r.units}});
        const QJsonObject doc{
            {QStringLiteral("from"),
             query.from.isValid() ? QJsonValue(query.from.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("to"),
             query.to.isValid() ? QJsonValue(query.to.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("country"),
             query.country.isEmpty() ? QJsonValue() : QJsonValue(query.country)},
            {QStringLiteral("registration_number"),
             registration.isEmpty() ? QJsonValue() : QJsonValue(registration)},
            {QStringLiteral("items"), items}};
        out.bytes = QJsonDocument(doc).toJson(QJsonDocument::Compact);
        out.contentType = "application/json";
        out.filename = QStringLiteral("epr-batteries_%1.json").arg(period);
        return out;
    }
    if (format == u"csv") {
        CsvWriter csv;
        csv.addRecord({QStringLiteral("gtin"), QStringLiteral("name"), QStringLiteral("brand"),
                       QStringLiteral("battery_category"), QStringLiteral("chemistry"),
                       QStringLiteral("unit_weight_kg"), QStringLiteral("units"),
                       QStringLiteral("total_weight_kg")});
        for (const Row& r : rows)
            csv.addRecord({r.gtin, r.name, r.brand, r.category, r.chemistry,
                           decimal(r.unitWeightKg, false), QString::number(r.units),
                           decimal(r.unitWeightKg * r.units, false)});
        out.bytes = csv.data();
    } else if (format == u"asekol") {
        // One line per product, as the scheme's producer report lists items.
        CsvWriter csv(u';');
        csv.addRecord({QStringLiteral("EAN"), QStringLiteral("Nazov vyrobku"),
                       QStringLiteral("Znacka"), QStringLiteral("Kategoria baterie"),
                       QStringLiteral("Chemicke zlozenie"), QStringLiteral("Hmotnost kusa (kg)"),
                       QStringLiteral("Pocet kusov"), QStringLiteral("Hmotnost spolu (kg)")});
        for (const Row& r : rows)
            csv.addRecord({r.gtin, r.name, r.brand, r.category, r.chemistry,
                           decimal(r.unitWeightKg, true), QString::number(r.units),
                           decimal(r.unitWeightKg * r.units, true)});
        out.bytes = csv.data();
    } else {
        // The register report sums per battery category and chemistry for the period.
        QMap<QPair<QString, QString>, QPair<int, double>> sums;
        for (const Row& r : rows) {
            auto& s = sums[{r.category, r.chemistry}];
            s.first += r.units;
            s.second += r.unitWeightKg * r.units;
        }
        CsvWriter csv(u';');
        csv.addRecord({QStringLiteral("Obdobie od"), QStringLiteral("Obdobie do"),
                       QStringLiteral("Registracne cislo"), QStringLiteral("Kategoria baterii"),
                       QStringLiteral("Chemicke zlozenie"), QStringLiteral("Pocet kusov"),
                       QStringLiteral("Hmotnost (kg)")});
        for (auto it = sums.begin(); it != sums.end(); ++it)
            csv.addRecord({query.from.toString(Qt::ISODate), query.to.toString(Qt::ISODate),
                           registration, it.key().first, it.key().second,
                           QString::number(it.value().first), decimal(it.value().second, true)});
        out.bytes = csv.data();
    }
    out.contentType = "text/csv; charset=utf-8";
    out.filename = QStringLiteral("epr-batteries-%1_%2.csv").arg(format, period);
    return out;
}

Result<EprExport::Output> EprExport::batteryUnits(store::Database& db, const QString& tenantId,
                                                  const QString& format, const QString& status)
{
    if (format != u"csv" && format != u"json")
        return Error{QStringLiteral("format"), QStringLiteral("must be csv or json"),
                     QStringLiteral("invalid")};
    if (!status.isEmpty() && !passport::BatteryUnit::statuses().contains(status))
        return Error{QStringLiteral("status"),
                     QStringLiteral("must be one of: %1")
                         .arg(passport::BatteryUnit::statuses().join(QStringLiteral(", "))),
                     QStringLiteral("invalid")};
    QList<QPair<QString, passport::BatteryUnit>> units; // with the product's GTIN
    store::BatteryUnitRepository repo(db, tenantId);
    for (const auto& p : store::ProductRepository(db, tenantId).list())
        for (const auto& u : repo.list(p.id))
            if (status.isEmpty() || u.status == status)
                units.append({p.gtin, u});
    Output out;
    if (format == u"json") {
        QJsonArray items;
        for (const auto& [gtin, u] : units) {
            QJsonObject o = u.toJson();
            o.insert(QStringLiteral("gtin"), gtin);
            items.append(o);
        }
        out.bytes = QJsonDocument(QJsonObject{{QStringLiteral("items"), items}})
                        .toJson(QJsonDocument::Compact);
        out.contentType = "application/json";
        out.filename = QStringLiteral("battery-units.json");
        return out;
    }
    CsvWriter csv;
    csv.addRecord({QStringLiteral("gtin"), QStringLiteral("unique_identifier"),
                   QStringLiteral("serial_number"), QStringLiteral("lot"),
                   QStringLiteral("manufacturing_date"), QStringLiteral("status")});
    for (const auto& [gtin, u] : units)
        csv.addRecord(
            {gtin, u.uniqueIdentifier, u.serialNumber, u.lot, u.manufacturingDate, u.status});
    out.bytes = csv.data();
    out.contentType = "text/csv; charset=utf-8";
    out.filename = QStringLiteral("battery-units.csv");
    return out;
}

} // namespace dpp::exporting
