// Battery units (Battery Regulation Annex XIII 4: individual battery data): create and
// list per product, read, change status, state-of-health readings and lifecycle events.
// A unit is named in paths by its id or its unique identifier.
#include "apiroutes.h"
#include "routesupport.h"
#include "server.h"
#include "store/batteryunitrepository.h"
#include "store/productrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject unitSchema()
{
    return objectSchema({{QStringLiteral("id"), typeSchema("string")},
                         {QStringLiteral("product_id"), typeSchema("string")},
                         {QStringLiteral("unique_identifier"), typeSchema("string")},
                         {QStringLiteral("serial_number"), typeSchema("string")},
                         {QStringLiteral("lot"), typeSchema("string")},
                         {QStringLiteral("manufacturing_date"), typeSchema("string")},
                         {QStringLiteral("status"), typeSchema("string")},
                         {QStringLiteral("version"), typeSchema("integer")}});
}

std::optional<passport::BatteryUnit> unitOf(const ApiContext& ctx, const Request& r)
{
    store::BatteryUnitRepository units(*ctx.db, tenantOf(r));
    const QString ref = r.param(QStringLiteral("uid"));
    if (auto u = units.get(ref))
        return u;
    return units.findByIdentifier(ref);
}

// Bodies are read and checked by the core value types (BatteryUnit, SohReading,
// LifecycleEvent); the handlers only find the unit and map FieldErrors to 422.
Response createUnit(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
    if (!product)
        return notFound("product");
    passport::FieldErrors errors;
    passport::BatteryUnit unit = passport::BatteryUnit::fromJson(*body, errors);
    if (!errors.isEmpty())
        return invalid(errors);
    unit.productId = product->id;
    auto created = store::BatteryUnitRepository(*ctx.db, tenantOf(r)).create(unit);
    if (!created.ok())
        return Response::fromError(created.error());
    return versioned(created->toJson(), created->rowVersion, 201);
}

Response addReading(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const auto unit = unitOf(ctx, r);
    if (!unit)
        return notFound("battery unit");
    passport::FieldErrors errors;
    const passport::SohReading reading = passport::SohReading::fromJson(*body, errors);
    if (errors.isEmpty())
        errors = reading.validate();
    if (!errors.isEmpty())
        return invalid(errors);
    if (Status s = store::BatteryUnitRepository(*ctx.db, tenantOf(r)).addReading(unit->id, reading);
        !s.ok())
        return Response::fromError(s.error());
    return Response::json(reading.toJson(), 201);
}

Response addEvent(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const auto unit = unitOf(ctx, r);
    if (!unit)
        return notFound("battery unit");
    passport::FieldErrors errors;
    const passport::LifecycleEvent event = passport::LifecycleEvent::fromJson(*body, errors);
    if (errors.isEmpty())
        errors = event.validate();
    if (!errors.isEmpty())
        return invalid(errors);
    if (Status s = store::BatteryUnitRepository(*ctx.db, tenantOf(r)).addEvent(unit->id, event);
        !s.ok())
        return Response::fromError(s.error());
    return Response::json(event.toJson(), 201);
}

} // namespace

