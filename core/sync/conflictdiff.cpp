#include "conflictdiff.h"
#include "conflictkind.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace dpp::sync {

namespace {

QString text(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        // Numbers, booleans and null through a one-element array: Qt's own formatting.
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    }
}

void flatten(const QJsonObject& o, const QString& prefix, QMap<QString, QJsonValue>& out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (it.value().isObject() && !it.value().toObject().isEmpty())
            flatten(it.value().toObject(), path, out);
        else
            out.insert(path, it.value());
    }
}

} // namespace

QList<ConflictDiff::Row> ConflictDiff::rows(const QJsonObject& mine, const QJsonObject& theirs)
{
    QMap<QString, QJsonValue> a;
    QMap<QString, QJsonValue> b;
    flatten(withoutStoreFields(mine), {}, a);
    flatten(withoutStoreFields(theirs), {}, b);
    QMap<QString, Row> merged;
    for (auto it = a.begin(); it != a.end(); ++it)
        merged[it.key()].mine = text(it.value());
    for (auto it = b.begin(); it != b.end(); ++it)
        merged[it.key()].theirs = text(it.value());
    QList<Row> out;
    for (auto it = merged.begin(); it != merged.end(); ++it) {
        Row r = it.value();
        r.field = it.key();
        r.differs = a.value(it.key()) != b.value(it.key());
        out.append(r);
    }
    return out;
}

} // namespace dpp::sync
