// JsonFields: typed reads from a JSON object that name the JSON path of any
// bad value ("$.elements[2].x"), so a broken .dpplabel or stock file says
// where it is broken instead of crashing or silently using a default.
#pragma once

#include "distance.h"
#include "result.h"

#include <QJsonObject>
#include <QStringList>

namespace dpp::label {

class JsonFields
{
public:
    JsonFields(const QJsonObject& object, QString path) : m_object(object), m_path(std::move(path))
    {}

    QString pathOf(const QString& key) const { return m_path + QLatin1Char('.') + key; }
    bool has(const QString& key) const { return m_object.contains(key); }
    const QJsonObject& object() const { return m_object; }

    Result<QString> string(const QString& key, const QString& fallback,
                           bool required = false) const;
    // One of `allowed`; the error lists them.
    Result<QString> choice(const QString& key, const QStringList& allowed,
                           const QString& fallback) const;
    Result<double> number(const QString& key, double fallback, double min, double max,
                          bool required = false) const;
    Result<int> integer(const QString& key, int fallback, int min, int max,
                        bool required = false) const;
    Result<bool> boolean(const QString& key, bool fallback) const;
    // A number (millimetres) or a string with a unit ("2in").
    Result<Distance> distance(const QString& key, Distance fallback, double minMm, double maxMm,
                              bool required = false) const;

    Error missing(const QString& key) const;

private:
    QJsonObject m_object;
    QString m_path;
};

} // namespace dpp::label

// Inside a fromJson returning Result<…>: assigns a JsonFields result to `target`, or
// returns its error (which names the JSON path) from the enclosing function.
#define DPP_TAKE(target, expr)                                                                     \
    {                                                                                              \
        auto r_ = (expr);                                                                          \
        if (!r_)                                                                                   \
            return r_.error();                                                                     \
        target = r_.value();                                                                       \
    }
