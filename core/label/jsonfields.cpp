#include "jsonfields.h"

#include <QJsonValue>
#include <cmath>

namespace dpp::label {

Error JsonFields::missing(const QString& key) const
{
    return Error{pathOf(key), QStringLiteral("is required"), QStringLiteral("required")};
}

Result<QString> JsonFields::string(const QString& key, const QString& fallback, bool required) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return required ? Result<QString>(missing(key)) : Result<QString>(fallback);
    if (!v.isString())
        return Error{pathOf(key), QStringLiteral("must be a string"),
                     QStringLiteral("invalid_type")};
    return v.toString();
}

Result<QString> JsonFields::choice(const QString& key, const QStringList& allowed,
                                   const QString& fallback) const
{
    auto s = string(key, fallback, fallback.isEmpty());
    if (!s)
        return s;
    if (!allowed.contains(s.value()))
        return Error{pathOf(key),
                     QStringLiteral("'%1' is not one of %2")
                         .arg(s.value(), allowed.join(QStringLiteral(", "))),
                     QStringLiteral("invalid_choice")};
    return s;
}

Result<double> JsonFields::number(const QString& key, double fallback, double min, double max,
                                  bool required) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return required ? Result<double>(missing(key)) : Result<double>(fallback);
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return Error{pathOf(key), QStringLiteral("must be a number"),
                     QStringLiteral("invalid_type")};
    const double d = v.toDouble();
    if (d < min || d > max)
        return Error{pathOf(key), QStringLiteral("%1 is outside %2…%3").arg(d).arg(min).arg(max),
                     QStringLiteral("out_of_range")};
    return d;
}

Result<int> JsonFields::integer(const QString& key, int fallback, int min, int max,
                                bool required) const
{
    auto d = number(key, fallback, min, max, required);
    if (!d)
        return d.error();
    if (d.value() != std::floor(d.value()))
        return Error{pathOf(key), QStringLiteral("must be a whole number"),
                     QStringLiteral("invalid_type")};
    return int(d.value());
}

Result<bool> JsonFields::boolean(const QString& key, bool fallback) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool())
        return Error{pathOf(key), QStringLiteral("must be true or false"),
                     QStringLiteral("invalid_type")};
    return v.toBool();
}

Result<Distance> JsonFields::distance(const QString& key, Distance fallback, double minMm,
                                      double maxMm, bool required) const
{
    const QJsonValue v = m_object.value(key);
    Distance d = fallback;
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return missing(key);
        return fallback;
    }
    if (v.isDouble()) {
        d = Distance::mm(v.toDouble());
    } else if (v.isString()) {
        auto parsed = Distance::parse(v.toString(), pathOf(key));
        if (!parsed)
            return parsed;
        d = parsed.value();
    } else {
        return Error{pathOf(key), QStringLiteral("must be a length in mm or a string with a unit"),
                     QStringLiteral("invalid_type")};
    }
    if (!std::isfinite(d.toMm()) || d.toMm() < minMm || d.toMm() > maxMm)
        return Error{
            pathOf(key),
            QStringLiteral("%1 mm is outside %2…%3 mm").arg(d.toMm()).arg(minMm).arg(maxMm),
            QStringLiteral("out_of_range")};
    return d;
}

} // namespace dpp::label
