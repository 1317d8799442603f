// PassportDiff: field-level differences between two passport data objects (a
// published version and the data about to be published), named by the same
// JSON paths the validators use ("nutrition.energyKj", "ingredients[2].name").
// The publish dialog lists them; a reviewer sees exactly what a new version changes.
#pragma once

#include <QJsonObject>
#include <QList>

namespace dpp::passport {

class PassportDiff
{
public:
    enum class Kind { Added, Removed, Changed };
    struct Change
    {
        QString path;
        Kind kind = Kind::Changed;
        QJsonValue before; // Undefined when added
        QJsonValue after;  // Undefined when removed
        bool operator==(const Change&) const = default;
    };

    // Leaf changes in path order. Objects are compared key by key and arrays
    // index by index (an inserted list entry shows as changes to the entries
    // after it plus one added at the end: what a reader of the two versions
    // side by side would see).
    static QList<Change> between(const QJsonObject& before, const QJsonObject& after);

    static QString toString(Kind kind);
    // A value as one line for display: strings unquoted, objects as compact JSON.
    static QString displayValue(const QJsonValue& value);
};

} // namespace dpp::passport
