// ScanReport: the answer to an analytics question (one product, or a tenant across
// products) as counted from the rollup tables, and its JSON shape on the API.
#pragma once

#include "analyticsperiod.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace dpp::analytics {

struct ScanReport
{
    struct Count
    {
        QString key;
        qint64 count = 0;
    };
    struct TopProduct
    {
        QString productId;
        QString gtin;
        qint64 count = 0;
    };

    QString productId; // set for a product report
    AnalyticsPeriod period;
    qint64 totalScans = 0;
    qint64 unknownLocation = 0;      // scans without a country (no GeoIP database or record)
    QMap<QString, qint64> locations; // country code → scans
    QList<Count> topReferrers;       // most first; at most kTopReferrers
    bool referrersAvailable = true;  // false: not rolled up for this filter (country)
    qint64 directScans = 0;          // scans without a Referer
    QMap<QString, qint64> devices;
    QMap<QString, qint64> operatingSystems;
    QMap<QString, qint64> browsers;
    QMap<QString, qint64> keyLevels;
    QMap<QString, qint64> linkTypes;
    QMap<QDate, qint64> daily;     // per UTC day; days without scans absent
    QList<TopProduct> topProducts; // tenant report only

    static constexpr int kTopReferrers = 10;
    static constexpr int kTopProducts = 10;

    /// productId, period{start,end,granularity}, totalScans, uniqueCountries,
    /// locations{CC:n}, unknownLocation, topReferrers[{host,count}], devices{mobile,tablet,
    /// desktop,bot,unknown}, scansByDay[{date,count}] with one entry per bucket of the
    /// granularity, zeros included (date = first day of the bucket), and for tenant
    /// reports topProducts[{productId,gtin,count}].
    QJsonObject toJson() const;
};

} // namespace dpp::analytics
