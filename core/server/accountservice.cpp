#include "accountservice.h"

#include "loginthrottle.h"
#include "passport/passwordhash.h"
#include "passport/rolepolicy.h"
#include "store/apikeyrepository.h"
#include "store/sessionrepository.h"
#include "store/tenantrepository.h"
#include "store/userrepository.h"

#include <QRegularExpression>

namespace dpp::server {

using passport::PasswordHash;
using passport::RolePolicy;

namespace {

// A required string field; Error naming it otherwise.
Result<QString> stringField(const QJsonObject& body, const QString& name)
{
    const QJsonValue v = body.value(name);
    if (v.isUndefined() || v.isNull())
        return Error{name, QStringLiteral("is required"), QStringLiteral("missing_field")};
    if (!v.isString())
        return Error{name, QStringLiteral("must be a string"), QStringLiteral("invalid_type")};
    return v.toString();
}

Status checkEmail(const QString& email)
{
    passport::User probe;
    probe.email = email.trimmed().toLower();
    probe.role = QStringLiteral("tenant_admin");
    if (const auto errors = probe.validate(); !errors.isEmpty())
        return Error{QStringLiteral("email"), errors.first().message,
                     QStringLiteral("validation_error")};
    return Ok{};
}

} // namespace

Result<AccountService::Registration> AccountService::registerAccount(const QJsonObject& body)
{
    const auto company = stringField(body, QStringLiteral("company_name"));
    if (!company)
        return company.error();
    const auto email = stringField(body, QStringLiteral("email"));
    if (!email)
        return email.error();
    const auto password = stringField(body, QStringLiteral("password"));
    if (!password)
        return password.error();
    const QJsonValue gcpValue = body.value(QStringLiteral("gcp"));
    if (gcpValue.isUndefined() || gcpValue.isNull())
        return Error{QStringLiteral("gcp"), QStringLiteral("is required"),
                     QStringLiteral("missing_field")};
    // A string: a GS1 Company Prefix may start with zeros a number would lose.
    if (!gcpValue.isString())
        return Error{QStringLiteral("gcp"),
                     QStringLiteral("must be a string of 7 to 12 digits (leading zeros count)"),
                     QStringLiteral("invalid_type")};
    const QString gcp = gcpValue.toString();

    passport::Tenant probe;
    probe.name = company->trimmed();
    if (const auto errors = probe.validate(); !errors.isEmpty())
        return Error{QStringLiteral("company_name"), errors.first().message,
                     QStringLiteral("validation_error")};
    if (Status s = checkEmail(*email); !s.ok())
        return s.error();
    if (Status s = PasswordHash::check(*password); !s.ok())
        return s.error();
    static const QRegularExpression digits(QStringLiteral("^[0-9]{7,12}$"));
    if (!digits.match(gcp).hasMatch())
        return Error{QStringLiteral("gcp"),
                     QStringLiteral("a GS1 Company Prefix for registration has 7 to 12 digits; "
                                    "got \"%1\"")
                         .arg(gcp.left(40)),
                     QStringLiteral("invalid_gcp")};
    if (store::CredentialRepository::emailTaken(*m_db, *email))
        return Error{QStringLiteral("email"), QStringLiteral("an account with this e-mail exists"),
                     QStringLiteral("duplicate_email")};
    if (store::TenantRepository(*m_db).findByName(probe.name))
        return Error{QStringLiteral("company_name"),
                     QStringLiteral("a company with this name is registered"),
                     QStringLiteral("duplicate_company")};

    // Hash outside the transaction: it is the slow part and needs no lock.
    const auto hash = PasswordHash::hash(*password);
    if (!hash)
        return hash.error();

    Registration out;
    const Status done = m_db->transaction([&]() -> Status {
        auto tenant = store::TenantRepository(*m_db).create(probe.name, {gcp});
        if (!tenant) {
            Error e = tenant.error();
            if (e.param == u"name" || e.code == u"duplicate")
                e.param = QStringLiteral("company_name");
            return e;
        }
        out.tenant = *tenant;
        auto user = store::UserRepository(*m_db, out.tenant.id)
                        .create(*email, QStringLiteral("tenant_admin"));
        if (!user)
            return user.error();
        out.user = *user;
        if (Status s =
                store::CredentialRepository::create(*m_db, out.user.id, out.user.email, *hash);
            !s.ok())
            return s;
        auto key = store::ApiKeyRepository(*m_db, out.tenant.id)
                       .create(QStringLiteral("registration"),
                               RolePolicy::scopesFor(QStringLiteral("tenant_admin")), m_sandbox);
        if (!key)
            return key.error();
        out.key = key->key;
        out.apiKey = key->secret;
        return Ok{};
    });
    if (!done.ok())
        return done.error();
    return out;
}

AccountService::CredentialCheck AccountService::verifyCredentials(const QString& email,
                                                                  const QString& password,
                                                                  const QString& clientIp)
{
    CredentialCheck check;
    if (const int wait = LoginThrottle::retryAfter(*m_db, email, clientIp); wait > 0) {
        check.retryAfterSeconds = wait;
        check.error = Error{{},
                            QStringLiteral("too many failed logins; retry after %1 s").arg(wait),
                            QStringLiteral("too_many_attempts")};
        return check;
    }
    const auto account = store::CredentialRepository::findByEmail(*m_db, email);
    // An unknown e-mail costs the same hashing work as a wrong password: the answer time
    // does not tell which e-mails have accounts.
    const bool ok =
        PasswordHash::verify(account ? account->passwordHash : PasswordHash::decoy(), password) &&
        account.has_value();
    if (!ok) {
        LoginThrottle::failed(*m_db, email, clientIp);
        check.error = Error{{},
                            QStringLiteral("the e-mail or the password is wrong"),
                            QStringLiteral("unauthorized")};
        return check;
    }
    LoginThrottle::succeeded(*m_db, email);
    check.account = account;
    return check;
}

Result<AccountService::Login>
AccountService::login(const QJsonObject& body, const QString& clientIp, CredentialCheck* checkOut)
{
    const auto email = stringField(body, QStringLiteral("email"));
    if (!email)
        return email.error();
    const auto password = stringField(body, QStringLiteral("password"));
    if (!password)
        return password.error();
    if (password->size() > PasswordHash::kMaxLength)
        return Error{QStringLiteral("password"),
                     QStringLiteral("must be at most %1 characters").arg(PasswordHash::kMaxLength),
                     QStringLiteral("password_too_long")};

    CredentialCheck check = verifyCredentials(*email, *password, clientIp);
    if (checkOut)
        *checkOut = check;
    if (!check.account)
        return check.error;
    const auto& account = *check.account;

    Login out;
    out.userId = account.userId;
    out.tenantId = account.tenantId;
    out.role = account.role;
    out.email = account.email;
    out.expiresAt = QDateTime::currentDateTimeUtc().addSecs(kSessionSeconds);
    const Status done = m_db->transaction([&]() -> Status {
        QString keyId;
        // The key carries what the role may do that an API key can hold at all.
        QStringList scopes;
        for (const QString& s : RolePolicy::scopesFor(account.role)) {
            if (passport::ApiKey::knownScopes().contains(s) &&
                !RolePolicy::fieldLimitsFor(account.role).contains(s))
                scopes.append(s);
        }
        if (!scopes.isEmpty()) {
            auto key = store::ApiKeyRepository(*m_db, account.tenantId)
                           .create(QStringLiteral("session ") + account.email.left(80), scopes,
                                   m_sandbox, out.expiresAt);
            if (!key)
                return key.error();
            keyId = key->key.id;
            out.apiKey = key->secret;
        }
        auto session = store::SessionRepository::create(*m_db, account.userId, account.tenantId,
                                                        keyId, out.expiresAt);
        if (!session)
            return session.error();
        out.sessionToken = session->secret;
        return Ok{};
    });
    if (!done.ok())
        return done.error();
    return out;
}

Status AccountService::logout(const QString& sessionToken)
{
    const auto session = store::SessionRepository::revoke(*m_db, sessionToken);
    if (!session)
        return Error{{},
                     QStringLiteral("send the session token as `Authorization: Bearer ses_…`; "
                                    "this one is unknown, expired or already logged out"),
                     QStringLiteral("unauthorized")};
    if (!session->apiKeyId.isEmpty())
        store::ApiKeyRepository(*m_db, session->tenantId).revoke(session->apiKeyId);
    return Ok{};
}

Result<passport::User> AccountService::createUser(const QString& tenantId,
                                                  const QStringList& callerScopes,
                                                  const QJsonObject& body)
{
    const auto email = stringField(body, QStringLiteral("email"));
    if (!email)
        return email.error();
    const auto password = stringField(body, QStringLiteral("password"));
    if (!password)
        return password.error();
    const auto role = stringField(body, QStringLiteral("role"));
    if (!role)
        return role.error();
    if (Status s = checkEmail(*email); !s.ok())
        return s.error();
    if (!passport::User::roles().contains(*role))
        return Error{QStringLiteral("role"),
                     QStringLiteral("must be one of: %1")
                         .arg(passport::User::roles().join(QStringLiteral(", "))),
                     QStringLiteral("validation_error")};
    if (!RolePolicy::canGrant(callerScopes, *role))
        return Error{
            QStringLiteral("role"),
            QStringLiteral("you cannot create a %1: it may do things you may not").arg(*role),
            QStringLiteral("forbidden")};
    QString supplierId;
    if (const QJsonValue v = body.value(QStringLiteral("supplier_id"));
        !v.isUndefined() && !v.isNull()) {
        if (!v.isString())
            return Error{QStringLiteral("supplier_id"), QStringLiteral("must be a string"),
                         QStringLiteral("validation_error")};
        supplierId = v.toString();
    }
    return store::UserRepository(*m_db, tenantId).createLogin(*email, *role, *password, supplierId);
}

} // namespace dpp::server
