// /v1/auth/api-keys: create (the secret is in this one answer only), list (masked: the
// visible prefix, never the secret or its hash) and revoke.
#include "apiroutes.h"
#include "routesupport.h"
#include "server.h"
#include "store/apikeyrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject keySchema()
{
    return objectSchema({{QStringLiteral("id"), typeSchema("string")},
                         {QStringLiteral("name"), typeSchema("string")},
                         {QStringLiteral("prefix"), typeSchema("string")},
                         {QStringLiteral("scopes"), typeSchema("array")},
                         {QStringLiteral("test"), typeSchema("boolean")},
                         {QStringLiteral("revoked"), typeSchema("boolean")}});
}

Response createKey(const ApiContext& ctx, const Request& request)
{
    const auto body = request.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const QJsonValue name = body->value(QStringLiteral("name"));
    if (!name.isString())
        return Response::error(
            ApiError::validation(QStringLiteral("name"), QStringLiteral("is required (a string)")));
    const QJsonValue scopesValue = body->value(QStringLiteral("scopes"));
    if (!scopesValue.isArray())
        return Response::error(ApiError::validation(
            QStringLiteral("scopes"), QStringLiteral("is required (an array of scope names)")));
    QStringList scopes;
    const QJsonArray array = scopesValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isString())
            return Response::error(ApiError::validation(QStringLiteral("scopes[%1]").arg(i),
                                                        QStringLiteral("must be a string")));
        scopes.append(array[i].toString());
    }
    // A key cannot hand out more than it holds: otherwise api_keys:manage would be every scope.
    for (qsizetype i = 0; i < scopes.size(); ++i) {
        if (request.principal && !request.principal->scopes.contains(scopes[i]))
            return Response::error(ApiError::forbidden(
                QStringLiteral("scopes[%1]: this key cannot grant %2, which it does not hold")
                    .arg(i)
                    .arg(scopes[i])));
    }
    QDateTime expiresAt;
    if (const QJsonValue e = body->value(QStringLiteral("expires_at"));
        !e.isUndefined() && !e.isNull()) {
        expiresAt = QDateTime::fromString(e.toString(), Qt::ISODate);
        if (!e.isString() || !expiresAt.isValid())
            return Response::error(ApiError::validation(
                QStringLiteral("expires_at"), QStringLiteral("must be an ISO 8601 timestamp")));
    }
    const QJsonValue testValue = body->value(QStringLiteral("test"));
    if (!testValue.isUndefined() && !testValue.isBool())
        return Response::error(
            ApiError::validation(QStringLiteral("test"), QStringLiteral("must be a boolean")));
    const bool test = ctx.sandbox || testValue.toBool();
    int perMinute = 0; // null or absent: the server default
    if (const QJsonValue rl = body->value(QStringLiteral("rate_limit_per_minute"));
        !rl.isUndefined() && !rl.isNull()) {
        if (!rl.isDouble() || rl.toDouble() != double(qint64(rl.toDouble())) || rl.toDouble() < 1 ||
            rl.toDouble() > passport::ApiKey::kMaxRateLimitPerMinute)
            return Response::error(ApiError::validation(
                QStringLiteral("rate_limit_per_minute"),
                QStringLiteral("must be a whole number from 1 to %1, or null for the server "
                               "default")
                    .arg(passport::ApiKey::kMaxRateLimitPerMinute)));
        perMinute = int(rl.toDouble());
    }

    store::ApiKeyRepository keys(*ctx.db, tenantOf(request));
    auto created = keys.create(name.toString(), scopes, test, expiresAt, perMinute);
    if (!created.ok())
        return Response::fromError(created.error());
    QJsonObject json = created->key.toJson();
    json.insert(QStringLiteral("key"), created->secret);
    return Response::json(json, 201);
}

} // namespace

Status addApiKeyRoutes(Server& server, const ApiContext& ctx)
{
    Route create = makeRoute("POST", "/v1/auth/api-keys", "api_keys:manage", "auth",
                             "Create an API key; the secret is in this answer only",
                             [ctx](const Request& r) { return createKey(ctx, r); });
    create.successStatus = 201;
    create.requestSchema = objectSchema(
        {{QStringLiteral("name"), typeSchema("string")},
         {QStringLiteral("scopes"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                {QStringLiteral("items"), typeSchema("string")}}},
         {QStringLiteral("expires_at"), typeSchema("string")},
         {QStringLiteral("test"), typeSchema("boolean")},
         {QStringLiteral("rate_limit_per_minute"), typeSchema("integer")}},
        {QStringLiteral("name"), QStringLiteral("scopes")});
    QJsonObject createdSchema = keySchema();
    QJsonObject props = createdSchema.value(QStringLiteral("properties")).toObject();
    props.insert(QStringLiteral("key"), typeSchema("string"));
    createdSchema.insert(QStringLiteral("properties"), props);
    create.responseSchema = createdSchema;

    Route list =
        makeRoute("GET", "/v1/auth/api-keys", "api_keys:manage", "auth",
                  "List this tenant's API keys, masked", [ctx](const Request& r) {
                      store::ApiKeyRepository keys(*ctx.db, tenantOf(r));
                      QJsonArray data;
                      for (const auto& k : keys.list())
                          data.append(k.toJson());
                      return Response::json(QJsonObject{{QStringLiteral("data"), data},
                                                        {QStringLiteral("hasMore"), false}});
                  });
    list.responseSchema = listSchema(keySchema());

    Route revoke = makeRoute(
        "DELETE", "/v1/auth/api-keys/{id}", "api_keys:manage", "auth",
        "Revoke an API key; it stops working on the next request", [ctx](const Request& r) {
            store::ApiKeyRepository keys(*ctx.db, tenantOf(r));
            if (Status s = keys.revoke(r.param(QStringLiteral("id"))); !s.ok())
                return Response::fromError(s.error());
            return Response::json(QJsonObject{{QStringLiteral("id"), r.param(QStringLiteral("id"))},
                                              {QStringLiteral("revoked"), true}});
        });
    revoke.responseSchema = keySchema();

    for (Route* r : {&create, &list, &revoke}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
