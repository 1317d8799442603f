#include "oauthservice.h"

#include "passport/rolepolicy.h"
#include "passport/secrettoken.h"
#include "store/oauthclientrepository.h"
#include "store/oauthcoderepository.h"
#include "store/oauthtokenrepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>

namespace dpp::server {

using passport::OAuthClient;
using store::OAuthCodeRepository;
using store::OAuthTokenRepository;

namespace {

OAuthService::TokenAnswer oauthError(const char* error, const QString& description,
                                     int status = 400)
{
    return {status, QJsonObject{{QStringLiteral("error"), QString::fromLatin1(error)},
                                {QStringLiteral("error_description"), description}}};
}

OAuthService::TokenAnswer tokenResponse(const OAuthTokenRepository::Pair& pair)
{
    return {200, QJsonObject{{QStringLiteral("access_token"), pair.accessToken},
                             {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                             {QStringLiteral("expires_in"), pair.expiresIn},
                             {QStringLiteral("refresh_token"), pair.refreshToken},
                             {QStringLiteral("scope"), pair.scopes.join(u' ')}}};
}

QString formValue(const QUrlQuery& form, const char* name)
{
    return form.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

} // namespace

OAuthService::AuthorizeParams OAuthService::AuthorizeParams::from(const QUrlQuery& query)
{
    const auto v = [&](const char* name) { return formValue(query, name); };
    return {v("response_type"), v("client_id"),      v("redirect_uri"),         v("scope"),
            v("state"),         v("code_challenge"), v("code_challenge_method")};
}

QList<QPair<QString, QString>> OAuthService::AuthorizeParams::fields() const
{
    return {{QStringLiteral("response_type"), responseType},
            {QStringLiteral("client_id"), clientId},
            {QStringLiteral("redirect_uri"), redirectUri},
            {QStringLiteral("scope"), scope},
            {QStringLiteral("state"), state},
            {QStringLiteral("code_challenge"), codeChallenge},
            {QStringLiteral("code_challenge_method"), codeChallengeMethod}};
}

OAuthService::AuthorizeCheck OAuthService::check(const AuthorizeParams& p) const
{
    AuthorizeCheck c;
    const auto fail = [&c](const char* error, const QString& description, bool redirect) {
        c.error = QString::fromLatin1(error);
        c.description = description;
        c.redirect = redirect;
        return c;
    };
    if (p.clientId.isEmpty())
        return fail("invalid_request", QStringLiteral("client_id is missing"), false);
    c.client = store::OAuthClientRepository::find(*m_db, p.clientId);
    if (!c.client)
        return fail("invalid_client", QStringLiteral("client_id is not a registered application"),
                    false);
    if (p.redirectUri.isEmpty()) {
        // RFC 6749 §3.1.2.3: may be left out when exactly one URI is registered.
        if (c.client->redirectUris.size() != 1)
            return fail("invalid_request",
                        QStringLiteral("redirect_uri is missing and the application registered "
                                       "several"),
                        false);
        c.redirectUri = c.client->redirectUris.first();
    } else if (!c.client->redirectUris.contains(p.redirectUri)) {
        return fail("invalid_request",
                    QStringLiteral("redirect_uri does not match a registered one exactly"), false);
    } else {
        c.redirectUri = p.redirectUri;
    }
    // From here on the redirect URI is trusted: errors go back to the application.
    if (p.responseType != u"code")
        return fail("unsupported_response_type", QStringLiteral("response_type must be \"code\""),
                    true);
    if (p.codeChallenge.isEmpty())
        return fail("invalid_request", QStringLiteral("code_challenge is required (PKCE)"), true);
    if (p.codeChallengeMethod != u"S256")
        return fail("invalid_request",
                    QStringLiteral("code_challenge_method must be S256; plain is not accepted"),
                    true);
    static const QRegularExpression b64(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    if (!b64.match(p.codeChallenge).hasMatch())
        return fail("invalid_request",
                    QStringLiteral("code_challenge must be 43 base64url characters (S256)"), true);
    c.scopes = p.scope.split(u' ', Qt::SkipEmptyParts);
    if (c.scopes.isEmpty())
        c.scopes = c.client->scopes;
    for (const QString& s : c.scopes) {
        if (!c.client->scopes.contains(s))
            return fail("invalid_scope",
                        QStringLiteral("the application may not ask for %1").arg(s.left(60)), true);
    }
    return c;
}

QString OAuthService::redirectTo(const QString& redirectUri,
                                 const QList<QPair<QString, QString>>& params, const QString& state)
{
    // Appended by hand: the registered URI's own query stays byte for byte as registered.
    QString url = redirectUri;
    auto all = params;
    if (!state.isEmpty())
        all.append({QStringLiteral("state"), state});
    for (const auto& [k, v] : all) {
        url += url.contains(u'?') ? u'&' : u'?';
        url += k + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(v));
    }
    return url;
}

OAuthService::Approval OAuthService::decide(const AuthorizeParams& params, const QString& email,
                                            const QString& password, bool approve,
                                            const QString& clientIp)
{
    Approval a;
    const AuthorizeCheck c = check(params);
    if (!c.error.isEmpty()) {
        if (c.redirect)
            a.redirect = redirectTo(c.redirectUri,
                                    {{QStringLiteral("error"), c.error},
                                     {QStringLiteral("error_description"), c.description}},
                                    params.state);
        else
            a.error = c.description;
        return a;
    }
    if (!approve) {
        a.redirect =
            redirectTo(c.redirectUri,
                       {{QStringLiteral("error"), QStringLiteral("access_denied")},
                        {QStringLiteral("error_description"), QStringLiteral("the user declined")}},
                       params.state);
        return a;
    }
    const auto login = AccountService(m_db, m_sandbox).verifyCredentials(email, password, clientIp);
    if (!login.account) {
        a.error = login.error.message;
        a.retryAfterSeconds = login.retryAfterSeconds;
        return a;
    }
    if (login.account->tenantId != c.client->tenantId) {
        a.error = QStringLiteral("this application is registered by another organisation; log in "
                                 "with an account of that organisation");
        return a;
    }
    QStringList granted;
    const QStringList roleScopes = passport::RolePolicy::scopesFor(login.account->role);
    for (const QString& s : c.scopes) {
        if (roleScopes.contains(s))
            granted.append(s);
    }
    if (granted.isEmpty()) {
        a.redirect = redirectTo(c.redirectUri,
                                {{QStringLiteral("error"), QStringLiteral("invalid_scope")},
                                 {QStringLiteral("error_description"),
                                  QStringLiteral("your role allows none of the requested scopes")}},
                                params.state);
        return a;
    }
    OAuthCodeRepository::Code code;
    code.clientId = c.client->id;
    code.userId = login.account->userId;
    code.tenantId = login.account->tenantId;
    code.redirectUri = c.redirectUri;
    code.scopes = granted;
    code.codeChallenge = params.codeChallenge;
    code.expiresAt = QDateTime::currentDateTimeUtc().addSecs(kCodeSeconds);
    const auto secret = OAuthCodeRepository::issue(*m_db, code);
    if (!secret) {
        a.redirect =
            redirectTo(c.redirectUri, {{QStringLiteral("error"), QStringLiteral("server_error")}},
                       params.state);
        return a;
    }
    a.redirect = redirectTo(c.redirectUri, {{QStringLiteral("code"), *secret}}, params.state);
    return a;
}

QString OAuthService::s256(const QString& verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<OAuthClient> OAuthService::authenticateClient(const QUrlQuery& form,
                                                            const QByteArray& authorization,
                                                            TokenAnswer& error) const
{
    QString clientId = formValue(form, "client_id");
    QString secret = formValue(form, "client_secret");
    if (authorization.size() > 6 && authorization.left(6).toLower() == "basic ") {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0) {
            error =
                oauthError("invalid_client", QStringLiteral("malformed Basic credentials"), 401);
            return std::nullopt;
        }
        clientId = QUrl::fromPercentEncoding(decoded.left(colon));
        secret = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
    }
    if (clientId.isEmpty()) {
        error = oauthError("invalid_request", QStringLiteral("client_id is missing"));
        return std::nullopt;
    }
    const auto client = store::OAuthClientRepository::find(*m_db, clientId);
    if (!client) {
        error = oauthError("invalid_client", QStringLiteral("unknown client_id"), 401);
        return std::nullopt;
    }
    if (client->isConfidential() && passport::SecretToken::hash(secret) != client->secretHash) {
        error =
            oauthError("invalid_client", QStringLiteral("client_secret is missing or wrong"), 401);
        return std::nullopt;
    }
    return client;
}

OAuthService::TokenAnswer OAuthService::revoke(const QUrlQuery& form,
                                               const QByteArray& authorization)
{
    TokenAnswer refused;
    const auto client = authenticateClient(form, authorization, refused);
    if (!client)
        return refused;
    const QString secret = formValue(form, "token");
    if (secret.isEmpty())
        return oauthError("invalid_request", QStringLiteral("token is missing"));
    // The hint only orders the lookup (§2.1); an unknown hint is ignored, not an error.
    QStringList kinds{QStringLiteral("access"), QStringLiteral("refresh")};
    if (formValue(form, "token_type_hint") == u"refresh_token")
        std::reverse(kinds.begin(), kinds.end());
    for (const QString& kind : kinds) {
        const auto token = store::OAuthTokenRepository::find(*m_db, secret, kind);
        if (!token)
            continue;
        if (token->clientId != client->id)
            break; // not this client's to revoke; answered like an unknown token
        const Status done = kind == u"refresh"
                                ? store::OAuthTokenRepository::revokeFamily(*m_db, token->family)
                                : store::OAuthTokenRepository::revoke(*m_db, token->id);
        if (!done.ok())
            return oauthError("server_error", QStringLiteral("the token could not be revoked"),
                              503);
        break;
    }
    return TokenAnswer{200, QJsonObject{}};
}

OAuthService::TokenAnswer OAuthService::token(const QUrlQuery& form,
                                              const QByteArray& authorization)
{
    TokenAnswer refused;
    const auto client = authenticateClient(form, authorization, refused);
    if (!client)
        return refused;

    const QString grant = formValue(form, "grant_type");
    if (grant.isEmpty())
        return oauthError("invalid_request", QStringLiteral("grant_type is missing"));
    if (grant == u"authorization_code")
        return exchangeCode(*client, form);
    if (grant == u"refresh_token")
        return refresh(*client, form);
    return oauthError("unsupported_grant_type",
                      QStringLiteral("grant_type must be authorization_code or refresh_token"));
}

OAuthService::TokenAnswer OAuthService::exchangeCode(const OAuthClient& client,
                                                     const QUrlQuery& form)
{
    const QString codeSecret = formValue(form, "code");
    const QString verifier = formValue(form, "code_verifier");
    if (codeSecret.isEmpty())
        return oauthError("invalid_request", QStringLiteral("code is missing"));
    if (verifier.isEmpty())
        return oauthError("invalid_request", QStringLiteral("code_verifier is missing (PKCE)"));
    static const QRegularExpression verifierSyntax(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
    if (!verifierSyntax.match(verifier).hasMatch())
        return oauthError("invalid_request",
                          QStringLiteral("code_verifier must be 43 to 128 characters of "
                                         "A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1)"));

    // The code is used up by this call whatever happens next: a failed exchange must not
    // leave a code an attacker could retry with other verifiers.
    const auto redeemed = OAuthCodeRepository::redeem(*m_db, codeSecret);
    if (redeemed.replay) {
        // RFC 6749 §4.1.2: a code used twice revokes what it was exchanged for.
        OAuthTokenRepository::revokeFamily(*m_db, redeemed.family);
        return oauthError("invalid_grant",
                          QStringLiteral("the code was used already; its tokens are revoked"));
    }
    if (!redeemed.code)
        return oauthError("invalid_grant", QStringLiteral("the code is unknown"));
    const auto& code = *redeemed.code;
    if (code.clientId != client.id)
        return oauthError("invalid_grant", QStringLiteral("the code was issued to another client"));
    if (!code.expiresAt.isValid() || code.expiresAt <= QDateTime::currentDateTimeUtc())
        return oauthError("invalid_grant", QStringLiteral("the code has expired (60 s)"));
    const QString redirectUri = formValue(form, "redirect_uri");
    if (!redirectUri.isEmpty() && redirectUri != code.redirectUri)
        return oauthError("invalid_grant",
                          QStringLiteral("redirect_uri differs from the authorization request"));
    if (s256(verifier) != code.codeChallenge)
        return oauthError("invalid_grant",
                          QStringLiteral("code_verifier does not match the code_challenge"));
    const auto pair = OAuthTokenRepository::issue(*m_db, code.family, client.id, code.userId,
                                                  code.tenantId, code.scopes);
    if (!pair)
        return oauthError("server_error", QStringLiteral("the tokens could not be stored"), 500);
    return tokenResponse(*pair);
}

OAuthService::TokenAnswer OAuthService::refresh(const OAuthClient& client, const QUrlQuery& form)
{
    const QString secret = formValue(form, "refresh_token");
    if (secret.isEmpty())
        return oauthError("invalid_request", QStringLiteral("refresh_token is missing"));
    const auto token = OAuthTokenRepository::find(*m_db, secret, QStringLiteral("refresh"));
    if (!token || token->clientId != client.id)
        return oauthError("invalid_grant", QStringLiteral("the refresh token is unknown"));
    if (token->revoked)
        return oauthError("invalid_grant", QStringLiteral("the refresh token is revoked"));
    // A rotated token presented again means it leaked: end the whole authorization
    // (OAuth 2.0 Security BCP §4.14.2). markUsed also settles two concurrent refreshes.
    if (token->used || !OAuthTokenRepository::markUsed(*m_db, token->id)) {
        OAuthTokenRepository::revokeFamily(*m_db, token->family);
        return oauthError("invalid_grant",
                          QStringLiteral("the refresh token was used already; every token of "
                                         "this authorization is revoked"));
    }
    if (!token->expiresAt.isValid() || token->expiresAt <= QDateTime::currentDateTimeUtc())
        return oauthError("invalid_grant", QStringLiteral("the refresh token has expired"));
    const auto pair = OAuthTokenRepository::issue(*m_db, token->family, client.id, token->userId,
                                                  token->tenantId, token->scopes);
    if (!pair)
        return oauthError("server_error", QStringLiteral("the tokens could not be stored"), 500);
    return tokenResponse(*pair);
}

} // namespace dpp::server
