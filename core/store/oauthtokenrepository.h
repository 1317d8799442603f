// OAuthTokenRepository: OAuth2 access ("oat_…") and refresh ("ort_…") tokens, stored as
// SHA-256 only, grouped in families (one per authorization) for rotation and reuse
// detection (OAuth 2.0 Security BCP §4.14).
#pragma once

#include "database.h"

#include <QDateTime>
#include <QStringList>
#include <optional>

namespace dpp::store {

class OAuthTokenRepository
{
public:
    struct Token
    {
        QString id;
        QString kind; // "access" or "refresh"
        QString family;
        QString clientId;
        QString userId;
        QString tenantId;
        QString role; // the user's current role
        QStringList scopes;
        QDateTime expiresAt;
        bool used = false;
        bool revoked = false;
    };
    struct Pair
    {
        QString accessToken;
        QString refreshToken;
        qint64 expiresIn = 0; // seconds the access token lives
        QStringList scopes;
    };

    static constexpr qint64 kAccessSeconds = 3600;
    static constexpr qint64 kRefreshSeconds = 30 * 24 * 3600;

    static Result<Pair> issue(Database& db, const QString& family, const QString& clientId,
                              const QString& userId, const QString& tenantId,
                              const QStringList& scopes);
    /// The token row for a secret of `kind`, whatever its state (callers check it).
    static std::optional<Token> find(Database& db, const QString& secret, const QString& kind);
    /// Marks a refresh token used; false when another request used it first.
    static bool markUsed(Database& db, const QString& id);
    static Status revokeFamily(Database& db, const QString& family);
    /// Revokes one token (an access token a client gives up, RFC 7009).
    static Status revoke(Database& db, const QString& id);
};

} // namespace dpp::store
