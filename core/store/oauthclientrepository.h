// OAuthClientRepository: the OAuth2 client applications a tenant registered.
#pragma once

#include "database.h"
#include "passport/oauthclient.h"

#include <optional>

namespace dpp::store {

class OAuthClientRepository
{
public:
    OAuthClientRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    struct Created
    {
        passport::OAuthClient client;
        QString secret; // confidential clients: shown once; empty for public (PKCE-only) ones
    };
    Result<Created> create(const QString& name, const QStringList& redirectUris,
                           const QStringList& scopes, bool confidential);
    QList<passport::OAuthClient> list() const;
    /// Deletes the client; its codes and tokens go with it.
    Status remove(const QString& clientId);

    /// A client by client_id across tenants (the authorize and token endpoints start here).
    static std::optional<passport::OAuthClient> find(Database& db, const QString& clientId);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
