// OAuth2 for third-party applications: client registration under /v1/oauth/clients
// (session or api_keys:manage) and the public /oauth/authorize (login + consent page) and
// /oauth/token endpoints. Handlers parse and render; OAuthService decides.
#include "apiroutes.h"
#include "consentpage.h"
#include "oauthservice.h"
#include "passport/secrettoken.h"
#include "routesupport.h"
#include "server.h"
#include "store/oauthclientrepository.h"

#include <QUrl>

namespace dpp::server {

using namespace routes;

namespace {

const QByteArray kCsrfCookie = "dpp_oauth_csrf";

// application/x-www-form-urlencoded: '+' is a space there, not in QUrlQuery.
QUrlQuery formFields(const QByteArray& body)
{
    QByteArray b = body;
    b.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(b));
}

QString cookie(const Request& request, const QByteArray& name)
{
    for (QByteArray part : request.header("cookie").split(';')) {
        part = part.trimmed();
        if (part.startsWith(QByteArray(name + "=")))
            return QString::fromLatin1(part.mid(name.size() + 1));
    }
    return {};
}

Response html(const QByteArray& body, int status)
{
    Response r = Response::bytes(body, "text/html; charset=utf-8", status);
    r.setHeader("Cache-Control", "no-store");
    return r;
}

Response redirect(const QString& location)
{
    Response r;
    r.status = 302;
    r.setHeader("Location", location.toUtf8());
    r.setHeader("Cache-Control", "no-store");
    return r;
}

Response showForm(const OAuthService::AuthorizeCheck& c, const OAuthService::AuthorizeParams& p,
                  const Request& request, const QString& message, int status)
{
    // Double-submit CSRF token: a cookie plus the same value in the form. A page on another
    // site can make a browser post the form, but cannot read or set our cookie.
    const QString csrf = passport::SecretToken::generate(QString()).left(32);
    Response r =
        html(ConsentPage::form(c.client->name, c.scopes, p.fields(), csrf, message), status);
    QByteArray set = QByteArray(kCsrfCookie + "=") + csrf.toLatin1() +
                     "; Path=/oauth/authorize; HttpOnly; SameSite=Strict";
    if (request.secure)
        set += "; Secure";
    r.setHeader("Set-Cookie", set);
    return r;
}

Response authorizePage(const ApiContext& ctx, const Request& request)
{
    const auto params = OAuthService::AuthorizeParams::from(request.query);
    const auto c = OAuthService(ctx.db, ctx.sandbox).check(params);
    if (!c.error.isEmpty()) {
        if (!c.redirect) // never redirect to a URI we could not verify (RFC 6749 §4.1.2.1)
            return html(ConsentPage::error(QStringLiteral("This authorization request is not "
                                                          "valid"),
                                           c.error + u": " + c.description),
                        400);
        return redirect(
            OAuthService::redirectTo(c.redirectUri,
                                     {{QStringLiteral("error"), c.error},
                                      {QStringLiteral("error_description"), c.description}},
                                     params.state));
    }
    return showForm(c, params, request, {}, 200);
}

Response authorizeSubmit(const ApiContext& ctx, const Request& request)
{
    const QUrlQuery form = formFields(request.body);
    const auto params = OAuthService::AuthorizeParams::from(form);
    OAuthService oauth(ctx.db, ctx.sandbox);
    const auto c = oauth.check(params);
    if (!c.error.isEmpty() && !c.redirect)
        return html(ConsentPage::error(QStringLiteral("This authorization request is not valid"),
                                       c.error + u": " + c.description),
                    400);
    const QString csrf = form.queryItemValue(QStringLiteral("csrf_token"), QUrl::FullyDecoded);
    if (csrf.isEmpty() || csrf != cookie(request, kCsrfCookie))
        return html(ConsentPage::error(QStringLiteral("The form has expired"),
                                       QStringLiteral("This form was not sent from the page we "
                                                      "served, or it is too old. Go back to the "
                                                      "application and start again.")),
                    403);
    const auto value = [&](const char* n) {
        return form.queryItemValue(QString::fromLatin1(n), QUrl::FullyDecoded);
    };
    const auto a = oauth.decide(params, value("email"), value("password"),
                                value("decision") == u"approve", request.clientAddress.toString());
    if (!a.redirect.isEmpty())
        return redirect(a.redirect);
    Response r = showForm(c, params, request, a.error, a.retryAfterSeconds > 0 ? 429 : 401);
    if (a.retryAfterSeconds > 0)
        r.setHeader("Retry-After", QByteArray::number(a.retryAfterSeconds));
    return r;
}

// /oauth/token and /oauth/revoke (RFC 7009) take the same form encoding and client
// authentication; `call` is the OAuthService step for the endpoint.
Response formEndpoint(const ApiContext& ctx, const Request& request,
                      OAuthService::TokenAnswer (OAuthService::*call)(const QUrlQuery&,
                                                                      const QByteArray&))
{
    OAuthService::TokenAnswer answer;
    if (!request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        answer = {400, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")},
                                   {QStringLiteral("error_description"),
                                    QStringLiteral("send the parameters as "
                                                   "application/x-www-form-urlencoded")}}};
    else {
        OAuthService service(ctx.db, ctx.sandbox);
        answer = (service.*call)(formFields(request.body), request.header("authorization"));
    }
    Response r = Response::json(answer.body, answer.status);
    r.setHeader("Cache-Control", "no-store"); // RFC 6749 §5.1
    r.setHeader("Pragma", "no-cache");
    if (answer.status == 401)
        r.setHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
    return r;
}

Response token(const ApiContext& ctx, const Request& request)
{
    return formEndpoint(ctx, request, &OAuthService::token);
}

Response revokeToken(const ApiContext& ctx, const Request& request)
{
    return formEndpoint(ctx, request, &OAuthService::revoke);
}

QJsonObject clientSchema()
{
    return objectSchema({{QStringLiteral("client_id"), typeSchema("string")},
                         {QStringLiteral("name"), typeSchema("string")},
                         {QStringLiteral("redirect_uris"), typeSchema("array")},
                         {QStringLiteral("scopes"), typeSchema("array")},
                         {QStringLiteral("confidential"), typeSchema("boolean")},
                         {QStringLiteral("created_at"), typeSchema("string")}});
}

Result<QStringList> stringArray(const QJsonObject& body, const QString& name)
{
    const QJsonValue v = body.value(name);
    if (!v.isArray())
        return Error{name, QStringLiteral("is required (an array of strings)"),
                     QStringLiteral("validation_error")};
    QStringList out;
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString())
            return Error{QStringLiteral("%1[%2]").arg(name).arg(i),
                         QStringLiteral("must be a string"), QStringLiteral("validation_error")};
        out.append(a[i].toString());
    }
    return out;
}

