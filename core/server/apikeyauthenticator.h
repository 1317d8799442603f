// ApiKeyAuthenticator: finds the principal for `Authorization: Bearer sk_…` or
// `X-API-Key: sk_…` in the store, and for the bearer tokens of users: login sessions
// (`ses_…`: the user's role scopes) and OAuth2 access tokens (`oat_…`: the granted scopes
// within the role). Every request reads the key row afresh (one indexed
// lookup by hash), so a revocation or expiry made by any process on the same database
// takes effect on the very next request; there is no cache to go stale.
#pragma once

#include "apicontext.h"
#include "principal.h"

namespace dpp::server {

class ApiKeyAuthenticator
{
public:
    /// The hook for Server::setAuthenticator. In sandbox mode only sk_test_ keys pass.
    static Authenticator make(const ApiContext& context);
    /// The secret a request presents; empty when it presents none.
    static QString presentedKey(const Request& request);
};

} // namespace dpp::server
