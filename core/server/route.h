// Route: one entry of the route table: what the router matches, which scope it needs and
// what the OpenAPI document says about it. Routing and documentation come from the same
// entry, so they cannot drift apart.
#pragma once

#include "request.h"
#include "response.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <functional>

namespace dpp::server {

/// Handlers are thin: they read the request, call core and turn the result into a Response.
using Handler = std::function<Response(const Request&)>;

struct Route
{
    QByteArray method;     // GET, POST, PUT, PATCH, DELETE (HEAD and OPTIONS are derived)
    QString path;          // "/v1/products/{product}": literal segments and {named} segments
    QString scope;         // scope the API key needs ("products:read"); empty = any valid key
    bool isPublic = false; // no authentication, CORS allowed, rate-limited per client IP
    QString summary;       // one line for the OpenAPI document
    QString tag;           // OpenAPI group ("products", "system", ...)
    Handler handler;
    QJsonObject requestSchema;  // JSON Schema of the request body; empty = none documented
    QJsonObject responseSchema; // JSON Schema of the success body; empty = any
    int successStatus = 200;    // documented success status
    QString successMediaType;   // media type of the success body; empty = application/json
    // The answer is one resource with a version: ETag header (and If-Match with 412 on
    // writes) in the OpenAPI document. The handler does it; this only documents it.
    bool versioned = false;
    // A POST that takes If-Match too (POST /v1/passports: the passport the client read).
    bool postIfMatch = false;
    // A role's field limits (RolePolicy::fieldLimitsFor) on this POST apply to the keys
    // of the body's "data" object (POST /v1/passports amends a published passport).
    bool fieldLimitsOnData = false;
};

} // namespace dpp::server