Response createClient(const ApiContext& ctx, const Request& request)
{
    const auto body = request.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const QJsonValue name = body->value(QStringLiteral("name"));
    if (!name.isString())
        return Response::error(
            ApiError::validation(QStringLiteral("name"), QStringLiteral("is required (a string)")));
    const auto uris = stringArray(*body, QStringLiteral("redirect_uris"));
    if (!uris)
        return Response::fromError(uris.error());
    const auto scopes = stringArray(*body, QStringLiteral("scopes"));
    if (!scopes)
        return Response::fromError(scopes.error());
    const QJsonValue confidential = body->value(QStringLiteral("confidential"));
    if (!confidential.isUndefined() && !confidential.isBool())
        return Response::error(ApiError::validation(QStringLiteral("confidential"),
                                                    QStringLiteral("must be a boolean")));
    // Like keys: an application cannot be registered for more than the caller may do.
    for (qsizetype i = 0; i < scopes->size(); ++i) {
        if (!request.principal->scopes.contains(scopes->at(i))) {
            ApiError e = ApiError::forbidden(
                QStringLiteral("you cannot register an application for %1, which you do not hold")
                    .arg(scopes->at(i)));
            e.param = QStringLiteral("scopes[%1]").arg(i);
            return Response::error(e);
        }
    }
    auto created = store::OAuthClientRepository(*ctx.db, tenantOf(request))
                       .create(name.toString(), *uris, *scopes, confidential.toBool());
    if (!created)
        return Response::fromError(created.error());
    QJsonObject json = created->client.toJson();
    if (!created->secret.isEmpty())
        json.insert(QStringLiteral("client_secret"), created->secret);
    return Response::json(json, 201);
}

} // namespace

