// /v1/passports and /v1/products/{product}/passport(s): create (and by default publish) a
// passport version, read the published one as JSON, JSON-LD or one section, list versions.
// What an API key holder sees is projectForAudience(…, Owner): the tenant owns the data;
// a session reads as RolePolicy::audienceFor its role (retail partners: the public view).
#include "apiroutes.h"
#include "export/jsonldwriter.h"
#include "gs1/gtin.h"
#include "passport/audienceprojection.h"
#include "routesupport.h"
#include "server.h"
#include "store/passportpublisher.h"
#include "store/passportrepository.h"
#include "store/productrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject versionSchema()
{
    return objectSchema({{QStringLiteral("id"), typeSchema("string")},
                         {QStringLiteral("product_id"), typeSchema("string")},
                         {QStringLiteral("version"), typeSchema("integer")},
                         {QStringLiteral("status"), typeSchema("string")},
                         {QStringLiteral("kind"), typeSchema("string")},
                         {QStringLiteral("data"), typeSchema("object")},
                         {QStringLiteral("sha256"), typeSchema("string")}});
}

// A passport's version for If-Match is its published data's hash (what the client read).
QByteArray passportEtag(const passport::PassportVersion& v)
{
    return '"' + v.sha256.toLatin1() + '"';
}

Response withEtag(Response r, const passport::PassportVersion& v)
{
    if (v.status == u"published")
        r.setHeader("ETag", passportEtag(v));
    return r;
}

Response createPassport(const ApiContext& ctx, const Request& request)
{
    const auto body = request.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const bool byId = body->contains(QStringLiteral("productId"));
    const bool byGtin = body->contains(QStringLiteral("gtin"));
    if (byId && byGtin)
        return Response::error(ApiError::validation(
            QStringLiteral("gtin"), QStringLiteral("send productId or gtin, not both")));
    if (!byId && !byGtin)
        return Response::error(ApiError::validation(
            QStringLiteral("productId"), QStringLiteral("productId or gtin is required")));
    const QString param = byId ? QStringLiteral("productId") : QStringLiteral("gtin");
    const QJsonValue ref = body->value(param);
    if (!ref.isString())
        return Response::error(ApiError::validation(param, QStringLiteral("must be a string")));
    if (byGtin) {
        if (const auto gtin = gs1::Gtin::parse(ref.toString()); !gtin.ok())
            return Response::error(
                ApiError::validation(param, gtin.error().message, gtin.error().code));
    }
    const QJsonValue kind = body->value(QStringLiteral("kind"));
    if (!kind.isUndefined() && !kind.isString())
        return Response::error(
            ApiError::validation(QStringLiteral("kind"), QStringLiteral("must be a string")));
    const QJsonValue data = body->value(QStringLiteral("data"));
    if (!data.isUndefined() && !data.isObject())
        return Response::error(
            ApiError::validation(QStringLiteral("data"), QStringLiteral("must be an object")));
    const QJsonValue publish = body->value(QStringLiteral("publish"));
    if (!publish.isUndefined() && !publish.isBool())
        return Response::error(
            ApiError::validation(QStringLiteral("publish"), QStringLiteral("must be a boolean")));

    auto products = productsOf(ctx, request);
    const auto product = products.resolve(ref.toString());
    if (!product)
        return Response::error(ApiError::notFound(QStringLiteral("product not found")));
    const QString kindName = kind.toString(QStringLiteral("product"));
    if (!publish.toBool(true)) {
        const auto draft = store::PassportRepository(*ctx.db, tenantOf(request))
                               .createDraft(product->id, kindName, data.toObject());
        if (!draft.ok())
            return Response::fromError(draft.error());
        return Response::json(draft->toJson(), 201);
    }
    const auto expected = ifMatchTag(request);
    if (!expected.ok())
        return Response::fromError(expected.error());
    // The same core call as the desktop's Publish dialog (PassportPublisher).
    store::PassportPublisher publisher(*ctx.db, tenantOf(request));
    publisher.setPublicBase(ctx.baseUrl ? ctx.baseUrl() : QString());
    // A field-limited role (a supplier: ingredients only; Server checked the keys)
    // amends the published version instead of replacing it.
    const bool amending = request.principal && request.principal->fieldLimits.contains(
                                                   QStringLiteral("passports:write"));
    const auto result = amending
                            ? publisher.amend(product->id, kindName, data.toObject(), *expected)
                            : publisher.publish(product->id, kindName, data.toObject(), *expected);
    if (!result.ok() && isVersionMismatch(result.error())) {
        const auto current =
            store::PassportRepository(*ctx.db, tenantOf(request)).published(product->id);
        return preconditionFailed(result.error(), current ? current->toJson() : QJsonObject(),
                                  current ? passportEtag(*current) : QByteArray());
    }
    if (!result.ok() && result.error().code == QLatin1String("unchanged")) {
        // Re-sending the published data is a no-op, not an error: integrations re-post
        // their data on every sync, and a retried POST must not fail. 200 (not 201) with
        // the current version says nothing new was created.
        const auto current =
            store::PassportRepository(*ctx.db, tenantOf(request)).published(product->id);
        if (current)
            return withEtag(Response::json(current->toJson(), 200), *current);
    }
    if (!result.ok())
        return Response::fromError(result.error());
    return withEtag(Response::json(result->toJson(), 201), *result);
}