Status addBatteryRoutes(Server& server, const ApiContext& ctx)
{
    Route create = makeRoute("POST", "/v1/products/{product}/battery-units", "batteries:write",
                             "batteries", "Register one physical battery of a product",
                             [ctx](const Request& r) { return createUnit(ctx, r); });
    create.successStatus = 201;
    create.requestSchema = unitSchema();
    create.responseSchema = unitSchema();

    Route list = makeRoute(
        "GET", "/v1/products/{product}/battery-units", "batteries:read", "batteries",
        "The product's battery units", [ctx](const Request& r) {
            const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
            if (!product)
                return notFound("product");
            QJsonArray data;
            for (const auto& u :
                 store::BatteryUnitRepository(*ctx.db, tenantOf(r)).list(product->id))
                data.append(u.toJson());
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    list.responseSchema = listSchema(unitSchema());

    Route get = makeRoute("GET", "/v1/battery-units/{uid}", "batteries:read", "batteries",
                          "A battery unit by id or unique identifier", [ctx](const Request& r) {
                              const auto unit = unitOf(ctx, r);
                              if (!unit)
                                  return notFound("battery unit");
                              return versioned(unit->toJson(), unit->rowVersion);
                          });
    get.responseSchema = unitSchema();

    Route patch = makeRoute(
        "PATCH", "/v1/battery-units/{uid}", "batteries:write", "batteries",
        "Change the battery status (Annex XIII 4(c)); recorded as an event",
        [ctx](const Request& r) {
            const auto body = r.jsonObject();
            if (!body.ok())
                return Response::fromError(body.error());
            const auto unit = unitOf(ctx, r);
            if (!unit)
                return notFound("battery unit");
            // The status change is a BatteryUnit field: read it the way the unit is read.
            passport::FieldErrors errors;
            passport::BatteryUnit change = passport::BatteryUnit::fromJson(*body, errors);
            QString description;
            if (const QJsonValue d = body->value(QStringLiteral("description")); d.isString())
                description = d.toString();
            else if (!d.isUndefined() && !d.isNull())
                errors.append({QStringLiteral("description"), QStringLiteral("must be a string")});
            if (!body->contains(QStringLiteral("status")))
                errors.append({QStringLiteral("status"), QStringLiteral("is required")});
            if (!errors.isEmpty())
                return invalid(errors);
            const auto expected = ifMatchVersion(r);
            if (!expected.ok())
                return Response::fromError(expected.error());
            const QString status = change.status;
            store::BatteryUnitRepository units(*ctx.db, tenantOf(r));
            if (Status s = units.setStatus(unit->id, status, description, *expected); !s.ok()) {
                const auto current = units.get(unit->id);
                if (isVersionMismatch(s.error()) && current)
                    return preconditionFailed(s.error(), current->toJson(), current->rowVersion);
                return Response::fromError(s.error());
            }
            const auto now = units.get(unit->id).value_or(*unit);
            return versioned(now.toJson(), now.rowVersion);
        });
    patch.requestSchema = objectSchema({{QStringLiteral("status"), typeSchema("string")},
                                        {QStringLiteral("description"), typeSchema("string")}},
                                       {QStringLiteral("status")});
    patch.responseSchema = unitSchema();

    Route readings =
        makeRoute("GET", "/v1/battery-units/{uid}/soh", "batteries:read", "batteries",
                  "State-of-health readings", [ctx](const Request& r) {
                      const auto unit = unitOf(ctx, r);
                      if (!unit)
                          return notFound("battery unit");
                      QJsonArray data;
                      for (const auto& s :
                           store::BatteryUnitRepository(*ctx.db, tenantOf(r)).readings(unit->id))
                          data.append(s.toJson());
                      return Response::json(QJsonObject{{QStringLiteral("data"), data},
                                                        {QStringLiteral("hasMore"), false}});
                  });
    readings.responseSchema = listSchema();

    Route addSoh = makeRoute("POST", "/v1/battery-units/{uid}/soh", "batteries:write", "batteries",
                             "Record a state-of-health reading",
                             [ctx](const Request& r) { return addReading(ctx, r); });
    addSoh.successStatus = 201;
    addSoh.requestSchema =
        objectSchema({{QStringLiteral("state_of_health_pct"), typeSchema("number")},
                      {QStringLiteral("measured_at"), typeSchema("string")}},
                     {QStringLiteral("state_of_health_pct")});

    Route events =
        makeRoute("POST", "/v1/battery-units/{uid}/events", "batteries:write", "batteries",
                  "Record a lifecycle event", [ctx](const Request& r) { return addEvent(ctx, r); });
    events.successStatus = 201;
    events.requestSchema = objectSchema({{QStringLiteral("type"), typeSchema("string")},
                                         {QStringLiteral("occurred_at"), typeSchema("string")},
                                         {QStringLiteral("description"), typeSchema("string")}},
                                        {QStringLiteral("type")});

    for (Route* route : {&create, &get, &patch})
        route->versioned = true;
    for (Route* route : {&create, &list, &get, &patch, &readings, &addSoh, &events}) {
        if (Status s = server.addRoute(std::move(*route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
