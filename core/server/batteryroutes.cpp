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
                         {QStringLiteral("status"), typeSchema("string")}});
}

std::optional<passport::BatteryUnit> unitOf(const ApiContext& ctx, const Request& r)
{
    store::BatteryUnitRepository units(*ctx.db, tenantOf(r));
    const QString ref = r.param(QStringLiteral("uid"));
    if (auto u = units.get(ref))
        return u;
    return units.findByIdentifier(ref);
}

// Reads optional string fields of `body` into `out`; an error names the field.
std::optional<ApiError> readStrings(const QJsonObject& body,
                                    std::initializer_list<std::pair<const char*, QString*>> fields)
{
    for (const auto& [name, target] : fields) {
        const QJsonValue v = body.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isString())
            return ApiError::validation(QString::fromLatin1(name),
                                        QStringLiteral("must be a string"));
        *target = v.toString();
    }
    return std::nullopt;
}

// An optional UTC timestamp; absent means now.
std::optional<ApiError> readTime(const QJsonObject& body, const char* name, QDateTime& out)
{
    out = QDateTime::currentDateTimeUtc();
    const QJsonValue v = body.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    out = QDateTime::fromString(v.toString(), Qt::ISODate);
    if (!v.isString() || !out.isValid())
        return ApiError::validation(QString::fromLatin1(name),
                                    QStringLiteral("must be an ISO 8601 timestamp"));
    return std::nullopt;
}

std::optional<ApiError> readNumber(const QJsonObject& body, const char* name,
                                   std::optional<double>& out)
{
    const QJsonValue v = body.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble())
        return ApiError::validation(QString::fromLatin1(name), QStringLiteral("must be a number"));
    out = v.toDouble();
    return std::nullopt;
}

Response createUnit(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const auto product =
        store::ProductRepository(*ctx.db, tenantOf(r)).resolve(r.param(QStringLiteral("product")));
    if (!product)
        return notFound("product");
    passport::BatteryUnit unit;
    unit.productId = product->id;
    if (auto e = readStrings(*body, {{"unique_identifier", &unit.uniqueIdentifier},
                                     {"serial_number", &unit.serialNumber},
                                     {"lot", &unit.lot},
                                     {"manufacturing_date", &unit.manufacturingDate},
                                     {"status", &unit.status}}))
        return Response::error(*e);
    auto created = store::BatteryUnitRepository(*ctx.db, tenantOf(r)).create(unit);
    if (!created.ok())
        return Response::fromError(created.error());
    return Response::json(created->toJson(), 201);
}

Response addReading(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const auto unit = unitOf(ctx, r);
    if (!unit)
        return notFound("battery unit");
    passport::SohReading reading;
    if (auto e = readTime(*body, "measured_at", reading.measuredAt))
        return Response::error(*e);
    std::optional<double> soh, cycles;
    for (auto [name, target] :
         {std::pair{"state_of_health_pct", &soh},
          std::pair{"remaining_capacity_ah", &reading.remainingCapacityAh},
          std::pair{"state_of_charge_pct", &reading.stateOfChargePct},
          std::pair{"cycle_count", &cycles}, std::pair{"temperature_c", &reading.temperatureC}}) {
        if (auto e = readNumber(*body, name, *target))
            return Response::error(*e);
    }
    if (!soh)
        return Response::error(ApiError::validation(QStringLiteral("state_of_health_pct"),
                                                    QStringLiteral("is required")));
    reading.stateOfHealthPct = *soh;
    if (cycles) {
        if (*cycles != double(int(*cycles)))
            return Response::error(ApiError::validation(QStringLiteral("cycle_count"),
                                                        QStringLiteral("must be a whole number")));
        reading.cycleCount = int(*cycles);
    }
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
    passport::LifecycleEvent event;
    if (auto e = readTime(*body, "occurred_at", event.occurredAt))
        return Response::error(*e);
    if (auto e = readStrings(*body, {{"type", &event.type}, {"description", &event.description}}))
        return Response::error(*e);
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

    Route list =
        makeRoute("GET", "/v1/products/{product}/battery-units", "batteries:read", "batteries",
                  "The product's battery units", [ctx](const Request& r) {
                      const auto product = store::ProductRepository(*ctx.db, tenantOf(r))
                                               .resolve(r.param(QStringLiteral("product")));
                      if (!product)
                          return notFound("product");
                      QJsonArray data;
                      for (const auto& u :
                           store::BatteryUnitRepository(*ctx.db, tenantOf(r)).list(product->id))
                          data.append(u.toJson());
                      return Response::json(QJsonObject{{QStringLiteral("data"), data},
                                                        {QStringLiteral("hasMore"), false}});
                  });
    list.responseSchema = listSchema(unitSchema());

    Route get = makeRoute("GET", "/v1/battery-units/{uid}", "batteries:read", "batteries",
                          "A battery unit by id or unique identifier", [ctx](const Request& r) {
                              const auto unit = unitOf(ctx, r);
                              if (!unit)
                                  return notFound("battery unit");
                              return Response::json(unit->toJson());
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
            QString status, description;
            if (auto e = readStrings(*body, {{"status", &status}, {"description", &description}}))
                return Response::error(*e);
            if (status.isEmpty())
                return Response::error(
                    ApiError::validation(QStringLiteral("status"), QStringLiteral("is required")));
            store::BatteryUnitRepository units(*ctx.db, tenantOf(r));
            if (Status s = units.setStatus(unit->id, status, description); !s.ok())
                return Response::fromError(s.error());
            return Response::json(units.get(unit->id).value_or(*unit).toJson());
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

    for (Route* route : {&create, &list, &get, &patch, &readings, &addSoh, &events}) {
        if (Status s = server.addRoute(std::move(*route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
