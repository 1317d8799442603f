// FieldText: how a field's JSON value is typed and shown as text in the
// editors. What cannot be converted stays text, so the core validator (not the
// widget) reports "must be a number" at the field as the user types.
#pragma once

#include <QJsonValue>
#include <passport/fieldspec.h>

namespace dpp::ui {

class FieldText
{
public:
    // Empty text = not given (Undefined).
    static QJsonValue parse(const passport::FieldSpec& spec, const QString& text);
    static QString format(const QJsonValue& value);
};

} // namespace dpp::ui
