// Principal: who a request acts for once authenticated, and the hook that finds it.
// The store provides the real authenticator (API keys, sessions); the routing layer only
// needs scopes and the per-key rate limit.
#pragma once

#include "result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <functional>

namespace dpp::server {

struct Request;

struct Principal
{
    enum class Kind { ApiKey, Session, OAuthToken };

    Kind kind = Kind::ApiKey;
    QString keyId;              // stable id of the API key, session or token (rate-limit bucket)
    QString tenantId;           // whose data the request may see
    QStringList scopes;         // granted scopes ("products:read", ...)
    int rateLimitPerMinute = 0; // 0 = the server default
    QString userId;             // sessions and OAuth2 tokens: the user acting
    QString role;               // that user's role (passport::RolePolicy)
    // Role "supplier": the supplier the user acts for; the products they may see are
    // those linked to it (store::ProductRepository::restrictToSupplier).
    QString supplierId;
    /// scope → the only top-level body fields a PATCH under that scope may carry; a scope
    /// listed here allows nothing else (RolePolicy::fieldLimitsFor).
    QHash<QString, QStringList> fieldLimits;
};

/// Returns the principal for the request's credentials, or an Error (sent as 401) when they
/// are missing, unknown, expired or revoked.
using Authenticator = std::function<Result<Principal>(const Request&)>;

} // namespace dpp::server
