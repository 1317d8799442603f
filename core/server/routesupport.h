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

} // namespace dpp::server::routes
