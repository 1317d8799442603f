// The public resolver: the Digital Link paths (a Server fallback, since their length
// varies), the GS1 resolver description file and the JSON-LD context for linksets.
// What the answers are is decided in Resolver; this file only wires it up.
#include "apiroutes.h"
#include "resolver.h"
#include "routesupport.h"
#include "server.h"

#include <QFile>

namespace dpp::server {

using namespace routes;

Status addResolverRoutes(Server& server, const ApiContext& ctx)
{
    auto resolver = std::make_shared<Resolver>(ctx);

    Route description =
        makeRoute("GET", "/.well-known/gs1resolver", "", "resolver",
                  "GS1 resolver description file (GS1-Conformant Resolver Standard 1.2)",
                  [](const Request& r) {
                      Response out =
                          Response::json(Resolver::descriptionFile(Resolver::originOf(r)));
                      Resolver::addCors(out);
                      return out;
                  });
    description.isPublic = true;
    description.responseSchema =
        objectSchema({{QStringLiteral("resolverRoot"), typeSchema("string")},
                      {QStringLiteral("supportedPrimaryKeys"), typeSchema("array")}},
                     {QStringLiteral("resolverRoot"), QStringLiteral("supportedPrimaryKeys")});

    Route context = makeRoute("GET", "/linkset-context.jsonld", "", "resolver",
                              "JSON-LD context of the resolver's linksets", [](const Request&) {
                                  QFile f(QStringLiteral(":/resolver/linkset-context.jsonld"));
                                  if (!f.open(QIODevice::ReadOnly))
                                      return Response::error(ApiError::internal());
                                  Response out =
                                      Response::bytes(f.readAll(), "application/ld+json");
                                  out.setHeader("Cache-Control", "public, max-age=86400");
                                  Resolver::addCors(out);
                                  return out;
                              });
    context.isPublic = true;

    for (Route* r : {&description, &context}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }

    Route dl = makeRoute("GET", "/{ai}/{value}", "", "resolver", "GS1 Digital Link resolution",
                         [resolver](const Request& r) { return resolver->handle(r); });
    dl.isPublic = true;
    server.setFallback(std::move(dl), &Resolver::claims);
    return Ok{};
}

} // namespace dpp::server
