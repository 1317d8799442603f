#include "fieldtext.h"

#include <QLocale>

namespace dpp::ui {

using passport::FieldType;

QJsonValue FieldText::parse(const passport::FieldSpec& spec, const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    switch (spec.type) {
    case FieldType::Number:
    case FieldType::Integer:
    case FieldType::Percent: {
        // Accept the C locale and the user's (decimal comma) forms of a number.
        bool ok = false;
        double d = t.toDouble(&ok);
        if (!ok)
            d = QLocale().toDouble(t, &ok);
        return ok ? QJsonValue(d) : QJsonValue(text);
    }
    case FieldType::Boolean: {
        const QString l = t.toLower();
        if (l == u"true" || l == u"yes" || l == u"1" || l == u"y")
            return true;
        if (l == u"false" || l == u"no" || l == u"0" || l == u"n")
            return false;
        return text;
    }
    default:
        return text;
    }
}

QString FieldText::format(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

} // namespace dpp::ui
