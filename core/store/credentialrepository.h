// CredentialRepository: login identities (e-mail + argon2id password hash) of users. Not
// scoped to a tenant: a login is how a request finds its tenant, so e-mails are unique
// across the whole store.
#pragma once

#include "database.h"

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
};

} // namespace dpp::store