Response getPassport(const ApiContext& ctx, const Request& request)
{
    auto products = productsOf(ctx, request);
    const auto product = products.resolve(request.param(QStringLiteral("product")));
    if (!product)
        return notFound("product");
    const auto version =
        store::PassportRepository(*ctx.db, tenantOf(request)).published(product->id);
    if (!version)
        return Response::error(
            ApiError::notFound(QStringLiteral("this product has no published passport")));
    if (request.header("accept").contains("application/ld+json")) {
        const QJsonObject ld = exporting::JsonLdWriter::passport(
            *product, version, audienceOf(request), ctx.baseUrl());
        Response r = Response::json(ld);
        r.setHeader("Content-Type", "application/ld+json");
        return r;
    }
    const QJsonObject projected =
        passport::projectForAudience(*product, *version, audienceOf(request));
    const QString section = request.query.queryItemValue(QStringLiteral("section"));
    if (section.isEmpty())
        return withEtag(Response::json(projected), *version);
    // A section is a top-level group of the passport data (allergens, nutrition, …) or of
    // the product (materials, battery, …).
    const QJsonObject data = projected.value(QStringLiteral("passport"))
                                 .toObject()
                                 .value(QStringLiteral("data"))
                                 .toObject();
    const QJsonObject productJson = projected.value(QStringLiteral("product")).toObject();
    QJsonValue value = data.value(section);
    if (value.isUndefined())
        value = productJson.value(section);
    if (value.isUndefined()) {
        QStringList known = data.keys() + productJson.keys();
        known.sort();
        known.removeDuplicates();
        return Response::error(
            ApiError::validation(QStringLiteral("section"),
                                 QStringLiteral("this passport has no section \"%1\"; it has: %2")
                                     .arg(section.left(64), known.join(QStringLiteral(", ")))));
    }
    return Response::json(QJsonObject{{QStringLiteral("gtin"), product->gtin},
                                      {QStringLiteral("section"), section},
                                      {QStringLiteral("data"), value}});
}

} // namespace

Status addPassportRoutes(Server& server, const ApiContext& ctx)
{
    Route create = makeRoute("POST", "/v1/passports", "passports:write", "passports",
                             "Create a passport version for a product (productId or gtin) and "
                             "publish it unless publish is false; re-publishing the published "
                             "data returns that version with 200; If-Match: the ETag of the "
                             "published passport read (412 when another is published now)",
                             [ctx](const Request& r) { return createPassport(ctx, r); });
    create.successStatus = 201;
    create.postIfMatch = true;
    create.fieldLimitsOnData = true;
    create.requestSchema = objectSchema({{QStringLiteral("productId"), typeSchema("string")},
                                         {QStringLiteral("gtin"), typeSchema("string")},
                                         {QStringLiteral("kind"), typeSchema("string")},
                                         {QStringLiteral("data"), typeSchema("object")},
                                         {QStringLiteral("publish"), typeSchema("boolean")}});
    create.responseSchema = versionSchema();

    Route get = makeRoute("GET", "/v1/products/{product}/passport", "passports:read", "passports",
                          "The published passport: JSON, JSON-LD (Accept: application/ld+json) "
                          "or one ?section=",
                          [ctx](const Request& r) { return getPassport(ctx, r); });
    get.responseSchema = typeSchema("object");

    Route versions =
        makeRoute("GET", "/v1/products/{product}/passports", "passports:read", "passports",
                  "Every passport version of a product, newest last", [ctx](const Request& r) {
                      auto products = productsOf(ctx, r);
                      const auto product = products.resolve(r.param(QStringLiteral("product")));
                      if (!product)
                          return notFound("product");
                      const passport::Audience audience = audienceOf(r);
                      QJsonArray data;
                      for (const auto& v :
                           store::PassportRepository(*ctx.db, tenantOf(r)).versions(product->id)) {
                          // Other audiences see published versions only, each projected.
                          if (audience == passport::Audience::Owner)
                              data.append(v.toJson());
                          else if (v.status != u"draft")
                              data.append(passport::projectForAudience(*product, v, audience)
                                              .value(QStringLiteral("passport")));
                      }
                      return Response::json(QJsonObject{{QStringLiteral("data"), data},
                                                        {QStringLiteral("hasMore"), false}});
                  });
    versions.responseSchema = listSchema(versionSchema());

    for (Route* r : {&create, &get})
        r->versioned = true;
    for (Route* r : {&create, &get, &versions}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
