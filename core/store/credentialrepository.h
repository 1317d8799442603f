// CredentialRepository: login identities (e-mail + argon2id password hash) of users. Not
// scoped to a tenant: a login is how a request finds its tenant, so e-mails are unique
// across the whole store.
#pragma once

#include "database.h"

#include <QDateTime>

#include <optional>

namespace dpp::store {

class CredentialRepository
{
public:
    struct Account
    {
        QString userId;
        QString tenantId;
        QString email;
        QString role;
        QString passwordHash;
    };

    /// Stores the login of an existing user; Error "duplicate_email" (param email) when the
    /// e-mail already logs in somewhere.
    static Status create(Database& db, const QString& userId, const QString& email,
                         const QString& passwordHash);
    static std::optional<Account> findByEmail(Database& db, const QString& email);
    static bool emailTaken(Database& db, const QString& email);

    /// What purgeExpired() deleted.
    struct Purged
    {
        int sessions = 0;
        int oauthCodes = 0;
        int oauthTokens = 0;
        int loginAttempts = 0;
        int idempotencyKeys = 0;
        int total() const
        {
            return sessions + oauthCodes + oauthTokens + loginAttempts + idempotencyKeys;
        }
    };
    /// Token hygiene: deletes what can no longer authenticate or matter: sessions, OAuth
    /// codes and tokens past their expiry, login-failure counters idle for a day (far
    /// beyond the throttle's window and longest lock), and expired Idempotency-Keys.
    /// dppserver runs it at start and every 10 minutes; safe from several processes.
    static Result<Purged> purgeExpired(Database& db, const QDateTime& now = {});
};

} // namespace dpp::store
