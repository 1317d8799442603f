// Supplier ↔ product links: which supplier delivers what ("ingredients", "materials",
// "cells", …) for a product, read from either end. Rules live in
// passport::ProductSupplier and store::ProductSupplierRepository.
#include "apiroutes.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"
#include "store/productsupplierrepository.h"
#include "store/supplierrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject linkSchema()
{
    return objectSchema({{QStringLiteral("productId"), typeSchema("string")},
                         {QStringLiteral("supplierId"), typeSchema("string")},
                         {QStringLiteral("role"), typeSchema("string")},
                         {QStringLiteral("created_at"), typeSchema("string")},
                         {QStringLiteral("supplier"), typeSchema("object")},
                         {QStringLiteral("product"), typeSchema("object")}});
}

Response linkSupplier(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
    if (!product)
        return notFound("product");
    passport::FieldErrors typeErrors;
    passport::ProductSupplier link = passport::ProductSupplier::fromJson(*body, &typeErrors);
    if (!typeErrors.isEmpty())
        return Response::error(
            ApiError::validation(typeErrors.first().param, typeErrors.first().message));
    link.productId = product->id;
    auto created = store::ProductSupplierRepository(*ctx.db, tenantOf(r)).link(link);
    if (!created.ok()) {
        // An unknown supplier is the client's field error, not a missing URL resource.
        if (created.error().code == u"not_found")
            return Response::error(ApiError::validation(
                created.error().param, QStringLiteral("no such supplier in this account"),
                QStringLiteral("not_found")));
        return Response::fromError(created.error());
    }
    QJsonObject json = created->toJson();
    if (const auto s = store::SupplierRepository(*ctx.db, tenantOf(r)).get(link.supplierId))
        json.insert(QStringLiteral("supplier"), s->toJson());
    return Response::json(json, 201);
}

} // namespace

Status addProductSupplierRoutes(Server& server, const ApiContext& ctx)
{
    Route create = makeRoute("POST", "/v1/products/{product}/suppliers", "suppliers:write",
                             "suppliers", "Link a supplier to the product {supplierId, role}",
                             [ctx](const Request& r) { return linkSupplier(ctx, r); });
    create.successStatus = 201;
    create.requestSchema = objectSchema({{QStringLiteral("supplierId"), typeSchema("string")},
                                         {QStringLiteral("role"), typeSchema("string")}},
                                        {QStringLiteral("supplierId"), QStringLiteral("role")});
    create.responseSchema = linkSchema();

    Route list = makeRoute(
        "GET", "/v1/products/{product}/suppliers", "suppliers:read", "suppliers",
        "The product's suppliers with their roles", [ctx](const Request& r) {
            const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
            if (!product)
                return notFound("product");
            store::SupplierRepository suppliers(*ctx.db, tenantOf(r));
            QJsonArray data;
            for (const auto& link :
                 store::ProductSupplierRepository(*ctx.db, tenantOf(r)).ofProduct(product->id)) {
                QJsonObject json = link.toJson();
                if (const auto s = suppliers.get(link.supplierId))
                    json.insert(QStringLiteral("supplier"), s->toJson());
                data.append(json);
            }
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    list.responseSchema = listSchema(linkSchema());

    Route remove = makeRoute(
        "DELETE", "/v1/products/{product}/suppliers/{supplierId}", "suppliers:write", "suppliers",
        "Remove the link between the product and a supplier (the supplier stays)",
        [ctx](const Request& r) {
            const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
            if (!product)
                return notFound("product");
            const QString supplierId = r.param(QStringLiteral("supplierId"));
            if (Status s = store::ProductSupplierRepository(*ctx.db, tenantOf(r))
                               .unlink(product->id, supplierId);
                !s.ok())
                return Response::fromError(s.error());
            return Response::json(QJsonObject{{QStringLiteral("productId"), product->id},
                                              {QStringLiteral("supplierId"), supplierId},
                                              {QStringLiteral("deleted"), true}});
        });
    remove.responseSchema = objectSchema({{QStringLiteral("productId"), typeSchema("string")},
                                          {QStringLiteral("supplierId"), typeSchema("string")},
                                          {QStringLiteral("deleted"), typeSchema("boolean")}});

    Route products = makeRoute(
        "GET", "/v1/suppliers/{id}/products", "products:read", "suppliers",
        "The products a supplier is linked to, with its role for each", [ctx](const Request& r) {
            const QString id = r.param(QStringLiteral("id"));
            if (!store::SupplierRepository(*ctx.db, tenantOf(r)).get(id))
                return notFound("supplier");
            auto productRepo = productsOf(ctx, r);
            QJsonArray data;
            for (const auto& link :
                 store::ProductSupplierRepository(*ctx.db, tenantOf(r)).ofSupplier(id)) {
                QJsonObject json = link.toJson();
                if (const auto p = productRepo.get(link.productId))
                    json.insert(QStringLiteral("product"),
                                QJsonObject{{QStringLiteral("id"), p->id},
                                            {QStringLiteral("gtin"), p->gtin},
                                            {QStringLiteral("name"), p->displayName()},
                                            {QStringLiteral("category"), p->category}});
                data.append(json);
            }
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    products.responseSchema = listSchema(linkSchema());

    for (Route* route : {&create, &list, &remove, &products}) {
        if (Status s = server.addRoute(std::move(*route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
