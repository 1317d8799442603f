// FieldError: one problem with one field of user input, named by its JSON path
// ("nutrition.energyKj", "materials[2].percentage"), so every front end can
// point at the exact field. Validation returns a list of them, never throws.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dpp::passport {

struct FieldError
{
    QString param;
    QString message;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("param"), param}, {QStringLiteral("message"), message}};
    }
    bool operator==(const FieldError&) const = default;
};

using FieldErrors = QList<FieldError>;

inline QJsonArray toJson(const FieldErrors& errors)
{
    QJsonArray out;
    for (const FieldError& e : errors)
        out.append(e.toJson());
    return out;
}

// "prefix.key" or just "key" when there is no prefix.
inline QString joinPath(const QString& prefix, const QString& key)
{
    return prefix.isEmpty() ? key : prefix + u'.' + key;
}

} // namespace dpp::passport
