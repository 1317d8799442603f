// OAuthCodeRepository: OAuth2 authorization codes ("oac_…"): single use, short-lived,
// bound to client, redirect URI and PKCE challenge. Stored as SHA-256 only.
#pragma once

#include "database.h"

#include <QDateTime>
#include <QStringList>
#include <optional>

namespace dpp::store {

class OAuthCodeRepository
{
public:
    struct Code
    {
        QString clientId;
        QString userId;
        QString tenantId;
        QString redirectUri;
        QStringList scopes;
        QString codeChallenge; // S256: base64url(SHA-256(code_verifier))
        QDateTime expiresAt;
        QString family; // the token family the code starts (its hash)
    };

    /// Stores a code; returns the secret to put into the redirect.
    static Result<QString> issue(Database& db, const Code& code);

    struct Redeemed
    {
        std::optional<Code> code; // set when this call used the code up
        bool replay = false;      // the code exists but was used before
        QString family;           // of the replayed code: its tokens must be revoked
    };
    /// Uses a code up, atomically: of two concurrent redemptions only one gets it.
    static Redeemed redeem(Database& db, const QString& secret);
};

} // namespace dpp::store
