// Small helpers every repository uses: new ids, timestamps, JSON text
// columns and turning field errors into the Error convention.
#pragma once

#include "passport/fielderror.h"
#include "result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QVariant>

namespace dpp::store::sql {

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline QString toText(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
inline QString toText(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}
inline QJsonObject objectFrom(const QVariant& v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}
inline QJsonArray arrayFrom(const QVariant& v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).array();
}
inline QStringList stringsFrom(const QVariant& v)
{
    QStringList out;
    for (const QJsonValue& x : arrayFrom(v))
        out.append(x.toString());
    return out;
}

inline QDateTime timeFrom(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}
inline QVariant timeText(const QDateTime& t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs))
                       : QVariant(QMetaType(QMetaType::QString));
}
inline QVariant nullableText(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

// The first field error as an Error (the caller had the full list from validate()).
inline Error validationError(const passport::FieldErrors& errors)
{
    return Error{errors.first().param, errors.first().message, QStringLiteral("validation_error")};
}
inline Error notFound(const QString& param, const QString& what)
{
    return Error{param, QStringLiteral("%1 not found").arg(what), QStringLiteral("not_found")};
}

} // namespace dpp::store::sql
