// The public passport viewer: GET /passport/{gtin}?batch=&serial= and the Digital Link
// anchored /passport/01/{gtin}[/10/{lot}][/21/{serial}] (both with ?view= and ?lang=), plus
// its stylesheet at /viewer/viewer.css. Everything the page shows is decided in
// exporting::ViewerPage; this file only reads the request and maps the answer to HTTP.
//
// Authentication is optional here: the routes are public (per-IP rate limit, CORS), and a
// request that carries an API key (Authorization: Bearer / X-API-Key) is checked through
// the same ApiKeyAuthenticator as /v1. A valid key with passports:read unlocks the
// restricted fields of its own tenant's passports in the recycler and regulator views; a
// key that does not check out is answered 401, not silently downgraded, so an auditor
// knows the view is not the authorised one.
#include "apikeyauthenticator.h"
#include "apiroutes.h"
#include "export/viewerpage.h"
#include "routesupport.h"
#include "server.h"

namespace dpp::server {

using exporting::ViewerPage;

namespace {

Response answer(const ViewerPage::Answer& a, bool personal, bool wantsJson)
{
    Response r;
    if (a.status != 200 && wantsJson) {
        // A machine client gets the API's error shape, not a page.
        const ApiError e =
            a.status == 404 ? ApiError::notFound(a.message)
            : a.status == 401
                ? ApiError::unauthorized(a.message)
                : ApiError::badRequest(QStringLiteral("invalid_") + a.param, a.message, a.param);
        r = Response::error(e);
    } else {
        r = Response::bytes(a.body, a.contentType, a.status);
    }
    r.setHeader("Content-Language", a.language.toLatin1());
    r.setHeader("Vary", "Accept, Accept-Language, Authorization, X-API-Key");
    // Pages with restricted data must not sit in shared caches; public ones are cheap to
    // re-render and must follow a new publication at once.
    r.setHeader("Cache-Control", personal ? "private, no-store" : "no-cache");
    return r;
}

Response viewerPage(const ApiContext& ctx, const Authenticator& authenticate,
                    const Request& request, bool dlForm)
{
    ViewerPage::Request v;
    v.gtin = request.param(QStringLiteral("gtin"));
    if (dlForm) {
        v.lot = request.param(QStringLiteral("lot"));
        v.serial = request.param(QStringLiteral("serial"));
    } else {
        v.lot = request.query.queryItemValue(QStringLiteral("batch"), QUrl::FullyDecoded);
        v.serial = request.query.queryItemValue(QStringLiteral("serial"), QUrl::FullyDecoded);
    }
    v.view = request.query.queryItemValue(QStringLiteral("view"), QUrl::FullyDecoded);
    v.lang = request.query.queryItemValue(QStringLiteral("lang"), QUrl::FullyDecoded);
    v.acceptLanguage = request.header("accept-language");
    v.accept = request.header("accept");
    const bool wantsJson = ViewerPage::wantsJsonLd(v.accept);
    v.idBase = ctx.baseUrl ? ctx.baseUrl() : QString();

    const bool presentsKey = !ApiKeyAuthenticator::presentedKey(request).isEmpty();
    if (presentsKey) {
        const Result<Principal> principal = authenticate(request);
        if (!principal) {
            Response r = answer(
                ViewerPage::error(401, principal.error().message, {}, v.lang, v.acceptLanguage),
                true, wantsJson);
            r.setHeader("WWW-Authenticate", "Bearer");
            return r;
        }
        if (principal->scopes.contains(QStringLiteral("passports:read")))
            v.authorisedTenant = principal->tenantId;
    }
    return answer(ViewerPage::render(*ctx.db, v), presentsKey, wantsJson);
}

} // namespace

Status addViewerRoutes(Server& server, const ApiContext& ctx)
{
    const Authenticator authenticate = ApiKeyAuthenticator::make(ctx);
    QList<Route> list;
    auto page = [&](const char* path, bool dlForm, const char* summary) {
        Route r = routes::makeRoute("GET", path, "", "viewer", summary,
                                    [ctx, authenticate, dlForm](const Request& request) {
                                        return viewerPage(ctx, authenticate, request, dlForm);
                                    });
        r.isPublic = true;
        // No responseSchema: the OpenAPI writer files schemas under application/json, and
        // this answer is an HTML page.
        list.append(std::move(r));
    };
    page("/passport/{gtin}", false,
         "Public passport page (HTML) for a GTIN; ?batch=, ?serial=, ?view=consumer|recycler|"
         "regulator, ?lang=; restricted fields with an API key of the owner (passports:read)");
    page("/passport/01/{gtin}", true, "Public passport page, Digital Link form");
    page("/passport/01/{gtin}/10/{lot}", true, "Public passport page for a batch/lot");
    page("/passport/01/{gtin}/21/{serial}", true, "Public passport page for a serial number");
    page("/passport/01/{gtin}/10/{lot}/21/{serial}", true,
         "Public passport page for a serialised item of a lot");

    Route css = routes::makeRoute("GET", "/viewer/viewer.css", "", "viewer",
                                  "Stylesheet of the passport pages", [](const Request&) {
                                      Response r = Response::bytes(ViewerPage::stylesheet(),
                                                                   "text/css; charset=utf-8");
                                      r.setHeader("Cache-Control", "public, max-age=3600");
                                      return r;
                                  });
    css.isPublic = true;
    list.append(std::move(css));

    for (Route& r : list) {
        if (Status s = server.addRoute(std::move(r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
