// Small helpers every repository uses: new ids, timestamps, JSON text
// columns and turning field errors into the Error convention.
#pragma once

#include "database.h"
#include "passport/fielderror.h"
#include "result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QVariant>
#include <optional>

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

// One row by id, always within the tenant (no query may read another tenant's
// rows): `select` is the repository's "SELECT … FROM table", `from` maps the row.
template <typename Row, typename From>
std::optional<Row> rowById(const Database& db, const char* select, const QString& id,
                           const QString& tenantId, From from)
{
    QSqlQuery q =
        db.prepare(QLatin1String(select) + QStringLiteral(" WHERE id = :id AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return from(q);
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
// A write whose expected row version (If-Match on the API) is not the row's current one.
inline Error versionMismatch(const QString& what, qint64 expected, qint64 current)
{
    return Error{QStringLiteral("If-Match"),
                 QStringLiteral("the %1 is at version %2, not %3: it changed since you read it; "
                                "merge with the current version and send that")
                     .arg(what)
                     .arg(current)
                     .arg(expected),
                 QStringLiteral("version_mismatch")};
}
inline Error notFound(const QString& param, const QString& what)
{
    return Error{param, QStringLiteral("%1 not found").arg(what), QStringLiteral("not_found")};
}

} // namespace dpp::store::sql
