#include "scanrepository.h"

#include "sqlhelpers.h"

#include <QHash>
#include <QSqlError>
#include <algorithm>

namespace dpp::store {

using analytics::AnalyticsPeriod;
using analytics::ScanReport;

namespace {

// Rollup dimensions of scan_rollup_daily besides "total".
constexpr const char* kDimensions[] = {"country", "device",    "referrer", "os",
                                       "browser", "key_level", "link_type"};

QString dimensionValue(const analytics::ScanEvent& e, const char* dimension)
{
    const QLatin1String d(dimension);
    if (d == QLatin1String("country"))
        return e.country;
    if (d == QLatin1String("device"))
        return e.device;
    if (d == QLatin1String("referrer"))
        return e.referrerHost;
    if (d == QLatin1String("os"))
        return e.os;
    if (d == QLatin1String("browser"))
        return e.browser;
    if (d == QLatin1String("key_level"))
        return e.keyLevel;
    return e.linkType;
}

struct DailyKey
{
    QString tenant, product, dimension, day, value;
    bool operator==(const DailyKey&) const = default;
};
size_t qHash(const DailyKey& k, size_t seed = 0)
{
    return qHashMulti(seed, k.tenant, k.product, k.dimension, k.day, k.value);
}
struct GeoKey
{
    QString tenant, day, product, country, device;
    bool operator==(const GeoKey&) const = default;
};
size_t qHash(const GeoKey& k, size_t seed = 0)
{
    return qHashMulti(seed, k.tenant, k.day, k.product, k.country, k.device);
}

// Rollup key columns are NOT NULL: "unknown"/"none" is stored as '' (a null QString
// would be bound as NULL).
QString keyText(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Error queryError(const QSqlQuery& q)
{
    return Error{QStringLiteral("db"), q.lastError().text(), QStringLiteral("database_error")};
}

void bindPeriod(QSqlQuery& q, const AnalyticsPeriod& period)
{
    q.bindValue(QStringLiteral(":s"), period.start.toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":e"), period.end.toString(Qt::ISODate));
}

void fillReferrers(ScanReport& report, QList<ScanReport::Count> all)
{
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    for (const auto& c : all) {
        if (c.key.isEmpty())
            report.directScans += c.count;
        else if (report.topReferrers.size() < ScanReport::kTopReferrers)
            report.topReferrers.append(c);
    }
}

} // namespace

Status ScanRepository::insert(Database& db, const QList<analytics::ScanEvent>& events)
{
    if (events.isEmpty())
        return Ok{};
    QHash<DailyKey, qint64> daily;
    QHash<GeoKey, qint64> geo;
    return db.transaction([&]() -> Status {
        QSqlQuery q = db.prepare(QStringLiteral(
            "INSERT INTO scan_events (tenant_id, product_id, gtin, key_level, link_type, "
            "scanned_at, day, country, region, city, device, os, browser, referrer_host) VALUES "
            "(:t, :p, :g, :k, :l, :at, :d, :c, :r, :city, :dev, :os, :b, :ref)"));
        for (const analytics::ScanEvent& e : events) {
            const QString day = e.at.toUTC().date().toString(Qt::ISODate);
            q.bindValue(QStringLiteral(":t"), e.tenantId);
            q.bindValue(QStringLiteral(":p"), e.productId);
            q.bindValue(QStringLiteral(":g"), e.gtin);
            q.bindValue(QStringLiteral(":k"), e.keyLevel);
            q.bindValue(QStringLiteral(":l"), sql::nullableText(e.linkType));
            q.bindValue(QStringLiteral(":at"), sql::timeText(e.at));
            q.bindValue(QStringLiteral(":d"), day);
            q.bindValue(QStringLiteral(":c"), sql::nullableText(e.country));
            q.bindValue(QStringLiteral(":r"), sql::nullableText(e.region));
            q.bindValue(QStringLiteral(":city"), sql::nullableText(e.city));
            q.bindValue(QStringLiteral(":dev"), e.device);
            q.bindValue(QStringLiteral(":os"), e.os);
            q.bindValue(QStringLiteral(":b"), e.browser);
            q.bindValue(QStringLiteral(":ref"), sql::nullableText(e.referrerHost));
            if (!q.exec())
                return queryError(q);
            ++daily[{e.tenantId, e.productId, QStringLiteral("total"), day, QString()}];
            for (const char* d : kDimensions)
                ++daily[{e.tenantId, e.productId, QString::fromLatin1(d), day,
                         dimensionValue(e, d)}];
            ++geo[{e.tenantId, day, e.productId, e.country, e.device}];
        }
        // Upserts: several servers on one PostgreSQL database may add to the same row.
        QSqlQuery up = db.prepare(QStringLiteral(
            "INSERT INTO scan_rollup_daily (tenant_id, product_id, dimension, day, value, scans) "
            "VALUES (:t, :p, :dim, :d, :v, :n) ON CONFLICT (tenant_id, product_id, dimension, "
            "day, value) DO UPDATE SET scans = scan_rollup_daily.scans + excluded.scans"));
        for (auto it = daily.cbegin(); it != daily.cend(); ++it) {
            up.bindValue(QStringLiteral(":t"), it.key().tenant);
            up.bindValue(QStringLiteral(":p"), it.key().product);
            up.bindValue(QStringLiteral(":dim"), it.key().dimension);
            up.bindValue(QStringLiteral(":d"), it.key().day);
            up.bindValue(QStringLiteral(":v"), keyText(it.key().value));
            up.bindValue(QStringLiteral(":n"), it.value());
            if (!up.exec())
                return queryError(up);
        }
        // Monthly rows: the daily ones summed by month (first day of the month).
        QHash<DailyKey, qint64> monthly;
        for (auto it = daily.cbegin(); it != daily.cend(); ++it) {
            DailyKey k = it.key();
            k.day = k.day.left(8) + QStringLiteral("01");
            monthly[k] += it.value();
        }
        QSqlQuery upMonth = db.prepare(QStringLiteral(
            "INSERT INTO scan_rollup_monthly (tenant_id, product_id, dimension, month, value, "
            "scans) VALUES (:t, :p, :dim, :m, :v, :n) ON CONFLICT (tenant_id, product_id, "
            "dimension, month, value) DO UPDATE SET scans = scan_rollup_monthly.scans + "
            "excluded.scans"));
        for (auto it = monthly.cbegin(); it != monthly.cend(); ++it) {
            upMonth.bindValue(QStringLiteral(":t"), it.key().tenant);
            upMonth.bindValue(QStringLiteral(":p"), it.key().product);
            upMonth.bindValue(QStringLiteral(":dim"), it.key().dimension);
            upMonth.bindValue(QStringLiteral(":m"), it.key().day);
            upMonth.bindValue(QStringLiteral(":v"), keyText(it.key().value));
            upMonth.bindValue(QStringLiteral(":n"), it.value());
            if (!upMonth.exec())
                return queryError(upMonth);
        }
        QSqlQuery upGeo = db.prepare(QStringLiteral(
            "INSERT INTO scan_rollup_geo (tenant_id, day, product_id, country, device, scans) "
            "VALUES (:t, :d, :p, :c, :dev, :n) ON CONFLICT (tenant_id, day, product_id, "
            "country, device) DO UPDATE SET scans = scan_rollup_geo.scans + excluded.scans"));
        for (auto it = geo.cbegin(); it != geo.cend(); ++it) {
            upGeo.bindValue(QStringLiteral(":t"), it.key().tenant);
            upGeo.bindValue(QStringLiteral(":d"), it.key().day);
            upGeo.bindValue(QStringLiteral(":p"), it.key().product);
            upGeo.bindValue(QStringLiteral(":c"), keyText(it.key().country));
            upGeo.bindValue(QStringLiteral(":dev"), keyText(it.key().device));
            upGeo.bindValue(QStringLiteral(":n"), it.value());
            if (!upGeo.exec())
                return queryError(upGeo);
        }
        return Ok{};
    });
}

Result<ScanReport> ScanRepository::productReport(const QString& productId,
                                                 const AnalyticsPeriod& period) const
{
    ScanReport report;
    report.productId = productId;
    report.period = period;
    QSqlQuery days = m_db.prepare(QStringLiteral(
        "SELECT day, scans FROM scan_rollup_daily WHERE tenant_id = :t AND product_id = :p "
        "AND dimension = 'total' AND day >= :s AND day <= :e"));
    days.bindValue(QStringLiteral(":t"), m_tenantId);
    days.bindValue(QStringLiteral(":p"), productId);
    bindPeriod(days, period);
    if (!days.exec())
        return queryError(days);
    while (days.next()) {
        const qint64 n = days.value(1).toLongLong();
        report.daily[QDate::fromString(days.value(0).toString(), Qt::ISODate)] += n;
        report.totalScans += n;
    }

    // Whole calendar months inside the period come from the monthly rollup, the days
    // before and after them from the daily one: a year is ~12 + 60 rows per value.
    QDate fullStart = period.start.day() == 1
                          ? period.start
                          : QDate(period.start.year(), period.start.month(), 1).addMonths(1);
    const QDate endMonth(period.end.year(), period.end.month(), 1);
    QDate fullEnd =
        period.end == endMonth.addMonths(1).addDays(-1) ? period.end : endMonth.addDays(-1);
    const QString kNever = QStringLiteral("9999-12-31"), kBefore = QStringLiteral("0000-01-01");
    const bool months = fullStart <= fullEnd;
    QSqlQuery dims = m_db.prepare(
        QStringLiteral(
            "SELECT dimension, value, SUM(scans) FROM ("
            "SELECT dimension, value, scans FROM scan_rollup_daily WHERE tenant_id = :t AND "
            "product_id = :p AND dimension IN (%1) AND day >= :s1 AND day <= :e1 UNION ALL "
            "SELECT dimension, value, scans FROM scan_rollup_monthly WHERE tenant_id = :t AND "
            "product_id = :p AND dimension IN (%1) AND month >= :ms AND month <= :me UNION ALL "
            "SELECT dimension, value, scans FROM scan_rollup_daily WHERE tenant_id = :t AND "
            "product_id = :p AND dimension IN (%1) AND day >= :s2 AND day <= :e2"
            ") AS r GROUP BY dimension, value")
            .arg(QStringLiteral(
                "'country', 'device', 'referrer', 'os', 'browser', 'key_level', 'link_type'")));
    dims.bindValue(QStringLiteral(":t"), m_tenantId);
    dims.bindValue(QStringLiteral(":p"), productId);
    const auto iso = [](const QDate& d) { return d.toString(Qt::ISODate); };
    dims.bindValue(QStringLiteral(":s1"), iso(period.start));
    dims.bindValue(QStringLiteral(":e1"), months ? iso(fullStart.addDays(-1)) : iso(period.end));
    dims.bindValue(QStringLiteral(":ms"), months ? iso(fullStart) : kNever);
    dims.bindValue(QStringLiteral(":me"),
                   months ? iso(QDate(fullEnd.year(), fullEnd.month(), 1)) : kBefore);
    dims.bindValue(QStringLiteral(":s2"), months ? iso(fullEnd.addDays(1)) : kNever);
    dims.bindValue(QStringLiteral(":e2"), months ? iso(period.end) : kBefore);
    if (!dims.exec())
        return queryError(dims);
    QList<ScanReport::Count> referrers;
    while (dims.next()) {
        const QString dimension = dims.value(0).toString();
        const QString value = dims.value(1).toString();
        const qint64 n = dims.value(2).toLongLong();
        if (dimension == u"country") {
            if (value.isEmpty())
                report.unknownLocation += n;
            else
                report.locations[value] += n;
        } else if (dimension == u"device") {
            report.devices[value] += n;
        } else if (dimension == u"referrer") {
            referrers.append({value, n});
        } else if (dimension == u"os") {
            report.operatingSystems[value] += n;
        } else if (dimension == u"browser") {
            report.browsers[value] += n;
        } else if (dimension == u"key_level") {
            report.keyLevels[value] += n;
        } else {
            report.linkTypes[value] += n;
        }
    }
    fillReferrers(report, referrers);
    return report;
}

Result<ScanReport> ScanRepository::tenantReport(const AnalyticsPeriod& period,
                                                const QString& productId,
                                                const QString& country) const
{
    ScanReport report;
    report.period = period;
    QString where = QStringLiteral("g.tenant_id = :t AND g.day >= :s AND g.day <= :e");
    if (!productId.isEmpty())
        where += QStringLiteral(" AND g.product_id = :p");
    if (!country.isEmpty())
        where += QStringLiteral(" AND g.country = :c");
    const auto run = [&](const QString& sql) -> Result<QSqlQuery> {
        QSqlQuery q = m_db.prepare(sql);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        bindPeriod(q, period);
        if (!productId.isEmpty())
            q.bindValue(QStringLiteral(":p"), productId);
        if (!country.isEmpty())
            q.bindValue(QStringLiteral(":c"), country);
        if (!q.exec())
            return queryError(q);
        return q;
    };

    auto days = run(QStringLiteral("SELECT g.day, SUM(g.scans) FROM scan_rollup_geo g WHERE ") +
                    where + QStringLiteral(" GROUP BY g.day"));
    if (!days.ok())
        return days.error();
    for (QSqlQuery q = std::move(days).value(); q.next();) {
        const qint64 n = q.value(1).toLongLong();
        report.daily[QDate::fromString(q.value(0).toString(), Qt::ISODate)] += n;
        report.totalScans += n;
    }
    auto countries =
        run(QStringLiteral("SELECT g.country, SUM(g.scans) FROM scan_rollup_geo g WHERE ") + where +
            QStringLiteral(" GROUP BY g.country"));
    if (!countries.ok())
        return countries.error();
    for (QSqlQuery q = std::move(countries).value(); q.next();) {
        if (q.value(0).toString().isEmpty())
            report.unknownLocation += q.value(1).toLongLong();
        else
            report.locations[q.value(0).toString()] += q.value(1).toLongLong();
    }
    auto devices =
        run(QStringLiteral("SELECT g.device, SUM(g.scans) FROM scan_rollup_geo g WHERE ") + where +
            QStringLiteral(" GROUP BY g.device"));
    if (!devices.ok())
        return devices.error();
    for (QSqlQuery q = std::move(devices).value(); q.next();)
        report.devices[q.value(0).toString()] += q.value(1).toLongLong();

    auto top = run(QStringLiteral("SELECT g.product_id, p.gtin, SUM(g.scans) AS n FROM "
                                  "scan_rollup_geo g LEFT JOIN products p ON p.id = g.product_id "
                                  "WHERE ") +
                   where +
                   QStringLiteral(" GROUP BY g.product_id, p.gtin ORDER BY n DESC, g.product_id "
                                  "LIMIT %1")
                       .arg(ScanReport::kTopProducts));
    if (!top.ok())
        return top.error();
    for (QSqlQuery q = std::move(top).value(); q.next();)
        report.topProducts.append(
            {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});

    report.referrersAvailable = country.isEmpty();
    if (report.referrersAvailable) {
        auto refs =
            run(QStringLiteral("SELECT g.value, SUM(g.scans) FROM scan_rollup_daily g WHERE "
                               "g.tenant_id = :t AND g.dimension = 'referrer' AND g.day >= :s AND "
                               "g.day <= :e") +
                (productId.isEmpty() ? QString() : QStringLiteral(" AND g.product_id = :p")) +
                QStringLiteral(" GROUP BY g.value"));
        if (!refs.ok())
            return refs.error();
        QList<ScanReport::Count> referrers;
        for (QSqlQuery q = std::move(refs).value(); q.next();)
            referrers.append({q.value(0).toString(), q.value(1).toLongLong()});
        fillReferrers(report, referrers);
    }
    return report;
}

qint64 ScanRepository::eventCount(const QString& productId) const
{
    QSqlQuery q =
        m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM scan_events WHERE tenant_id = :t") +
                     (productId.isEmpty() ? QString() : QStringLiteral(" AND product_id = :p")));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!productId.isEmpty())
        q.bindValue(QStringLiteral(":p"), productId);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace dpp::store
