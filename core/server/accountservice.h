// AccountService: registration, password login, logout and user creation: what the
// /v1/auth routes and the OAuth2 login form call. Everything is checked here (field
// names in errors match the JSON bodies), the routes only parse and answer.
#pragma once

#include "passport/apikey.h"
#include "passport/tenant.h"
#include "passport/user.h"
#include "store/credentialrepository.h"
#include "store/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace dpp::server {

class AccountService
{
public:
    /// `sandbox`: API keys handed out are sk_test_ ones.
    AccountService(std::shared_ptr<store::Database> db, bool sandbox)
        : m_db(std::move(db)), m_sandbox(sandbox)
    {}

    static constexpr qint64 kSessionSeconds = 12 * 3600;

    struct Registration
    {
        passport::Tenant tenant;
        passport::User user; // role tenant_admin
        passport::ApiKey key;
        QString apiKey; // the secret, shown once
    };
    /// {company_name, email, password (≥ 8), gcp (7–12 digits)} → tenant, its first user
    /// and API key, in one transaction. Errors name the field; a taken e-mail is
    /// "duplicate_email" (409).
    Result<Registration> registerAccount(const QJsonObject& body);

    struct CredentialCheck
    {
        std::optional<store::CredentialRepository::Account> account;
        Error error;               // when no account: "unauthorized" or "too_many_attempts"
        int retryAfterSeconds = 0; // for "too_many_attempts"
    };
    /// Checks an e-mail and password under the LoginThrottle rules.
    CredentialCheck verifyCredentials(const QString& email, const QString& password,
                                      const QString& clientIp);

    struct Login
    {
        QString sessionToken;
        QDateTime expiresAt;
        QString apiKey; // bound to the session: expires with it, revoked at logout
        QString userId;
        QString tenantId;
        QString role;
        QString email;
    };
    /// {email, password} → a session. On failure `check` tells why (see CredentialCheck).
    Result<Login> login(const QJsonObject& body, const QString& clientIp,
                        CredentialCheck* check = nullptr);
    /// Ends the session of `sessionToken` and revokes its API key.
    Status logout(const QString& sessionToken);

    /// {email, password, role} → a user of `tenantId` who can log in. The caller cannot
    /// create a role with scopes it does not hold itself ("forbidden", param role).
    Result<passport::User> createUser(const QString& tenantId, const QStringList& callerScopes,
                                      const QJsonObject& body);

private:
    std::shared_ptr<store::Database> m_db;
    bool m_sandbox = false;
};

} // namespace dpp::server
