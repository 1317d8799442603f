// The OpenAPI 3.1 document of the server, generated from the route table so every route
// is documented and every documented path is routed.
#pragma once

#include "routetable.h"

#include <QJsonObject>
#include <QString>

namespace dpp::server {

/// Builds the document; serverUrl goes into "servers" when not empty.
QJsonObject openApiDocument(const RouteTable& routes, const QString& serverUrl);

} // namespace dpp::server
