// /v1/products: create, list (GTIN-ordered cursor pages), read, patch and soft-delete. The
// rules (duplicate GTIN, immutable GTIN, validation) live in store::ProductRepository.
#include "apiroutes.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject productSchema()
{
    return objectSchema({{QStringLiteral("id"), typeSchema("string")},
                         {QStringLiteral("gtin"), typeSchema("string")},
                         {QStringLiteral("name"), typeSchema("object")},
                         {QStringLiteral("category"), typeSchema("string")},
                         {QStringLiteral("status"), typeSchema("string")},
                         {QStringLiteral("materials"), typeSchema("array")},
                         {QStringLiteral("battery"), typeSchema("object")},
                         {QStringLiteral("version"), typeSchema("integer")}});
}

// 412 with the product as it is now, for a write whose If-Match is stale.
Response staleProduct(store::ProductRepository& products, const QString& id, const Error& e)
{
    const auto current = products.get(id);
    if (!current)
        return notFound("product");
    return preconditionFailed(e, current->toJson(), current->rowVersion);
}

Response listProducts(const ApiContext& ctx, const Request& request)
{
    int limit = 20;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok)
            return Response::error(ApiError::validation(
                QStringLiteral("limit"), QStringLiteral("must be a number from 1 to 100")));
    }
    auto products = productsOf(ctx, request);
    const auto page =
        products.page(limit, request.query.queryItemValue(QStringLiteral("starting_after")));
    if (!page.ok())
        return Response::fromError(page.error());
    QJsonArray data;
    for (const auto& p : page->items)
        data.append(productFor(request, p));
    return Response::json(
        QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), page->hasMore}});
}

} // namespace

Status addProductRoutes(Server& server, const ApiContext& ctx)
{
    Route create =
        makeRoute("POST", "/v1/products", "products:write", "products",
                  "Create a product (409 when the GTIN exists)", [ctx](const Request& r) {
                      const auto body = r.jsonObject();
                      if (!body.ok())
                          return Response::fromError(body.error());
                      auto products = productsOf(ctx, r);
                      const auto created = products.create(*body);
                      if (!created.ok())
                          return Response::fromError(created.error());
                      return versioned(created->toJson(), created->rowVersion, 201);
                  });
    create.successStatus = 201;
    create.requestSchema = objectSchema({{QStringLiteral("gtin"), typeSchema("string")},
                                         {QStringLiteral("name"), typeSchema("object")},
                                         {QStringLiteral("category"), typeSchema("string")}},
                                        {QStringLiteral("gtin")});
    create.responseSchema = productSchema();

    Route list = makeRoute("GET", "/v1/products", "products:read", "products",
                           "List products by GTIN; limit (1-100) and starting_after cursor",
                           [ctx](const Request& r) { return listProducts(ctx, r); });
    list.responseSchema = listSchema(productSchema());

    Route get = makeRoute("GET", "/v1/products/{product}", "products:read", "products",
                          "A product by UUID or any GTIN form", [ctx](const Request& r) {
                              auto products = productsOf(ctx, r);
                              const auto p = products.resolve(r.param(QStringLiteral("product")));
                              if (!p)
                                  return notFound("product");
                              return versioned(productFor(r, *p), p->rowVersion);
                          });
    get.responseSchema = productSchema();

    Route patch = makeRoute("PATCH", "/v1/products/{product}", "products:write", "products",
                            "Change product fields; the GTIN is immutable; If-Match: the ETag read",
                            [ctx](const Request& r) {
                                const auto body = r.jsonObject();
                                if (!body.ok())
                                    return Response::fromError(body.error());
                                auto products = productsOf(ctx, r);
                                const auto p = products.resolve(r.param(QStringLiteral("product")));
                                if (!p)
                                    return notFound("product");
                                const auto expected = ifMatchVersion(r);
                                if (!expected.ok())
                                    return Response::fromError(expected.error());
                                const auto updated = products.update(p->id, *body, *expected);
                                if (!updated.ok() && isVersionMismatch(updated.error()))
                                    return staleProduct(products, p->id, updated.error());
                                if (!updated.ok())
                                    return Response::fromError(updated.error());
                                return versioned(updated->toJson(), updated->rowVersion);
                            });
    patch.requestSchema = typeSchema("object");
    patch.responseSchema = productSchema();

    Route remove = makeRoute(
        "DELETE", "/v1/products/{product}", "products:write", "products",
        "Soft-delete a product; its public passport goes offline", [ctx](const Request& r) {
            auto products = productsOf(ctx, r);
            const auto p = products.resolve(r.param(QStringLiteral("product")));
            if (!p)
                return notFound("product");
            const auto expected = ifMatchVersion(r);
            if (!expected.ok())
                return Response::fromError(expected.error());
            if (Status s = products.remove(p->id, *expected); !s.ok()) {
                if (isVersionMismatch(s.error()))
                    return staleProduct(products, p->id, s.error());
                return Response::fromError(s.error());
            }
            return Response::json(QJsonObject{{QStringLiteral("id"), p->id},
                                              {QStringLiteral("gtin"), p->gtin},
                                              {QStringLiteral("deleted"), true}});
        });
    remove.responseSchema = objectSchema({{QStringLiteral("id"), typeSchema("string")},
                                          {QStringLiteral("deleted"), typeSchema("boolean")}});

    for (Route* r : {&create, &get, &patch, &remove})
        r->versioned = true;
    for (Route* r : {&create, &list, &get, &patch, &remove}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
