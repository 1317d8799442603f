#include "scanreport.h"

#include <QJsonArray>

namespace dpp::analytics {

namespace {

QJsonObject countsObject(const QMap<QString, qint64>& counts, const QStringList& always = {})
{
    QJsonObject o;
    for (const QString& k : always)
        o.insert(k, 0);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const QString name = it.key().isEmpty() ? QStringLiteral("unknown") : it.key();
        o.insert(name, o.value(name).toInteger() + it.value());
    }
    return o;
}

} // namespace

QJsonObject ScanReport::toJson() const
{
    QJsonObject o;
    if (!productId.isEmpty())
        o.insert(QStringLiteral("productId"), productId);
    o.insert(QStringLiteral("period"),
             QJsonObject{{QStringLiteral("start"), period.start.toString(Qt::ISODate)},
                         {QStringLiteral("end"), period.end.toString(Qt::ISODate)},
                         {QStringLiteral("granularity"), period.granularityName()}});
    o.insert(QStringLiteral("totalScans"), totalScans);
    o.insert(QStringLiteral("uniqueCountries"), locations.size());
    o.insert(QStringLiteral("locations"), countsObject(locations));
    o.insert(QStringLiteral("unknownLocation"), unknownLocation);
    if (referrersAvailable) {
        QJsonArray referrers;
        for (const Count& c : topReferrers)
            referrers.append(
                QJsonObject{{QStringLiteral("host"), c.key}, {QStringLiteral("count"), c.count}});
        o.insert(QStringLiteral("topReferrers"), referrers);
        o.insert(QStringLiteral("directScans"), directScans);
    }
    o.insert(QStringLiteral("devices"),
             countsObject(devices, {QStringLiteral("mobile"), QStringLiteral("tablet"),
                                    QStringLiteral("desktop"), QStringLiteral("bot"),
                                    QStringLiteral("unknown")}));
    if (!operatingSystems.isEmpty() || !productId.isEmpty())
        o.insert(QStringLiteral("operatingSystems"), countsObject(operatingSystems));
    if (!browsers.isEmpty() || !productId.isEmpty())
        o.insert(QStringLiteral("browsers"), countsObject(browsers));
    if (!keyLevels.isEmpty() || !productId.isEmpty())
        o.insert(QStringLiteral("keyLevels"), countsObject(keyLevels));
    if (!linkTypes.isEmpty() || !productId.isEmpty())
        o.insert(QStringLiteral("linkTypes"), countsObject(linkTypes));

    QJsonArray series;
    auto day = daily.lowerBound(period.start);
    for (QDate bucket = period.bucketOf(period.start); bucket <= period.end;
         bucket = period.nextBucket(bucket)) {
        const QDate next = period.nextBucket(bucket);
        qint64 count = 0;
        for (; day != daily.cend() && day.key() < next && day.key() <= period.end; ++day)
            count += day.value();
        series.append(QJsonObject{{QStringLiteral("date"), bucket.toString(Qt::ISODate)},
                                  {QStringLiteral("count"), count}});
    }
    o.insert(QStringLiteral("scansByDay"), series);

    if (productId.isEmpty()) {
        QJsonArray top;
        for (const TopProduct& p : topProducts)
            top.append(QJsonObject{{QStringLiteral("productId"), p.productId},
                                   {QStringLiteral("gtin"), p.gtin},
                                   {QStringLiteral("count"), p.count}});
        o.insert(QStringLiteral("topProducts"), top);
    }
    return o;
}

} // namespace dpp::analytics
