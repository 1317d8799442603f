#include "apikeyauthenticator.h"

#include "passport/rolepolicy.h"
#include "request.h"
#include "store/apikeyrepository.h"
#include "store/oauthtokenrepository.h"
#include "store/sessionrepository.h"
#include "store/userrepository.h"

namespace dpp::server {

QString ApiKeyAuthenticator::presentedKey(const Request& request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return QString::fromLatin1(authorization.mid(7).trimmed());
    return QString::fromLatin1(request.header("x-api-key").trimmed());
}

namespace {

// What a user may do right now: the role is read with every request, so a role change or
// a removed user takes effect on the next request, like a key revocation.
Principal userPrincipal(const ApiContext& context, Principal::Kind kind, const QString& id,
                        const QString& tenantId, const QString& userId, const QString& role)
{
    Principal p;
    p.kind = kind;
    p.keyId = id;
    p.tenantId = tenantId;
    p.userId = userId;
    p.role = role;
    p.scopes = passport::RolePolicy::scopesFor(role);
    p.fieldLimits = passport::RolePolicy::fieldLimitsFor(role);
    if (role == u"supplier") {
        if (const auto user = store::UserRepository(*context.db, tenantId).get(userId))
            p.supplierId = user->supplierId;
    }
    return p;
}

Result<Principal> sessionPrincipal(const ApiContext& context, const QString& secret)
{
    const auto session = store::SessionRepository::authenticate(*context.db, secret);
    if (!session)
        return Error{{},
                     QStringLiteral("the session is unknown, expired or logged out; log in "
                                    "again"),
                     QStringLiteral("unauthorized")};
    return userPrincipal(context, Principal::Kind::Session, QStringLiteral("ses:") + session->id,
                         session->tenantId, session->userId, session->role);
}

Result<Principal> oauthPrincipal(const ApiContext& context, const QString& secret)
{
    const auto token =
        store::OAuthTokenRepository::find(*context.db, secret, QStringLiteral("access"));
    if (!token || token->revoked || !token->expiresAt.isValid() ||
        token->expiresAt <= QDateTime::currentDateTimeUtc())
        return Error{{},
                     QStringLiteral("the access token is unknown, expired or revoked"),
                     QStringLiteral("unauthorized")};
    Principal p =
        userPrincipal(context, Principal::Kind::OAuthToken, QStringLiteral("oat:") + token->id,
                      token->tenantId, token->userId, token->role);
    // Exactly what the user granted the application, and never more than the role allows.
    QStringList granted;
    for (const QString& s : token->scopes) {
        if (p.scopes.contains(s))
            granted.append(s);
    }
    p.scopes = granted;
    return p;
}

} // namespace

Authenticator ApiKeyAuthenticator::make(const ApiContext& context)
{
    return [context](const Request& request) -> Result<Principal> {
        const QString secret = presentedKey(request);
        if (secret.isEmpty())
            return Error{{},
                         QStringLiteral("send an API key as `Authorization: Bearer sk_…` or "
                                        "`X-API-Key: sk_…`, or a session or OAuth2 access "
                                        "token as `Authorization: Bearer …`"),
                         QStringLiteral("unauthorized")};
        if (secret.startsWith(QLatin1String("ses_")))
            return sessionPrincipal(context, secret);
        if (secret.startsWith(QLatin1String("oat_")))
            return oauthPrincipal(context, secret);
        // A sandbox must never be mistaken for production, in either direction.
        if (context.sandbox && !secret.startsWith(QLatin1String("sk_test_")))
            return Error{{},
                         QStringLiteral("this is a sandbox server; it accepts sk_test_ keys "
                                        "only"),
                         QStringLiteral("unauthorized")};
        const auto key = store::ApiKeyRepository::authenticate(*context.db, secret);
        if (!key)
            return Error{{},
                         QStringLiteral("the API key is unknown, revoked or expired"),
                         QStringLiteral("unauthorized")};
        Principal p;
        p.keyId = key->id;
        p.tenantId = key->tenantId;
        p.scopes = key->scopes;
        p.rateLimitPerMinute = key->rateLimitPerMinute;
        return p;
    };
}

} // namespace dpp::server
