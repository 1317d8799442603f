// Small helpers the /v1 route groups share: JSON Schema fragments for the OpenAPI
// document and the request bits every handler reads (tenant, query integers).
#pragma once

#include "apicontext.h"
#include "passport/audienceprojection.h"
#include "passport/fielderror.h"
#include "passport/rolepolicy.h"
#include "request.h"
#include "response.h"
#include "route.h"
#include "store/productrepository.h"

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

/// The tenant's products as this request may see them: a supplier-role user only those
/// linked to their supplier (ProductRepository::restrictToSupplier), everyone else all.
inline store::ProductRepository productsOf(const ApiContext& ctx, const Request& request)
{
    store::ProductRepository products(*ctx.db, tenantOf(request));
    if (request.principal && request.principal->role == u"supplier")
        products.restrictToSupplier(request.principal->supplierId);
    return products;
}

/// The projection of products and passports this request reads (RolePolicy::audienceFor
/// its user's role; API keys read as the owner).
inline passport::Audience audienceOf(const Request& request)
{
    return request.principal ? passport::RolePolicy::audienceFor(request.principal->role)
                             : passport::Audience::Owner;
}

/// A product as this request may see it: the full record for the owner, else the
/// audience's projection.
inline QJsonObject productFor(const Request& request, const passport::Product& product)
{
    const passport::Audience audience = audienceOf(request);
    return audience == passport::Audience::Owner
               ? product.toJson()
               : passport::projectProductForAudience(product, audience);
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

/// The If-Match header's entity-tag without quotes: nullopt when absent or "*" (any
/// current version; the resource must exist, which every write checks anyway). A weak tag
/// (W/"…") can never match strongly (RFC 9110 §13.1.1): it comes back as "W/", which is no
/// tag of ours. One entity-tag only: a list is a 400 (param If-Match).
inline Result<std::optional<QString>> ifMatchTag(const Request& request)
{
    if (!request.hasHeader("if-match"))
        return std::optional<QString>();
    const QByteArray value = request.header("if-match").trimmed();
    if (value == "*")
        return std::optional<QString>();
    if (value.contains(','))
        return Error{QStringLiteral("If-Match"),
                     QStringLiteral("send one ETag (as read from the resource) or *"),
                     QStringLiteral("invalid_if_match")};
    const bool weak = value.startsWith("W/");
    const QByteArray tag = weak ? value.mid(2) : value;
    if (tag.size() < 2 || !tag.startsWith('"') || !tag.endsWith('"'))
        return Error{QStringLiteral("If-Match"),
                     QStringLiteral("an ETag is a quoted string such as \"3\", or *"),
                     QStringLiteral("invalid_if_match")};
    if (weak)
        return std::optional<QString>(QStringLiteral("W/"));
    return std::optional<QString>(QString::fromLatin1(tag.mid(1, tag.size() - 2)));
}

/// If-Match as the row version a write expects (see ifMatchTag); a tag that is not one of
/// our row versions becomes -1, which no row has, so the write answers 412.
inline Result<std::optional<qint64>> ifMatchVersion(const Request& request)
{
    const auto tag = ifMatchTag(request);
    if (!tag.ok())
        return tag.error();
    if (!tag->has_value())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 v = (*tag)->toLongLong(&ok);
    return std::optional<qint64>(ok && v > 0 ? v : -1);
}

/// 412 for a write whose If-Match is stale: the error object, the server's current
/// resource under "current" (so a client can merge without another GET) and its ETag.
inline Response preconditionFailed(const Error& error, const QJsonObject& current,
                                   const QByteArray& etag)
{
    ApiError e = ApiError::versionMismatch(error.message);
    QJsonObject body = e.toJson();
    body.insert(QStringLiteral("current"), current);
    Response r = Response::json(body, e.status);
    if (!etag.isEmpty())
        r.setHeader("ETag", etag);
    return r;
}

/// The same for a resource with a row version ("version" added to the current JSON).
inline Response preconditionFailed(const Error& error, QJsonObject current, qint64 version)
{
    current.insert(QStringLiteral("version"), version);
    return preconditionFailed(error, current, etagOf(version));
}

inline bool isVersionMismatch(const Error& error)
{
    return error.code == u"version_mismatch";
}

} // namespace dpp::server::routes
