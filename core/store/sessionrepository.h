// SessionRepository: login sessions ("ses_…" bearer tokens). Only the SHA-256 of a token
// is stored; every request reads the row afresh, so a logout in one dppserver process is
// effective in every other on the next request.
#pragma once

#include "database.h"

#include <QDateTime>
#include <optional>

namespace dpp::store {

class SessionRepository
{
public:
    struct Session
    {
        QString id;
        QString userId;
        QString tenantId;
        QString role;     // the user's current role (read with the session)
        QString apiKeyId; // the API key handed out with the login; revoked with the session
        QDateTime expiresAt;
    };
    struct Created
    {
        Session session;
        QString secret; // "ses_…", shown once
    };

    static Result<Created> create(Database& db, const QString& userId, const QString& tenantId,
                                  const QString& apiKeyId, const QDateTime& expiresAt);
    /// The live session for a secret; nothing for unknown, revoked or expired ones.
    static std::optional<Session> authenticate(Database& db, const QString& secret);
    /// Revokes the session of `secret`; returns it as it was, or nothing when not live.
    static std::optional<Session> revoke(Database& db, const QString& secret);
};

} // namespace dpp::store
