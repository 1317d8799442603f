#include "apiroutes.h"

#include "apikeyauthenticator.h"
#include "server.h"

namespace dpp::server {

Status ApiRoutes::install(Server& server, const ApiContext& context)
{
    server.setAuthenticator(ApiKeyAuthenticator::make(context));
    for (const auto add :
         {
        addApiKeyRoutes, addProductRoutes, addPassportRoutes, addCodeRoutes, addSupplierRoutes,
            addSerialRoutes, addDocumentRoutes, addBulkRoutes, addBatteryRoutes, addZipRoutes,
            for (const auto add : {addEprExportRoutes, addComplianceRoutes, addAuthRoutes,
                                   addOAuthRoutes, addLinkRoutes, addProductSupplierRoutes,
                                   addViewerRoutes, addAnalyticsRoutes, addResolverRoutes})
        {
            if (Status s = add(server, context); !s.ok())
                return s;
        }
        return Ok{};
}

} // namespace dpp::server
