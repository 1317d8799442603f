// AnalyticsPeriod: the date range and bucket size of an analytics question, parsed and
// checked from what a user typed (query parameters, CLI options), plus the bucketing rule.
#pragma once

#include "result.h"

#include <QDate>
#include <QString>

namespace dpp::analytics {

struct AnalyticsPeriod
{
    enum class Granularity { Day, Week, Month };

    QDate start; // inclusive, UTC calendar day
    QDate end;   // inclusive
    Granularity granularity = Granularity::Day;

    static constexpr int kDefaultDays = 90;
    static constexpr int kMaxDays = 3660;

    /// Parses start/end (YYYY-MM-DD, or an ISO 8601 date-time whose UTC day is taken) and
    /// granularity (day|week|month). Missing end: today; missing start: end - 89 days, so
    /// the default is the last 90 days including today. Errors name the parameter
    /// (start, end, granularity) and are meant to be answered 422.
    static Result<AnalyticsPeriod> parse(const QString& start, const QString& end,
                                         const QString& granularity, const QDate& today);

    /// The first day of the bucket `day` falls in: the day itself, the Monday of its ISO
    /// week, or the first of its month. Week buckets may start before `start`.
    QDate bucketOf(const QDate& day) const;
    /// The bucket after `bucket`.
    QDate nextBucket(const QDate& bucket) const;
    QString granularityName() const;
};

} // namespace dpp::analytics
