// /v1/suppliers, /v1/epr-registrations and the public /v1/section-info: records that are
// created and listed as they are; validation lives in core/passport.
#include "apiroutes.h"
#include "passport/audienceprojection.h"
#include "routesupport.h"
#include "server.h"
#include "store/eprregistrationrepository.h"
#include "store/supplierrepository.h"

namespace dpp::server {

using namespace routes;

Status addSupplierRoutes(Server& server, const ApiContext& ctx)
{
    const QJsonObject supplier = objectSchema({{QStringLiteral("id"), typeSchema("string")},
                                               {QStringLiteral("name"), typeSchema("string")},
                                               {QStringLiteral("role"), typeSchema("string")},
                                               {QStringLiteral("country"), typeSchema("string")},
                                               {QStringLiteral("gln"), typeSchema("string")},
                                               {QStringLiteral("vat_number"), typeSchema("string")},
                                               {QStringLiteral("version"), typeSchema("integer")}});
    Route create = makeRoute("POST", "/v1/suppliers", "suppliers:write", "suppliers",
                             "Create a supplier", [ctx](const Request& r) {
                                 const auto body = r.jsonObject();
                                 if (!body.ok())
                                     return Response::fromError(body.error());
                                 auto created =
                                     store::SupplierRepository(*ctx.db, tenantOf(r)).create(*body);
                                 if (!created.ok())
                                     return Response::fromError(created.error());
                                 return versioned(created->toJson(), created->rowVersion, 201);
                             });
    create.successStatus = 201;
    create.requestSchema = supplier;
    create.responseSchema = supplier;

    Route list =
        makeRoute("GET", "/v1/suppliers", "suppliers:read", "suppliers", "List suppliers",
                  [ctx](const Request& r) {
                      QJsonArray data;
                      for (const auto& s : store::SupplierRepository(*ctx.db, tenantOf(r)).list())
                          data.append(s.toJson());
                      return Response::json(QJsonObject{{QStringLiteral("data"), data},
                                                        {QStringLiteral("hasMore"), false}});
                  });
    list.responseSchema = listSchema(supplier);

    Route get = makeRoute(
        "GET", "/v1/suppliers/{id}", "suppliers:read", "suppliers", "A supplier",
        [ctx](const Request& r) {
            const auto s =
                store::SupplierRepository(*ctx.db, tenantOf(r)).get(r.param(QStringLiteral("id")));
            if (!s)
                return notFound("supplier");
            return versioned(s->toJson(), s->rowVersion);
        });
    get.responseSchema = supplier;

    Route patch =
        makeRoute("PATCH", "/v1/suppliers/{id}", "suppliers:write", "suppliers",
                  "Change supplier fields (null clears an optional one); If-Match: the ETag read",
                  [ctx](const Request& r) {
                      const auto body = r.jsonObject();
                      if (!body.ok())
                          return Response::fromError(body.error());
                      const auto expected = ifMatchVersion(r);
                      if (!expected.ok())
                          return Response::fromError(expected.error());
                      store::SupplierRepository suppliers(*ctx.db, tenantOf(r));
                      const QString id = r.param(QStringLiteral("id"));
                      const auto updated = suppliers.update(id, *body, *expected);
                      if (!updated.ok()) {
                          const auto current = suppliers.get(id);
                          if (isVersionMismatch(updated.error()) && current)
                              return preconditionFailed(updated.error(), current->toJson(),
                                                        current->rowVersion);
                          return Response::fromError(updated.error());
                      }
                      return versioned(updated->toJson(), updated->rowVersion);
                  });
    patch.requestSchema = supplier;
    patch.responseSchema = supplier;

    const QJsonObject registration =
        objectSchema({{QStringLiteral("id"), typeSchema("string")},
                      {QStringLiteral("member_state"), typeSchema("string")},
                      {QStringLiteral("regime"), typeSchema("string")},
                      {QStringLiteral("registration_number"), typeSchema("string")},
                      {QStringLiteral("producer_name"), typeSchema("string")},
                      {QStringLiteral("compliance_route"), typeSchema("string")}},
                     {QStringLiteral("member_state"), QStringLiteral("regime"),
                      QStringLiteral("registration_number"), QStringLiteral("producer_name"),
                      QStringLiteral("compliance_route")});
    Route eprCreate =
        makeRoute("POST", "/v1/epr-registrations", "batteries:write", "epr",
                  "Record an EPR registration (producer register number per country and regime)",
                  [ctx](const Request& r) {
                      const auto body = r.jsonObject();
                      if (!body.ok())
                          return Response::fromError(body.error());
                      const auto reg = passport::EprRegistration::fromJson(*body);
                      if (const auto errors = reg.validate(); !errors.isEmpty())
                          return Response::error(
                              ApiError::validation(errors.first().param, errors.first().message));
                      auto saved = store::EprRegistrationRepository(*ctx.db, tenantOf(r)).save(reg);
                      if (!saved.ok())
                          return Response::fromError(saved.error());
                      return Response::json(saved->toJson(), 201);
                  });
    eprCreate.successStatus = 201;
    eprCreate.requestSchema = registration;
    eprCreate.responseSchema = registration;

    Route eprList = makeRoute(
        "GET", "/v1/epr-registrations", "batteries:read", "epr", "List EPR registrations",
        [ctx](const Request& r) {
            QJsonArray data;
            for (const auto& e : store::EprRegistrationRepository(*ctx.db, tenantOf(r)).list())
                data.append(e.toJson());
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    eprList.responseSchema = listSchema(registration);

    Route sections = makeRoute("GET", "/v1/section-info", "", "passports",
                               "Public: every passport field with its data class and access group",
                               [](const Request&) {
                                   return Response::json(QJsonObject{
                                       {QStringLiteral("fields"), passport::fieldCatalogue()}});
                               });
    sections.isPublic = true;
    sections.responseSchema = objectSchema({{QStringLiteral("fields"), typeSchema("array")}});

    for (Route* r : {&create, &get, &patch})
        r->versioned = true;
    for (Route* r : {&create, &list, &get, &patch, &eprCreate, &eprList, &sections}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
