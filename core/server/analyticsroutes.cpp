// /v1/analytics: scan figures from the rollup tables (store::ScanRepository), per product
// and across the tenant's products. Parameter rules live in analytics::AnalyticsPeriod.
#include "analytics/analyticsperiod.h"
#include "apiroutes.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"
#include "store/scanrepository.h"

#include <QDateTime>
#include <QRegularExpression>

namespace dpp::server {

using namespace routes;

namespace {

Result<analytics::AnalyticsPeriod> periodOf(const Request& r)
{
    return analytics::AnalyticsPeriod::parse(
        r.query.queryItemValue(QStringLiteral("start"), QUrl::FullyDecoded),
        r.query.queryItemValue(QStringLiteral("end"), QUrl::FullyDecoded),
        r.query.queryItemValue(QStringLiteral("granularity"), QUrl::FullyDecoded),
        QDateTime::currentDateTimeUtc().date());
}

QJsonObject reportSchema()
{
    return objectSchema({{QStringLiteral("productId"), typeSchema("string")},
                         {QStringLiteral("period"), typeSchema("object")},
                         {QStringLiteral("totalScans"), typeSchema("integer")},
                         {QStringLiteral("uniqueCountries"), typeSchema("integer")},
                         {QStringLiteral("locations"), typeSchema("object")},
                         {QStringLiteral("topReferrers"), typeSchema("array")},
                         {QStringLiteral("devices"), typeSchema("object")},
                         {QStringLiteral("scansByDay"), typeSchema("array")},
                         {QStringLiteral("topProducts"), typeSchema("array")}},
                        {QStringLiteral("period"), QStringLiteral("totalScans")});
}

// A database failure is ours, not the caller's: 500 without details (logged by Server).
Response storeFailure()
{
    return Response::error(ApiError::internal());
}

Response productAnalytics(const ApiContext& ctx, const Request& r)
{
    auto products = productsOf(ctx, r);
    const auto product = products.resolve(r.param(QStringLiteral("product")));
    if (!product)
        return notFound("product");
    const auto period = periodOf(r);
    if (!period.ok())
        return Response::fromError(period.error());
    const auto report =
        store::ScanRepository(*ctx.db, tenantOf(r)).productReport(product->id, *period);
    if (!report.ok())
        return storeFailure();
    return Response::json(report->toJson());
}

Response tenantAnalytics(const ApiContext& ctx, const Request& r)
{
    const auto period = periodOf(r);
    if (!period.ok())
        return Response::fromError(period.error());
    QString productId;
    const QString productRef =
        r.query.queryItemValue(QStringLiteral("product"), QUrl::FullyDecoded);
    if (!productRef.isEmpty()) {
        const auto product = productsOf(ctx, r).resolve(productRef);
        if (!product)
            return notFound("product");
        productId = product->id;
    }
    QString country =
        r.query.queryItemValue(QStringLiteral("country"), QUrl::FullyDecoded).trimmed().toUpper();
    static const QRegularExpression kCountry(QStringLiteral("^[A-Z]{2}$"));
    if (r.query.hasQueryItem(QStringLiteral("country")) && !kCountry.match(country).hasMatch())
        return Response::error(ApiError::validation(
            QStringLiteral("country"),
            QStringLiteral("must be an ISO 3166-1 alpha-2 code such as DE, got \"%1\"")
                .arg(country.left(40))));
    const auto report =
        store::ScanRepository(*ctx.db, tenantOf(r)).tenantReport(*period, productId, country);
    if (!report.ok())
        return storeFailure();
    QJsonObject body = report->toJson();
    if (!productId.isEmpty())
        body.insert(QStringLiteral("product"), productId);
    if (!country.isEmpty())
        body.insert(QStringLiteral("country"), country);
    return Response::json(body);
}

} // namespace

Status addAnalyticsRoutes(Server& server, const ApiContext& ctx)
{
    Route product = makeRoute(
        "GET", "/v1/analytics/product/{product}", "analytics:read", "analytics",
        "Scan figures of one product (UUID or any GTIN form); start, end (YYYY-MM-DD, default "
        "the last 90 days), granularity day|week|month",
        [ctx](const Request& r) { return productAnalytics(ctx, r); });
    product.responseSchema = reportSchema();

    Route tenant = makeRoute(
        "GET", "/v1/analytics", "analytics:read", "analytics",
        "Scan figures across the tenant's products by geography, device and time; start, end, "
        "granularity, optional product and country filters",
        [ctx](const Request& r) { return tenantAnalytics(ctx, r); });
    tenant.responseSchema = reportSchema();

    for (Route* r : {&product, &tenant}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
