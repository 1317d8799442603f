#include "oauthclient.h"

#include "apikey.h"

#include <QJsonArray>
#include <QUrl>

namespace dpp::passport {

FieldErrors OAuthClient::validate() const
{
    FieldErrors errors;
    if (name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), QStringLiteral("is required")});
    else if (name.size() > 100)
        errors.append({QStringLiteral("name"), QStringLiteral("must be at most 100 characters")});
    if (redirectUris.isEmpty() || redirectUris.size() > 10)
        errors.append(
            {QStringLiteral("redirect_uris"), QStringLiteral("list 1 to 10 redirect URIs")});
    for (qsizetype i = 0; i < redirectUris.size(); ++i) {
        const QUrl url(redirectUris[i], QUrl::StrictMode);
        const QString param = QStringLiteral("redirect_uris[%1]").arg(i);
        const bool loopback =
            url.host() == u"localhost" || url.host() == u"127.0.0.1" || url.host() == u"::1";
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != u"https" && !(url.scheme() == u"http" && loopback)))
            errors.append({param, QStringLiteral("must be an absolute https URL (http only for "
                                                 "localhost/127.0.0.1)")});
        else if (url.hasFragment())
            errors.append({param, QStringLiteral("must not contain a fragment")});
    }
    if (scopes.isEmpty())
        errors.append({QStringLiteral("scopes"), QStringLiteral("at least one scope is required")});
    for (qsizetype i = 0; i < scopes.size(); ++i)
        if (!ApiKey::knownScopes().contains(scopes[i]))
            errors.append({QStringLiteral("scopes[%1]").arg(i),
                           QStringLiteral("unknown scope \"%1\"").arg(scopes[i])});
    return errors;
}

QJsonObject OAuthClient::toJson() const
{
    return {{QStringLiteral("client_id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("redirect_uris"), QJsonArray::fromStringList(redirectUris)},
            {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
            {QStringLiteral("confidential"), isConfidential()},
            {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace dpp::passport
