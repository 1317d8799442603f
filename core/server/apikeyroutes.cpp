// /v1/auth/api-keys: create (the secret is in this one answer only), list (masked: the
// visible prefix, never the secret or its hash), change the rate limit, and revoke.
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
                         {QStringLiteral("revoked"), typeSchema("boolean")},
                         {QStringLiteral("rate_limit_per_minute"), typeSchema("integer")}});
}

// rate_limit_per_minute as sent: a whole number (range checked by ApiKey::validate in
// the repository) or null for the server default (0 here).
std::optional<ApiError> readRateLimit(const QJsonValue& rl, int& perMinute)
{
    perMinute = 0;
    if (rl.isUndefined() || rl.isNull())
        return std::nullopt;
    if (!rl.isDouble() || rl.toDouble() != double(qint64(rl.toDouble())) || rl.toDouble() < 1 ||
        rl.toDouble() > passport::ApiKey::kMaxRateLimitPerMinute)
        return ApiError::validation(
            QStringLiteral("rate_limit_per_minute"),
            QStringLiteral("must be a whole number from 1 to %1, or null for the server default")
                .arg(passport::ApiKey::kMaxRateLimitPerMinute));
    perMinute = int(rl.toDouble());
    return std::nullopt;
}

Response patchKey(const ApiContext& ctx, const Request& request)
{
    store::ApiKeyRepository keys(*ctx.db, tenantOf(request));
    const QString id = request.param(QStringLiteral("id"));
    const auto of = [&keys, &id]() -> std::optional<passport::ApiKey> {
        for (const auto& k : keys.list()) {
            if (k.id == id)
                return k;
        }
        return std::nullopt;
    };
    // Another tenant's key (or none) is 404 whatever the body says.
    if (!of())
        return notFound("API key");
    const auto body = request.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"rate_limit_per_minute")
            return Response::error(ApiError::validation(
                it.key(), QStringLiteral("only rate_limit_per_minute can be changed; create a "
                                         "new key for other scopes or names")));
    }
    if (!body->contains(QStringLiteral("rate_limit_per_minute")))
        return Response::error(ApiError::validation(QStringLiteral("rate_limit_per_minute"),
                                                    QStringLiteral("is required (or null)")));
    int perMinute = 0;
    if (auto e = readRateLimit(body->value(QStringLiteral("rate_limit_per_minute")), perMinute))
        return Response::error(*e);
    // The key row is read on every request (ApiKeyAuthenticator), so every process applies
    // the new limit from the next request on.
    if (Status s = keys.setRateLimit(id, perMinute); !s.ok())
        return Response::fromError(s.error());
    if (const auto key = of())
        return Response::json(key->toJson());
    return notFound("API key");
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
    if (auto e = readRateLimit(body->value(QStringLiteral("rate_limit_per_minute")), perMinute))
        return Response::error(*e);

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

    Route patch = makeRoute("PATCH", "/v1/auth/api-keys/{id}", "api_keys:manage", "auth",
                            "Change a key's rate_limit_per_minute (1-100000, or null for the "
                            "server default); every server applies it on the next request",
                            [ctx](const Request& r) { return patchKey(ctx, r); });
    patch.requestSchema = objectSchema(
        {{QStringLiteral("rate_limit_per_minute"),
          QJsonObject{{QStringLiteral("type"),
                       QJsonArray{QStringLiteral("integer"), QStringLiteral("null")}},
                      {QStringLiteral("minimum"), 1},
                      {QStringLiteral("maximum"), passport::ApiKey::kMaxRateLimitPerMinute}}}},
        {QStringLiteral("rate_limit_per_minute")});
    patch.responseSchema = keySchema();

    for (Route* r : {&create, &list, &patch, &revoke}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
