// /v1/webhooks: outbound subscriptions (create — the secret is in that answer only —,
// list, read, PATCH, DELETE, deliveries), inbound PIM webhooks (/v1/webhooks/ingest/
// {source}: signed, no API key; its secret and field mapping) and per-product scan
// thresholds (/v1/products/{product}/scan-thresholds). Handlers only translate: the rules
// live in WebhookSubscription, WebhookUrlPolicy, IngestMapping and WebhookIngestor.
#include "apiroutes.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"
#include "store/scanthresholdrepository.h"
#include "store/webhookdeliveryrepository.h"
#include "store/webhookingestrepository.h"
#include "store/webhooksubscriptionrepository.h"

#include "webhooks/ingestmapping.h"
#include "webhooks/webhookevent.h"
#include "webhooks/webhookingestor.h"
#include "webhooks/webhooksignature.h"
#include "webhooks/webhookurlpolicy.h"
#include <QUuid>

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject webhookSchema()
{
    return objectSchema(
        {{QStringLiteral("id"), typeSchema("string")},
         {QStringLiteral("url"), typeSchema("string")},
         {QStringLiteral("events"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                {QStringLiteral("items"), typeSchema("string")}}},
         {QStringLiteral("description"), typeSchema("string")},
         {QStringLiteral("active"), typeSchema("boolean")},
         {QStringLiteral("failure_count"), typeSchema("integer")},
         {QStringLiteral("created_at"), typeSchema("string")},
         {QStringLiteral("updated_at"), typeSchema("string")},
         {QStringLiteral("version"), typeSchema("integer")}});
}

Response fieldErrors(const passport::FieldErrors& errors)
{
    return invalid(errors);
}

Response createWebhook(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    passport::WebhookSubscription draft;
    if (auto errors = draft.applyJson(*body, true); !errors.isEmpty())
        return fieldErrors(errors);
    if (auto errors = draft.validate(); !errors.isEmpty())
        return fieldErrors(errors);
    if (Status s = webhooks::WebhookUrlPolicy(ctx.allowPrivateWebhooks).check(draft.url); !s.ok())
        return Response::error(ApiError::validation(s.error().param, s.error().message));
    store::WebhookSubscriptionRepository repo(*ctx.db, tenantOf(r));
    auto created = repo.create(draft);
    if (!created.ok())
        return Response::fromError(created.error());
    QJsonObject json = created->toJson();
    json.insert(QStringLiteral("secret"), created->secret);
    return Response::json(json, 201);
}

Response patchWebhook(const ApiContext& ctx, const Request& r)
{
    store::WebhookSubscriptionRepository repo(*ctx.db, tenantOf(r));
    auto current = repo.get(r.param(QStringLiteral("id")));
    if (!current)
        return notFound("webhook");
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    passport::WebhookSubscription edited = *current;
    if (auto errors = edited.applyJson(*body, false); !errors.isEmpty())
        return fieldErrors(errors);
    if (auto errors = edited.validate(); !errors.isEmpty())
        return fieldErrors(errors);
    if (edited.url != current->url) {
        if (Status s = webhooks::WebhookUrlPolicy(ctx.allowPrivateWebhooks).check(edited.url);
            !s.ok())
            return Response::error(ApiError::validation(s.error().param, s.error().message));
    }
    // If-Match as for every versioned resource; without it (or with *), last write wins.
    const auto ifMatch = routes::ifMatchVersion(r);
    if (!ifMatch.ok())
        return Response::fromError(ifMatch.error());
    auto updated = repo.update(edited, *ifMatch);
    if (!updated.ok()) {
        // The same 412 protocol as every versioned resource (README "Sync protocol").
        if (routes::isVersionMismatch(updated.error()))
            if (const auto now = repo.get(edited.id))
                return routes::preconditionFailed(updated.error(), now->toJson(),
                                                  qint64(now->rowVersion));
        return Response::fromError(updated.error());
    }
    return Response::json(updated->toJson());
}

