// /v1/auth (register, login, logout, users) and /v1/admin/tenants: thin handlers over
// AccountService; the register, login and logout routes are public (they are how a caller
// gets credentials), everything else needs a scope like any other route.
#include "accountservice.h"
#include "apikeyauthenticator.h"
#include "apiroutes.h"
#include "passport/rolepolicy.h"
#include "routesupport.h"
#include "server.h"
#include "store/tenantrepository.h"
#include "store/userrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject userSchema()
{
    return objectSchema({{QStringLiteral("id"), typeSchema("string")},
                         {QStringLiteral("email"), typeSchema("string")},
                         {QStringLiteral("role"), typeSchema("string")},
                         {QStringLiteral("created_at"), typeSchema("string")},
                         {QStringLiteral("supplier_id"), typeSchema("string")}});
}

// PATCH /v1/auth/users/{id}: which supplier a supplier-role user acts for (the rule is
// UserRepository::setSupplier's).
Response patchUser(const ApiContext& ctx, const Request& request)
{
    // Another tenant's user (or none) is 404 whatever the body says.
    store::UserRepository users(*ctx.db, tenantOf(request));
    if (!users.get(request.param(QStringLiteral("id"))))
        return notFound("user");
    const auto body = request.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"supplier_id")
            return Response::error(ApiError::validation(
                it.key(), QStringLiteral("only supplier_id can be changed here")));
    }
    const QJsonValue v = body->value(QStringLiteral("supplier_id"));
    if (v.isUndefined() || !(v.isString() || v.isNull()))
        return Response::error(ApiError::validation(
            QStringLiteral("supplier_id"), QStringLiteral("is required: a supplier id or null")));
    auto user = users.setSupplier(request.param(QStringLiteral("id")), v.toString());
    if (!user.ok())
        return Response::fromError(user.error());
    return Response::json(user->toJson());
}

Response registerAccount(const ApiContext& ctx, const Request& request)
{
    const auto body = request.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    auto done = AccountService(ctx.db, ctx.sandbox).registerAccount(*body);
    if (!done)
        return Response::fromError(done.error());
    return Response::json(QJsonObject{{QStringLiteral("tenant"), done->tenant.toJson()},
                                      {QStringLiteral("user"), done->user.toJson()},
                                      {QStringLiteral("api_key"), done->apiKey},
                                      {QStringLiteral("api_key_id"), done->key.id}},
                          201);
}

Response login(const ApiContext& ctx, const Request& request)
{
    const auto body = request.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    AccountService::CredentialCheck check;
    auto done =
        AccountService(ctx.db, ctx.sandbox).login(*body, request.clientAddress.toString(), &check);
    if (!done) {
        if (done.error().code == u"too_many_attempts") {
            ApiError e = ApiError::tooManyRequests(check.retryAfterSeconds);
            e.code = QStringLiteral("too_many_attempts");
            e.message = done.error().message;
            Response r = Response::error(e);
            r.setHeader("Retry-After", QByteArray::number(check.retryAfterSeconds));
            return r;
        }
        Response r = Response::fromError(done.error());
        if (r.status == 401)
            r.setHeader("WWW-Authenticate", "Bearer");
        return r;
    }
    Response r = Response::json(QJsonObject{
        {QStringLiteral("session_token"), done->sessionToken},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_at"), done->expiresAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("api_key"),
         done->apiKey.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(done->apiKey)},
        {QStringLiteral("tenant_id"), done->tenantId},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), done->userId},
                                             {QStringLiteral("email"), done->email},
                                             {QStringLiteral("role"), done->role}}}});
    r.setHeader("Cache-Control", "no-store");
    return r;
}

Response logout(const ApiContext& ctx, const Request& request)
{
    const QString token = ApiKeyAuthenticator::presentedKey(request);
    if (Status s = AccountService(ctx.db, ctx.sandbox).logout(token); !s.ok()) {
        Response r = Response::fromError(s.error());
        r.setHeader("WWW-Authenticate", "Bearer");
        return r;
    }
    return Response::noContent();
}

Response createUser(const ApiContext& ctx, const Request& request)
{
    const auto body = request.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    auto user = AccountService(ctx.db, ctx.sandbox)
                    .createUser(tenantOf(request), request.principal->scopes, *body);
    if (!user)
        return Response::fromError(user.error());
    return Response::json(user->toJson(), 201);
}

} // namespace

