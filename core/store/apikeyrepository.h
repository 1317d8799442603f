// ApiKeyRepository: API keys of one tenant. Only the SHA-256 of a key is
// stored; the secret exists once, in the return value of create().
#pragma once

#include "database.h"
#include "passport/apikey.h"

#include <optional>

namespace dpp::store {

class ApiKeyRepository
{
public:
    ApiKeyRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    struct Created
    {
        passport::ApiKey key;
        QString secret; // show it to the user once; it cannot be recovered
    };
    // rateLimitPerMinute 0 = the server default.
    Result<Created> create(const QString& name, const QStringList& scopes, bool test,
                           const QDateTime& expiresAt = {}, int rateLimitPerMinute = 0);
    // Changes a key's requests per minute (0 = server default); servers pick it up on the
    // key's next request.
    Status setRateLimit(const QString& id, int rateLimitPerMinute);
    QList<passport::ApiKey> list() const;
    Status revoke(const QString& id);

    // Looks a presented secret up across tenants (this is how a request finds
    // its tenant). Returns nothing for unknown, revoked or expired keys.
    static std::optional<passport::ApiKey> authenticate(Database& db, const QString& secret);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