// Inbound: the tenant is named in the query (?tenant=ID) and proven by the signature
// made with that tenant's ingest secret for the source; a missing secret, an unknown
// tenant and a wrong signature all answer the same 401, so nothing leaks about tenants.
Response ingest(const ApiContext& ctx, const Request& r)
{
    const QString source = r.param(QStringLiteral("source"));
    if (Status s = store::WebhookIngestRepository::checkSource(source); !s.ok())
        return Response::fromError(s.error());
    const QString tenant = r.query.queryItemValue(QStringLiteral("tenant"));
    if (tenant.isEmpty())
        return Response::error(ApiError::validation(
            QStringLiteral("tenant"),
            QStringLiteral("is required: POST /v1/webhooks/ingest/%1?tenant=<your tenant id>")
                .arg(source)));
    store::WebhookIngestRepository sources(*ctx.db, tenant);
    const QString secret = sources.secret(source);
    const auto check = webhooks::WebhookSignature::verify(
        secret.toUtf8(), r.header("x-webhook-timestamp"), r.body, r.header("x-webhook-signature"));
    if (secret.isEmpty() || check != webhooks::WebhookSignature::Check::Valid) {
        return Response::error(ApiError::unauthorized(
            // No secret answers like a wrong one: the route is unauthenticated, and must
            // not tell a caller which tenants have a source set up.
            webhooks::WebhookSignature::describe(
                secret.isEmpty() ? webhooks::WebhookSignature::Check::Mismatch : check)));
    }
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const QJsonObject stored = sources.mapping(source);
    auto mapping = stored.isEmpty()
                       ? Result<webhooks::IngestMapping>(webhooks::IngestMapping::preset(source))
                       : webhooks::IngestMapping::fromJson(stored);
    if (!mapping.ok())
        return Response::fromError(mapping.error());
    webhooks::WebhookIngestor ingestor(*ctx.db, tenant);
    if (ctx.baseUrl)
        ingestor.setPublicBase(ctx.baseUrl());
    auto outcome = ingestor.ingest(*mapping, *body);
    if (!outcome.ok())
        return Response::fromError(outcome.error());
    return Response::json(outcome->toJson(), outcome->productCreated ? 201 : 200);
}

} // namespace

