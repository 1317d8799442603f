// Compliance: the EU declaration of conformity of a product, as JSON or an HTML page,
// built by core/export from the product and its documents.
#include "apiroutes.h"
#include "export/declarationofconformity.h"
#include "routesupport.h"
#include "server.h"
#include "store/documentrepository.h"
#include "store/productrepository.h"

namespace dpp::server {

using namespace routes;

Status addComplianceRoutes(Server& server, const ApiContext& ctx)
{
    Route doc = makeRoute(
        "GET", "/v1/products/{product}/declaration-of-conformity", "products:read", "compliance",
        "EU declaration of conformity (?format=json|html); Annex IX contents for batteries",
        [ctx](const Request& r) {
            const QString format = r.query.queryItemValue(QStringLiteral("format")).toLower();
            if (!format.isEmpty() && format != u"json" && format != u"html")
                return Response::error(ApiError::validation(
                    QStringLiteral("format"), QStringLiteral("must be json or html")));
            const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
            if (!product)
                return notFound("product");
            const QJsonObject declaration = exporting::DeclarationOfConformity::build(
                *product, store::DocumentRepository(*ctx.db, tenantOf(r)).list(product->id),
                QDateTime::currentDateTimeUtc());
            if (format == u"html")
                return Response::bytes(exporting::DeclarationOfConformity::html(declaration),
                                       "text/html; charset=utf-8");
            return Response::json(declaration);
        });
    doc.responseSchema = typeSchema("object");
    return server.addRoute(std::move(doc));
}

} // namespace dpp::server
