// /v1/stream/scans: the live scan stream (Server-Sent Events). The handler only checks the
// request and resolves the product; ScanStreamHub does the resume and fan-out, and the
// HTTP adapter owns the connection (Response::live).
#include "apiroutes.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

Response streamScans(const ApiContext& ctx, const Request& r)
{
    // Not a failure of ours (no 5xx): a server that records no scans (the desktop app's
    // local server) simply has no such stream.
    if (!ctx.scanStream)
        return Response::error(ApiError::notFound(
            QStringLiteral("this server records no scans, so it has no scan stream; dppserver "
                           "has one")));
    QString productId;
    if (r.query.hasQueryItem(QStringLiteral("product"))) {
        const QString ref = r.query.queryItemValue(QStringLiteral("product"), QUrl::FullyDecoded);
        if (ref.trimmed().isEmpty())
            return Response::error(ApiError::validation(
                QStringLiteral("product"),
                QStringLiteral("must be a product id or GTIN; leave it out for all products")));
        const auto product = store::ProductRepository(*ctx.db, tenantOf(r)).resolve(ref);
        if (!product)
            return notFound("product"); // also another tenant's: we do not say it exists
        productId = product->id;
    }
    // Browsers send the header on their own reconnects; the query parameter is for
    // EventSource polyfills that cannot set headers. The header wins when both are sent.
    const bool inHeader = r.hasHeader("last-event-id");
    const auto lastId = ScanStreamHub::parseEventId(
        inHeader ? r.header("last-event-id")
                 : r.query.queryItemValue(QStringLiteral("last_event_id"), QUrl::FullyDecoded)
                       .toLatin1(),
        inHeader ? QStringLiteral("Last-Event-ID") : QStringLiteral("last_event_id"));
    if (!lastId.ok())
        return Response::error(ApiError::validation(lastId.error().param, lastId.error().message));

    std::shared_ptr<ScanStreamHub> hub = ctx.scanStream;
    Response response = Response::live(
        [hub, tenant = tenantOf(r), productId, last = *lastId](std::shared_ptr<StreamSink> sink) {
            hub->subscribe(std::move(sink), tenant, productId, last);
        },
        "text/event-stream; charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    // nginx buffers proxied answers by default, which would hold events back.
    response.setHeader("X-Accel-Buffering", "no");
    return response;
}

} // namespace

Status addStreamRoutes(Server& server, const ApiContext& ctx)
{
    Route scans = makeRoute(
        "GET", "/v1/stream/scans", "analytics:read", "analytics",
        "Live scans as Server-Sent Events (text/event-stream): one `scan` event per resolver "
        "hit with an id, a `: hb` comment every 15 s, a `retry:` hint; optional product (UUID "
        "or any GTIN form); resume with the Last-Event-ID header or last_event_id",
        [ctx](const Request& r) { return streamScans(ctx, r); });
    scans.successMediaType = QStringLiteral("text/event-stream");
    scans.responseSchema = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("string")},
        {QStringLiteral("description"),
         QStringLiteral("Events `id: <n>\\nevent: scan\\ndata: {productId, gtin, keyLevel, "
                        "linkType, scannedAt, country, device, os, browser, referrerHost}`; "
                        "`event: reset` when events were missed")}};
    return server.addRoute(std::move(scans));
}

} // namespace dpp::server