Status addWebhookRoutes(Server& server, const ApiContext& ctx)
{
    const char* scope = "webhooks:manage";
    QList<Route> routes;

    Route create = makeRoute("POST", "/v1/webhooks", scope, "webhooks",
                             "Subscribe an endpoint to events; the signing secret is in this "
                             "answer only",
                             [ctx](const Request& r) { return createWebhook(ctx, r); });
    create.successStatus = 201;
    create.requestSchema = objectSchema(
        {{QStringLiteral("url"), typeSchema("string")},
         {QStringLiteral("events"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                {QStringLiteral("items"), typeSchema("string")}}},
         {QStringLiteral("description"), typeSchema("string")},
         {QStringLiteral("active"), typeSchema("boolean")}},
        {QStringLiteral("url"), QStringLiteral("events")});
    QJsonObject createdSchema = webhookSchema();
    QJsonObject props = createdSchema.value(QStringLiteral("properties")).toObject();
    props.insert(QStringLiteral("secret"), typeSchema("string"));
    createdSchema.insert(QStringLiteral("properties"), props);
    create.responseSchema = createdSchema;
    routes.append(create);

    Route list = makeRoute(
        "GET", "/v1/webhooks", scope, "webhooks",
        "List this tenant's webhook subscriptions (no secrets)", [ctx](const Request& r) {
            QJsonArray data;
            for (const auto& s : store::WebhookSubscriptionRepository(*ctx.db, tenantOf(r)).list())
                data.append(s.toJson());
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    list.responseSchema = listSchema(webhookSchema());
    routes.append(list);

    Route get = makeRoute("GET", "/v1/webhooks/{id}", scope, "webhooks", "One webhook subscription",
                          [ctx](const Request& r) {
                              const auto s =
                                  store::WebhookSubscriptionRepository(*ctx.db, tenantOf(r))
                                      .get(r.param(QStringLiteral("id")));
                              return s ? Response::json(s->toJson()) : notFound("webhook");
                          });
    get.responseSchema = webhookSchema();
    routes.append(get);

    Route patch = makeRoute("PATCH", "/v1/webhooks/{id}", scope, "webhooks",
                            "Change url, events, description or active (If-Match: version)",
                            [ctx](const Request& r) { return patchWebhook(ctx, r); });
    patch.requestSchema = create.requestSchema;
    patch.requestSchema.remove(QStringLiteral("required"));
    patch.responseSchema = webhookSchema();
    routes.append(patch);

    Route remove = makeRoute(
        "DELETE", "/v1/webhooks/{id}", scope, "webhooks",
        "Delete a webhook subscription and its pending deliveries", [ctx](const Request& r) {
            const QString id = r.param(QStringLiteral("id"));
            if (Status s = store::WebhookSubscriptionRepository(*ctx.db, tenantOf(r)).remove(id);
                !s.ok())
                return Response::fromError(s.error());
            return Response::json(
                QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}});
        });
    routes.append(remove);

    Route deliveries = makeRoute(
        "GET", "/v1/webhooks/{id}/deliveries", scope, "webhooks",
        "The subscription's deliveries, newest first: status pending | delivered | failed, "
        "attempts, last status code and error",
        [ctx](const Request& r) {
            const QString id = r.param(QStringLiteral("id"));
            if (!store::WebhookSubscriptionRepository(*ctx.db, tenantOf(r)).get(id))
                return notFound("webhook");
            int limit = 100;
            if (const QString l = r.query.queryItemValue(QStringLiteral("limit")); !l.isEmpty()) {
                bool ok = false;
                limit = l.toInt(&ok);
                if (!ok || limit < 1 || limit > 1000)
                    return Response::error(ApiError::validation(
                        QStringLiteral("limit"), QStringLiteral("must be 1 to 1000")));
            }
            QJsonArray data;
            for (const auto& d :
                 store::WebhookDeliveryRepository(*ctx.db, tenantOf(r)).list(id, limit))
                data.append(d.toJson());
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    deliveries.responseSchema = listSchema();
    routes.append(deliveries);

    Route test = makeRoute(
        "POST", "/v1/webhooks/{id}/test", scope, "webhooks",
        "Queue a webhook.test event for this endpoint only (signed and retried like any other)",
        [ctx](const Request& r) {
            const auto sub = store::WebhookSubscriptionRepository(*ctx.db, tenantOf(r))
                                 .get(r.param(QStringLiteral("id")));
            if (!sub)
                return notFound("webhook");
            const auto e = webhooks::WebhookEvent::make(
                QStringLiteral("evt_test_") + QUuid::createUuid().toString(QUuid::Id128),
                QStringLiteral("webhook.test"), sub->tenantId, QDateTime::currentDateTimeUtc(),
                QString(),
                QJsonObject{
                    {QStringLiteral("webhook_id"), sub->id},
                    {QStringLiteral("message"), QStringLiteral("A test event from DPP Studio.")}});
            if (Status s = store::WebhookDeliveryRepository::enqueueFor(
                    *ctx.db, sub->tenantId, sub->id, e.id, e.type, e.body());
                !s.ok())
                return Response::fromError(s.error());
            return Response::json(QJsonObject{{QStringLiteral("event_id"), e.id},
                                              {QStringLiteral("type"), e.type},
                                              {QStringLiteral("queued"), true}},
                                  202);
        });
    test.successStatus = 202;
    routes.append(test);

    Route in = makeRoute("POST", "/v1/webhooks/ingest/{source}", "", "webhooks",
                         "Inbound PIM webhook (?tenant=ID), signed with the tenant's ingest "
                         "secret: creates or updates the product and publishes a passport "
                         "version; unmapped values are listed",
                         [ctx](const Request& r) { return ingest(ctx, r); });
    in.isPublic = true;
    in.successStatus = 201;
    routes.append(in);

    Route secret = makeRoute(
        "POST", "/v1/webhooks/ingest/{source}/secret", scope, "webhooks",
        "Set or rotate the source's ingest secret; it is in this answer only",
        [ctx](const Request& r) {
            const QString source = r.param(QStringLiteral("source"));
            auto s = store::WebhookIngestRepository(*ctx.db, tenantOf(r)).rotateSecret(source);
            if (!s.ok())
                return Response::fromError(s.error());
            return Response::json(
                QJsonObject{
                    {QStringLiteral("source"), source},
                    {QStringLiteral("tenant"), tenantOf(r)},
                    {QStringLiteral("secret"), *s},
                    {QStringLiteral("url"),
                     QStringLiteral("/v1/webhooks/ingest/%1?tenant=%2").arg(source, tenantOf(r))}},
                201);
        });
    secret.successStatus = 201;
    routes.append(secret);

    Route getMapping = makeRoute(
        "GET", "/v1/webhooks/ingest/{source}/mapping", scope, "webhooks",
        "The source's field mapping (the ready one when none was set)", [ctx](const Request& r) {
            const QString source = r.param(QStringLiteral("source"));
            if (Status s = store::WebhookIngestRepository::checkSource(source); !s.ok())
                return Response::fromError(s.error());
            const QJsonObject stored =
                store::WebhookIngestRepository(*ctx.db, tenantOf(r)).mapping(source);
            return Response::json(QJsonObject{
                {QStringLiteral("source"), source},
                {QStringLiteral("preset"), stored.isEmpty()},
                {QStringLiteral("mapping"),
                 stored.isEmpty() ? webhooks::IngestMapping::preset(source).toJson() : stored}});
        });
    routes.append(getMapping);

    Route putMapping = makeRoute(
        "PUT", "/v1/webhooks/ingest/{source}/mapping", scope, "webhooks",
        "Replace the source's field mapping ({\"preset\":true} goes back to the ready one)",
        [ctx](const Request& r) {
            const QString source = r.param(QStringLiteral("source"));
            const auto body = r.jsonObject();
            if (!body.ok())
                return Response::fromError(body.error());
            store::WebhookIngestRepository repo(*ctx.db, tenantOf(r));
            QJsonObject toStore;
            if (body->value(QStringLiteral("preset")).toBool()) {
                toStore = {};
            } else {
                auto m = webhooks::IngestMapping::fromJson(*body);
                if (!m.ok())
                    return Response::fromError(m.error());
                toStore = m->toJson();
            }
            if (Status s = repo.setMapping(source, toStore); !s.ok())
                return Response::fromError(s.error());
            return Response::json(QJsonObject{
                {QStringLiteral("source"), source},
                {QStringLiteral("preset"), toStore.isEmpty()},
                {QStringLiteral("mapping"),
                 toStore.isEmpty() ? webhooks::IngestMapping::preset(source).toJson() : toStore}});
        });
    routes.append(putMapping);

    const auto thresholdsJson = [](const store::ScanThresholdRepository& repo,
                                   const passport::Product& p) {
        QJsonArray t, f;
        for (qint64 v : repo.thresholds(p.id))
            t.append(v);
        for (qint64 v : repo.fired(p.id))
            f.append(v);
        return QJsonObject{{QStringLiteral("product_id"), p.id},
                           {QStringLiteral("gtin"), p.gtin},
                           {QStringLiteral("thresholds"), t},
                           {QStringLiteral("fired"), f}};
    };
    Route getThresholds = makeRoute(
        "GET", "/v1/products/{product}/scan-thresholds", scope, "webhooks",
        "Scan counts that fire a scan.threshold webhook (default 100, 1000, 10000) and which "
        "fired",
        [ctx, thresholdsJson](const Request& r) {
            const auto p = store::ProductRepository(*ctx.db, tenantOf(r))
                               .resolve(r.param(QStringLiteral("product")));
            if (!p)
                return notFound("product");
            return Response::json(
                thresholdsJson(store::ScanThresholdRepository(*ctx.db, tenantOf(r)), *p));
        });
    routes.append(getThresholds);

    Route putThresholds =
        makeRoute("PUT", "/v1/products/{product}/scan-thresholds", scope, "webhooks",
                  "Set the product's scan thresholds ({\"thresholds\":[100,1000,10000]})",
                  [ctx, thresholdsJson](const Request& r) {
                      const auto p = store::ProductRepository(*ctx.db, tenantOf(r))
                                         .resolve(r.param(QStringLiteral("product")));
                      if (!p)
                          return notFound("product");
                      const auto body = r.jsonObject();
                      if (!body.ok())
                          return Response::fromError(body.error());
                      auto parsed = store::ScanThresholdRepository::parse(
                          body->value(QStringLiteral("thresholds")));
                      if (!parsed.ok())
                          return Response::fromError(parsed.error());
                      store::ScanThresholdRepository repo(*ctx.db, tenantOf(r));
                      if (Status s = repo.setThresholds(p->id, *parsed); !s.ok())
                          return Response::fromError(s.error());
                      return Response::json(thresholdsJson(repo, *p));
                  });
    putThresholds.requestSchema =
        objectSchema({{QStringLiteral("thresholds"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                   {QStringLiteral("items"), typeSchema("integer")}}}},
                     {QStringLiteral("thresholds")});
    routes.append(putThresholds);

    for (Route& r : routes) {
        if (Status s = server.addRoute(std::move(r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
