// Small conversions between optional C++ values and JSON members, shared by the
// passport value types so absent and null stay "not given" everywhere.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace dpp::passport::json {

inline std::optional<double> optDouble(const QJsonObject& o, const QString& key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

inline std::optional<bool> optBool(const QJsonObject& o, const QString& key)
{
    const QJsonValue v = o.value(key);
    return v.isBool() ? std::optional<bool>(v.toBool()) : std::nullopt;
}

inline void put(QJsonObject& o, const QString& key, const QString& v)
{
    if (!v.isEmpty())
        o.insert(key, v);
}

inline void put(QJsonObject& o, const QString& key, const std::optional<double>& v)
{
    if (v)
        o.insert(key, *v);
}

inline void put(QJsonObject& o, const QString& key, const std::optional<bool>& v)
{
    if (v)
        o.insert(key, *v);
}

} // namespace dpp::passport::json