Status addOAuthRoutes(Server& server, const ApiContext& ctx)
{
    Route create = makeRoute("POST", "/v1/oauth/clients", "api_keys:manage", "oauth",
                             "Register an OAuth2 client application (PKCE; client_secret only "
                             "for confidential clients, shown once)",
                             [ctx](const Request& r) { return createClient(ctx, r); });
    create.successStatus = 201;
    create.requestSchema = objectSchema(
        {{QStringLiteral("name"), typeSchema("string")},
         {QStringLiteral("redirect_uris"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                      {QStringLiteral("items"), typeSchema("string")}}},
         {QStringLiteral("scopes"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                {QStringLiteral("items"), typeSchema("string")}}},
         {QStringLiteral("confidential"), typeSchema("boolean")}},
        {QStringLiteral("name"), QStringLiteral("redirect_uris"), QStringLiteral("scopes")});
    create.responseSchema = clientSchema();

    Route list = makeRoute(
        "GET", "/v1/oauth/clients", "api_keys:manage", "oauth",
        "List this tenant's OAuth2 client applications", [ctx](const Request& r) {
            QJsonArray data;
            for (const auto& c : store::OAuthClientRepository(*ctx.db, tenantOf(r)).list())
                data.append(c.toJson());
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    list.responseSchema = listSchema(clientSchema());

    Route remove = makeRoute(
        "DELETE", "/v1/oauth/clients/{id}", "api_keys:manage", "oauth",
        "Delete an OAuth2 client; its codes and tokens stop working on the next request",
        [ctx](const Request& r) {
            const QString id = r.param(QStringLiteral("id"));
            if (Status s = store::OAuthClientRepository(*ctx.db, tenantOf(r)).remove(id); !s.ok())
                return Response::fromError(s.error());
            return Response::noContent();
        });
    remove.successStatus = 204;

    Route page = makeRoute("GET", "/oauth/authorize", "", "oauth",
                           "Authorization endpoint: the login + consent page (PKCE S256 only)",
                           [ctx](const Request& r) { return authorizePage(ctx, r); });
    page.isPublic = true;
    Route submit = makeRoute("POST", "/oauth/authorize", "", "oauth",
                             "The login + consent form; redirects to redirect_uri with code and "
                             "state",
                             [ctx](const Request& r) { return authorizeSubmit(ctx, r); });
    submit.isPublic = true;
    submit.successStatus = 302;
    Route tok = makeRoute("POST", "/oauth/token", "", "oauth",
                          "Token endpoint (form-encoded): authorization_code with code_verifier, "
                          "refresh_token with rotation",
                          [ctx](const Request& r) { return token(ctx, r); });
    tok.isPublic = true;
    tok.responseSchema = objectSchema({{QStringLiteral("access_token"), typeSchema("string")},
                                       {QStringLiteral("token_type"), typeSchema("string")},
                                       {QStringLiteral("expires_in"), typeSchema("integer")},
                                       {QStringLiteral("refresh_token"), typeSchema("string")},
                                       {QStringLiteral("scope"), typeSchema("string")}});

    Route revoke = makeRoute("POST", "/oauth/revoke", "", "oauth",
                             "Token revocation (RFC 7009, form-encoded token and "
                             "token_type_hint; client authentication as at /oauth/token); 200 "
                             "also for unknown tokens; a refresh token takes its access tokens "
                             "with it",
                             [ctx](const Request& r) { return revokeToken(ctx, r); });
    revoke.isPublic = true;
    revoke.responseSchema = typeSchema("object");

    for (Route* r : {&create, &list, &remove, &page, &submit, &tok, &revoke}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
