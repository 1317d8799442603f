// ApiRoutes: the one place that registers every /v1 route group on a Server and wires
// API-key authentication to the store. Each group lives in its own file.
#pragma once

#include "apicontext.h"
#include "result.h"

namespace dpp::server {

class Server;

class ApiRoutes
{
public:
    static Status install(Server& server, const ApiContext& context);
};

/// One function per route group (apikeyroutes.cpp, productroutes.cpp, …).
Status addApiKeyRoutes(Server& server, const ApiContext& context);
Status addProductRoutes(Server& server, const ApiContext& context);
Status addPassportRoutes(Server& server, const ApiContext& context);
Status addCodeRoutes(Server& server, const ApiContext& context);
Status addSupplierRoutes(Server& server, const ApiContext& context);
Status addSerialRoutes(Server& server, const ApiContext& context);
Status addDocumentRoutes(Server& server, const ApiContext& context);
Status addBulkRoutes(Server& server, const ApiContext& context);
Status addBatteryRoutes(Server& server, const ApiContext& context);
Status addZipRoutes(Server& server, const ApiContext& context);
Status addEprExportRoutes(Server& server, const ApiContext& context);
Status addComplianceRoutes(Server& server, const ApiContext& context);
Status addViewerRoutes(Server& server, const ApiContext& context);
Status addAuthRoutes(Server& server, const ApiContext& context);
Status addOAuthRoutes(Server& server, const ApiContext& context);
Status addResolverRoutes(Server& server, const ApiContext& context);
Status addLinkRoutes(Server& server, const ApiContext& context);
Status addProductSupplierRoutes(Server& server, const ApiContext& context);
Status addAnalyticsRoutes(Server& server, const ApiContext& context);
Status addStreamRoutes(Server& server, const ApiContext& context);
Status addWebhookRoutes(Server& server, const ApiContext& context);

} // namespace dpp::server
