// /v1/products/{product}/links: the resolver links of a product (link management API).
// The rules (ratified link types, one default per key level, immutable key) live in
// passport::ResolverLink and store::ResolverLinkRepository.
#include "apiroutes.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"
#include "store/resolverlinkrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject linkSchema()
{
    QJsonObject s = objectSchema(
        {{QStringLiteral("id"), typeSchema("string")},
         {QStringLiteral("product_id"), typeSchema("string")},
         {QStringLiteral("gtin"), typeSchema("string")},
         {QStringLiteral("level"),
          QJsonObject{
              {QStringLiteral("enum"), QJsonArray{QStringLiteral("gtin"), QStringLiteral("lot"),
                                                  QStringLiteral("serial")}}}},
         {QStringLiteral("qualifier"), typeSchema("string")},
         {QStringLiteral("link_type"), typeSchema("string")},
         {QStringLiteral("href"), typeSchema("string")},
         {QStringLiteral("title"), typeSchema("string")},
         {QStringLiteral("media_type"), typeSchema("string")},
         {QStringLiteral("languages"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                      {QStringLiteral("items"), typeSchema("string")}}},
         {QStringLiteral("context"), typeSchema("string")},
         {QStringLiteral("device"),
          QJsonObject{{QStringLiteral("enum"),
                       QJsonArray{QStringLiteral("any"), QStringLiteral("ios"),
                                  QStringLiteral("android"), QStringLiteral("desktop")}}}},
         {QStringLiteral("default"), typeSchema("boolean")},
         {QStringLiteral("version"), typeSchema("integer")}});
    return s;
}

// 412 with the link as it is now, for a write whose If-Match is stale.
Response staleLink(const ApiContext& ctx, const Request& r, const Error& e)
{
    const auto current =
        store::ResolverLinkRepository(*ctx.db, tenantOf(r)).get(r.param(QStringLiteral("link")));
    if (!current)
        return notFound("link");
    return preconditionFailed(e, current->toJson(), current->rowVersion);
}

// The link must belong to the product named in the URL (and so to the caller's tenant).
std::optional<passport::ResolverLink> linkOf(const ApiContext& ctx, const Request& r,
                                             const passport::Product& product)
{
    auto link =
        store::ResolverLinkRepository(*ctx.db, tenantOf(r)).get(r.param(QStringLiteral("link")));
    if (!link || link->gtin != product.gtin)
        return std::nullopt;
    return link;
}

} // namespace

Status addLinkRoutes(Server& server, const ApiContext& ctx)
{
    const auto product = [ctx](const Request& r) {
        return productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
    };

    Route list = makeRoute(
        "GET", "/v1/products/{product}/links", "products:read", "links",
        "The product's resolver links (every key level, defaults first)",
        [ctx, product](const Request& r) {
            const auto p = product(r);
            if (!p)
                return notFound("product");
            QJsonArray data;
            for (const auto& l : store::ResolverLinkRepository(*ctx.db, tenantOf(r)).list(p->gtin))
                data.append(l.toJson());
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    list.responseSchema = listSchema(linkSchema());

    Route create =
        makeRoute("POST", "/v1/products/{product}/links", "products:write", "links",
                  "Add a resolver link (the first link of a key level becomes its default)",
                  [ctx, product](const Request& r) {
                      const auto p = product(r);
                      if (!p)
                          return notFound("product");
                      const auto body = r.jsonObject();
                      if (!body.ok())
                          return Response::fromError(body.error());
                      passport::ResolverLink link = passport::ResolverLink::fromJson(*body);
                      link.gtin = p->gtin;
                      link.productId = p->id;
                      const auto created =
                          store::ResolverLinkRepository(*ctx.db, tenantOf(r)).create(link);
                      if (!created.ok())
                          return Response::fromError(created.error());
                      return versioned(created->toJson(), created->rowVersion, 201);
                  });
    create.successStatus = 201;
    create.requestSchema = linkSchema();
    create.responseSchema = linkSchema();

    Route get = makeRoute("GET", "/v1/products/{product}/links/{link}", "products:read", "links",
                          "One resolver link", [ctx, product](const Request& r) {
                              const auto p = product(r);
                              if (!p)
                                  return notFound("product");
                              const auto link = linkOf(ctx, r, *p);
                              if (!link)
                                  return notFound("link");
                              return versioned(link->toJson(), link->rowVersion);
                          });
    get.responseSchema = linkSchema();

    Route patch =
        makeRoute("PATCH", "/v1/products/{product}/links/{link}", "products:write", "links",
                  "Change a resolver link (\"default\": true makes it its level's default)",
                  [ctx, product](const Request& r) {
                      const auto p = product(r);
                      if (!p)
                          return notFound("product");
                      if (!linkOf(ctx, r, *p))
                          return notFound("link");
                      const auto body = r.jsonObject();
                      if (!body.ok())
                          return Response::fromError(body.error());
                      const auto expected = ifMatchVersion(r);
                      if (!expected.ok())
                          return Response::fromError(expected.error());
                      const auto updated =
                          store::ResolverLinkRepository(*ctx.db, tenantOf(r))
                              .update(r.param(QStringLiteral("link")), *body, *expected);
                      if (!updated.ok() && isVersionMismatch(updated.error()))
                          return staleLink(ctx, r, updated.error());
                      if (!updated.ok())
                          return Response::fromError(updated.error());
                      return versioned(updated->toJson(), updated->rowVersion);
                  });
    patch.requestSchema = linkSchema();
    patch.responseSchema = linkSchema();

    Route remove = makeRoute(
        "DELETE", "/v1/products/{product}/links/{link}", "products:write", "links",
        "Delete a resolver link (deleting a default promotes the oldest link of its level)",
        [ctx, product](const Request& r) {
            const auto p = product(r);
            if (!p)
                return notFound("product");
            if (!linkOf(ctx, r, *p))
                return notFound("link");
            const auto expected = ifMatchVersion(r);
            if (!expected.ok())
                return Response::fromError(expected.error());
            const Status s = store::ResolverLinkRepository(*ctx.db, tenantOf(r))
                                 .remove(r.param(QStringLiteral("link")), *expected);
            if (!s.ok() && isVersionMismatch(s.error()))
                return staleLink(ctx, r, s.error());
            if (!s.ok())
                return Response::fromError(s.error());
            return Response::noContent();
        });
    remove.successStatus = 204;

    for (Route* r : {&create, &get, &patch, &remove})
        r->versioned = true;
    for (Route* r : {&list, &create, &get, &patch, &remove}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
