#include "apikeyauthenticator.h"

#include "request.h"
#include "store/apikeyrepository.h"

namespace dpp::server {

QString ApiKeyAuthenticator::presentedKey(const Request& request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return QString::fromLatin1(authorization.mid(7).trimmed());
    return QString::fromLatin1(request.header("x-api-key").trimmed());
}

Authenticator ApiKeyAuthenticator::make(const ApiContext& context)
{
    return [context](const Request& request) -> Result<Principal> {
        const QString secret = presentedKey(request);
        if (secret.isEmpty())
            return Error{{},
                         QStringLiteral("send an API key as `Authorization: Bearer sk_…` or "
                                        "`X-API-Key: sk_…`"),
                         QStringLiteral("unauthorized")};
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