Status addAuthRoutes(Server& server, const ApiContext& ctx)
{
    Route reg = makeRoute("POST", "/v1/auth/register", "", "auth",
                          "Register a company: tenant, first user (tenant_admin), first API key",
                          [ctx](const Request& r) { return registerAccount(ctx, r); });
    reg.isPublic = true;
    reg.successStatus = 201;
    reg.requestSchema = objectSchema({{QStringLiteral("company_name"), typeSchema("string")},
                                      {QStringLiteral("email"), typeSchema("string")},
                                      {QStringLiteral("password"), typeSchema("string")},
                                      {QStringLiteral("gcp"), typeSchema("string")}},
                                     {QStringLiteral("company_name"), QStringLiteral("email"),
                                      QStringLiteral("password"), QStringLiteral("gcp")});
    reg.responseSchema = objectSchema({{QStringLiteral("tenant"), typeSchema("object")},
                                       {QStringLiteral("user"), userSchema()},
                                       {QStringLiteral("api_key"), typeSchema("string")},
                                       {QStringLiteral("api_key_id"), typeSchema("string")}});

    Route in = makeRoute("POST", "/v1/auth/login", "", "auth",
                         "Log in with e-mail and password: a session token (+ an API key bound "
                         "to it); throttled per account and client IP",
                         [ctx](const Request& r) { return login(ctx, r); });
    in.isPublic = true;
    in.requestSchema = objectSchema({{QStringLiteral("email"), typeSchema("string")},
                                     {QStringLiteral("password"), typeSchema("string")}},
                                    {QStringLiteral("email"), QStringLiteral("password")});
    in.responseSchema = objectSchema({{QStringLiteral("session_token"), typeSchema("string")},
                                      {QStringLiteral("token_type"), typeSchema("string")},
                                      {QStringLiteral("expires_at"), typeSchema("string")},
                                      {QStringLiteral("api_key"), typeSchema("string")},
                                      {QStringLiteral("tenant_id"), typeSchema("string")},
                                      {QStringLiteral("user"), typeSchema("object")}});

    Route out = makeRoute("POST", "/v1/auth/logout", "", "auth",
                          "End the session sent as `Authorization: Bearer ses_…` (its API key "
                          "is revoked too)",
                          [ctx](const Request& r) { return logout(ctx, r); });
    out.isPublic = true;
    out.successStatus = 204;

    Route addUser = makeRoute("POST", "/v1/auth/users", "users:manage", "auth",
                              "Create a user of this tenant with a role and a password",
                              [ctx](const Request& r) { return createUser(ctx, r); });
    addUser.successStatus = 201;
    addUser.requestSchema =
        objectSchema({{QStringLiteral("email"), typeSchema("string")},
                      {QStringLiteral("password"), typeSchema("string")},
                      {QStringLiteral("role"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                   {QStringLiteral("enum"),
                                    QJsonArray::fromStringList(passport::User::roles())}}},
                      {QStringLiteral("supplier_id"), typeSchema("string")}},
                     {QStringLiteral("email"), QStringLiteral("password"), QStringLiteral("role")});
    addUser.responseSchema = userSchema();

    Route users =
        makeRoute("GET", "/v1/auth/users", "users:manage", "auth",
                  "List this tenant's users and their roles", [ctx](const Request& r) {
                      QJsonArray data;
                      for (const auto& u : store::UserRepository(*ctx.db, tenantOf(r)).list())
                          data.append(u.toJson());
                      return Response::json(QJsonObject{{QStringLiteral("data"), data},
                                                        {QStringLiteral("hasMore"), false}});
                  });
    users.responseSchema = listSchema(userSchema());

    Route tenants =
        makeRoute("GET", "/v1/admin/tenants", "tenants:manage", "admin",
                  "Platform admins: every tenant of this server", [ctx](const Request&) {
                      QJsonArray data;
                      for (const auto& t : store::TenantRepository(*ctx.db).list())
                          data.append(t.toJson());
                      return Response::json(QJsonObject{{QStringLiteral("data"), data},
                                                        {QStringLiteral("hasMore"), false}});
                  });
    tenants.responseSchema = listSchema();

    Route editUser = makeRoute("PATCH", "/v1/auth/users/{id}", "users:manage", "auth",
                               "Set the supplier a supplier-role user acts for (supplier_id, "
                               "or null); they see only products linked to it",
                               [ctx](const Request& r) { return patchUser(ctx, r); });
    editUser.requestSchema = objectSchema({{QStringLiteral("supplier_id"), typeSchema("string")}},
                                          {QStringLiteral("supplier_id")});
    editUser.responseSchema = userSchema();

    for (Route* r : {&reg, &in, &out, &addUser, &users, &editUser, &tenants}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
