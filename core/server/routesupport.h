// Small helpers the /v1 route groups share: JSON Schema fragments for the OpenAPI
// document and the request bits every handler reads (tenant, query integers).
#pragma once

#include "passport/fielderror.h"
#include "request.h"
#include "response.h"
#include "route.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace dpp::server::routes {

inline QJsonObject typeSchema(const char* type)
{
    return QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)}};
}

/// {"type":"object","required":[…],"properties":{…}}
inline QJsonObject objectSchema(const QJsonObject& properties, const QStringList& required = {})
{
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        s.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return s;
}

/// A list answer: {"data":[item…], "hasMore": bool}.
inline QJsonObject listSchema(const QJsonObject& item = typeSchema("object"))
{
    return objectSchema(
        {{QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                              {QStringLiteral("items"), item}}},
         {QStringLiteral("hasMore"), typeSchema("boolean")}},
        {QStringLiteral("data")});
}

inline QString tenantOf(const Request& request)
{
    return request.principal ? request.principal->tenantId : QString();
}

inline Route makeRoute(const char* method, const char* path, const char* scope, const char* tag,
                       const char* summary, Handler handler)
{
    Route r;
    r.method = method;
    r.path = QString::fromLatin1(path);
    r.scope = QString::fromLatin1(scope);
    r.tag = QString::fromLatin1(tag);
    r.summary = QString::fromLatin1(summary);
    r.handler = std::move(handler);
    return r;
}

inline Response notFound(const char* what)
{
    return Response::error(
        ApiError::notFound(QStringLiteral("%1 not found").arg(QString::fromLatin1(what))));
}

/// 422 for entity rules core found broken: the first problem, with its field as `param`.
inline Response invalid(const passport::FieldErrors& errors)
{
    return Response::error(ApiError::validation(errors.first().param, errors.first().message));
}

/// The strong ETag of a resource at row version `version`: "<version>" (opaque to clients).
inline QByteArray etagOf(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

/// A single resource's answer with its version: "version" in the body and the ETag header.
inline Response versioned(QJsonObject json, qint64 version, int status = 200)
{
    json.insert(QStringLiteral("version"), version);
    Response r = Response::json(json, status);
    r.setHeader("ETag", etagOf(version));
    return r;
}

/// The If-Match header as the row version a write expects: nullopt when absent or "*"
/// (any current version; the resource must exist, which every write checks anyway). A tag
/// that is weak (W/) or not one of ours can never match strongly (RFC 9110 §13.1.1), so it
/// becomes -1, which no row has. One entity-tag only: a list is a 400.
inline Result<std::optional<qint64>> ifMatchVersion(const Request& request)
{
    if (!request.hasHeader("if-match"))
        return std::optional<qint64>();
    const QByteArray value = request.header("if-match").trimmed();
    if (value == "*")
        return std::optional<qint64>();
    if (value.contains(','))
        return Error{QStringLiteral("If-Match"),
                     QStringLiteral("send one ETag (as read from the resource) or *"),
                     QStringLiteral("invalid_if_match")};
    if (value.size() < 2 || !value.endsWith('"') ||
        !(value.startsWith('"') || value.startsWith("W/\"")))
        return Error{QStringLiteral("If-Match"),
                     QStringLiteral("an ETag is a quoted string such as \"3\", or *"),
                     QStringLiteral("invalid_if_match")};
    if (value.startsWith("W/"))
        return std::optional<qint64>(-1);
    bool ok = false;
    const qint64 v = value.mid(1, value.size() - 2).toLongLong(&ok);
    return std::optional<qint64>(ok && v > 0 ? v : -1);
}

/// 412 for a write whose If-Match is stale: the error object, the server's current
/// resource under "current" (so a client can merge without another GET) and its ETag.
inline Response preconditionFailed(const Error& error, QJsonObject current, qint64 version)
{
    current.insert(QStringLiteral("version"), version);
    ApiError e = ApiError::versionMismatch(error.message);
    QJsonObject body = e.toJson();
    body.insert(QStringLiteral("current"), current);
    Response r = Response::json(body, e.status);
    r.setHeader("ETag", etagOf(version));
    return r;
}

inline bool isVersionMismatch(const Error& error)
{
    return error.code == u"version_mismatch";
}

} // namespace dpp::server::routes
