// EPR exports: battery figures per period for the producer's EPR schemes and the list of
// battery units. The layouts are EprExport's (core/export/eprexport.h).
#include "apiroutes.h"
#include "export/eprexport.h"
#include "routesupport.h"
#include "server.h"

namespace dpp::server {

using namespace routes;

namespace {

Response send(const Result<exporting::EprExport::Output>& out)
{
    if (!out.ok())
        return Response::fromError(out.error());
    Response r = Response::bytes(out->bytes, out->contentType);
    r.setHeader("Content-Disposition", "attachment; filename=\"" + out->filename.toLatin1() + '"');
    return r;
}

Response batteries(const ApiContext& ctx, const Request& r)
{
    exporting::EprExport::Query query;
    const auto from = exporting::EprExport::parseDate(
        r.query.queryItemValue(QStringLiteral("from")), QStringLiteral("from"));
    if (!from.ok())
        return Response::fromError(from.error());
    const auto to = exporting::EprExport::parseDate(r.query.queryItemValue(QStringLiteral("to")),
                                                    QStringLiteral("to"));
    if (!to.ok())
        return Response::fromError(to.error());
    query.from = *from;
    query.to = *to;
    query.country = r.query.queryItemValue(QStringLiteral("country")).toUpper();
    QString format = r.query.queryItemValue(QStringLiteral("format")).toLower();
    if (format.isEmpty())
        format = QStringLiteral("csv");
    return send(exporting::EprExport::batteries(*ctx.db, tenantOf(r), format, query));
}

} // namespace

Status addEprExportRoutes(Server& server, const ApiContext& ctx)
{
    Route batteriesRoute =
        makeRoute("GET", "/v1/epr-export/batteries", "batteries:read", "epr",
                  "Battery units placed on the market per product "
                  "(?format=csv|json|asekol|mzp-sr&from=YYYY-MM-DD&to=&country=)",
                  [ctx](const Request& r) { return batteries(ctx, r); });
    batteriesRoute.responseSchema = typeSchema("string");

    Route units = makeRoute(
        "GET", "/v1/epr-export/battery-units", "batteries:read", "epr",
        "Every battery unit (?format=csv|json&status=)", [ctx](const Request& r) {
            QString format = r.query.queryItemValue(QStringLiteral("format")).toLower();
            if (format.isEmpty())
                format = QStringLiteral("csv");
            return send(exporting::EprExport::batteryUnits(
                *ctx.db, tenantOf(r), format, r.query.queryItemValue(QStringLiteral("status"))));
        });
    units.responseSchema = typeSchema("string");

    for (Route* route : {&batteriesRoute, &units}) {
        if (Status s = server.addRoute(std::move(*route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
