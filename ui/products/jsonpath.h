// JsonPath: reads and writes a value inside nested JSON objects by a dotted
// path ("nutrition.energyKj"), the way the editors address fields. Arrays are
// replaced whole by the table editors, so paths never index into them.
#pragma once

#include <QJsonObject>
#include <QJsonValue>

namespace dpp::ui {

class JsonPath
{
public:
    static QJsonValue value(const QJsonObject& root, const QString& path);
    // `root` with the value at `path` replaced; Undefined or Null removes the key,
    // and objects left empty by a removal are removed too (an empty "origin"
    // would otherwise fail validation for its required keys).
    static QJsonObject withValue(const QJsonObject& root, const QString& path,
                                 const QJsonValue& value);
};

} // namespace dpp::ui
