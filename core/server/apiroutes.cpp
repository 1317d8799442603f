#include "apiroutes.h"

#include "apikeyauthenticator.h"
#include "server.h"

namespace dpp::server {

Status ApiRoutes::install(Server& server, const ApiContext& context)
{
    server.setAuthenticator(ApiKeyAuthenticator::make(context));
    server.setIdempotencyStore(context.db);
    // The resolver is the fallback for unmatched paths, so its place in this list is moot;
    // it comes last to say so.
    for (const auto add :
         {addApiKeyRoutes,   addProductRoutes,   addPassportRoutes,  addCodeRoutes,
          addSupplierRoutes, addSerialRoutes,    addDocumentRoutes,  addBulkRoutes,
          addBatteryRoutes,  addZipRoutes,       addEprExportRoutes, addComplianceRoutes,
          addAuthRoutes,     addOAuthRoutes,     addLinkRoutes,      addProductSupplierRoutes,
          addViewerRoutes,   addAnalyticsRoutes, addStreamRoutes,    addWebhookRoutes,
          addResolverRoutes}) {
        if (Status s = add(server, context); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
