#include "passportdiff.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dpp::passport {

namespace {
using Change = PassportDiff::Change;
using Kind = PassportDiff::Kind;

void diffValues(const QString& path, const QJsonValue& a, const QJsonValue& b, QList<Change>& out);

void diffObjects(const QString& prefix, const QJsonObject& a, const QJsonObject& b,
                 QList<Change>& out)
{
    QStringList keys = a.keys();
    for (const QString& k : b.keys())
        if (!a.contains(k))
            keys.append(k);
    std::sort(keys.begin(), keys.end());
    for (const QString& k : keys)
        diffValues(prefix.isEmpty() ? k : prefix + u'.' + k, a.value(k), b.value(k), out);
}

void diffValues(const QString& path, const QJsonValue& a, const QJsonValue& b, QList<Change>& out)
{
    // A null is "not given" everywhere else in the model; treat it like a missing key.
    const bool hasA = !a.isUndefined() && !a.isNull();
    const bool hasB = !b.isUndefined() && !b.isNull();
    if (!hasA && !hasB)
        return;
    if (!hasA) {
        out.append({path, Kind::Added, QJsonValue(QJsonValue::Undefined), b});
        return;
    }
    if (!hasB) {
        out.append({path, Kind::Removed, a, QJsonValue(QJsonValue::Undefined)});
        return;
    }
    if (a.isObject() && b.isObject()) {
        diffObjects(path, a.toObject(), b.toObject(), out);
        return;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i)
            diffValues(QStringLiteral("%1[%2]").arg(path).arg(i),
                       i < x.size() ? x[i] : QJsonValue(QJsonValue::Undefined),
                       i < y.size() ? y[i] : QJsonValue(QJsonValue::Undefined), out);
        return;
    }
    if (a != b)
        out.append({path, Kind::Changed, a, b});
}
} // namespace

QList<Change> PassportDiff::between(const QJsonObject& before, const QJsonObject& after)
{
    QList<Change> out;
    diffObjects(QString(), before, after, out);
    return out;
}

QString PassportDiff::toString(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("added");
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QString PassportDiff::displayValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return {};
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace dpp::passport
