// ApiContext: what the /v1 route groups share: the store and how to name ourselves in
// links. Handlers read through to the store on every request (no caches), which is what
// lets several dppserver processes share one database (see apikeyauthenticator.h).
#pragma once

#include "scansink.h"
#include "scanstreamhub.h"
#include "store/database.h"

#include <QString>
#include <functional>
#include <memory>

namespace dpp::server {

struct ApiContext
{
    std::shared_ptr<store::Database> db;
    bool sandbox = false; // keys made through the API are sk_test_ ones
    /// Public base URL for Digital Links and JSON-LD ids (the --base-url or listen URL).
    std::function<QString()> baseUrl;
    /// Where resolver hits on known keys go (null: not recorded).
    std::shared_ptr<ScanSink> scans;
    /// Live scan streams (GET /v1/stream/scans); null: that route answers 404.
    std::shared_ptr<ScanStreamHub> scanStream;
    /// Webhook URLs may point at loopback/private addresses (dppserver
    /// --allow-private-webhooks; tests and closed intranets).
    bool allowPrivateWebhooks = false;
    /// How long the resolver may answer from its cache after another write committed
    /// (dppserver --resolver-freshness-ms): it reads the change journal's head at most
    /// this often. 0 reads it on every request (exact, one store read per scan).
    int resolverFreshnessMs = 100;
};

} // namespace dpp::server
