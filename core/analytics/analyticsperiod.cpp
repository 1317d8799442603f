#include "analyticsperiod.h"

#include <QDateTime>

namespace dpp::analytics {

namespace {

Error invalid(const char* param, const QString& message)
{
    return Error{QString::fromLatin1(param), message, QStringLiteral("invalid_parameter")};
}

// Accepts 2026-03-01 or 2026-03-01T10:00:00Z (the UTC day of the instant).
std::optional<QDate> parseDay(const QString& text)
{
    QDate d = QDate::fromString(text, Qt::ISODate);
    if (d.isValid() && text.size() == 10)
        return d;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && text.size() > 10)
        return t.toUTC().date();
    return std::nullopt;
}

} // namespace

Result<AnalyticsPeriod> AnalyticsPeriod::parse(const QString& startText, const QString& endText,
                                               const QString& granularityText, const QDate& today)
{
    AnalyticsPeriod p;
    const QString g = granularityText.trimmed().toLower();
    if (g.isEmpty() || g == u"day")
        p.granularity = Granularity::Day;
    else if (g == u"week")
        p.granularity = Granularity::Week;
    else if (g == u"month")
        p.granularity = Granularity::Month;
    else
        return invalid(
            "granularity",
            QStringLiteral("must be day, week or month, got \"%1\"").arg(granularityText.left(40)));

    if (endText.isEmpty()) {
        p.end = today;
    } else if (const auto d = parseDay(endText.trimmed())) {
        p.end = *d;
    } else {
        return invalid(
            "end",
            QStringLiteral("must be a date such as 2026-03-31, got \"%1\"").arg(endText.left(40)));
    }
    if (startText.isEmpty()) {
        p.start = p.end.addDays(-(kDefaultDays - 1));
    } else if (const auto d = parseDay(startText.trimmed())) {
        p.start = *d;
    } else {
        return invalid("start", QStringLiteral("must be a date such as 2026-01-01, got \"%1\"")
                                    .arg(startText.left(40)));
    }
    if (p.start > p.end)
        return invalid("start",
                       QStringLiteral("%1 is after end %2")
                           .arg(p.start.toString(Qt::ISODate), p.end.toString(Qt::ISODate)));
    if (p.start.daysTo(p.end) + 1 > kMaxDays)
        return invalid("start",
                       QStringLiteral("the period may span at most %1 days").arg(kMaxDays));
    return p;
}

QDate AnalyticsPeriod::bucketOf(const QDate& day) const
{
    switch (granularity) {
    case Granularity::Week:
        return day.addDays(1 - day.dayOfWeek());
    case Granularity::Month:
        return QDate(day.year(), day.month(), 1);
    case Granularity::Day:
        break;
    }
    return day;
}

QDate AnalyticsPeriod::nextBucket(const QDate& bucket) const
{
    switch (granularity) {
    case Granularity::Week:
        return bucket.addDays(7);
    case Granularity::Month:
        return bucket.addMonths(1);
    case Granularity::Day:
        break;
    }
    return bucket.addDays(1);
}

QString AnalyticsPeriod::granularityName() const
{
    switch (granularity) {
    case Granularity::Week:
        return QStringLiteral("week");
    case Granularity::Month:
        return QStringLiteral("month");
    case Granularity::Day:
        break;
    }
    return QStringLiteral("day");
}

} // namespace dpp::analytics
