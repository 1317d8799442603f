// OAuthService: the OAuth2 authorization code flow with PKCE (RFC 6749, RFC 7636, S256
// only) for third-party applications: checking an authorization request, issuing the
// code after login and consent, and the token endpoint (code exchange, refresh token
// rotation with reuse detection). The /oauth routes only parse and render.
#pragma once

#include "accountservice.h"
#include "passport/oauthclient.h"
#include "store/database.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrlQuery>
#include <memory>
#include <optional>

namespace dpp::server {

class OAuthService
{
public:
    static constexpr qint64 kCodeSeconds = 60;

    OAuthService(std::shared_ptr<store::Database> db, bool sandbox)
        : m_db(std::move(db)), m_sandbox(sandbox)
    {}

    /// The query of GET /oauth/authorize, carried through the consent form unchanged.
    struct AuthorizeParams
    {
        QString responseType, clientId, redirectUri, scope, state, codeChallenge,
            codeChallengeMethod;
        static AuthorizeParams from(const QUrlQuery& query);
        QList<QPair<QString, QString>> fields() const; // name → value, for hidden inputs
    };

    struct AuthorizeCheck
    {
        std::optional<passport::OAuthClient> client;
        QString redirectUri; // the registered URI the answer goes to
        QStringList scopes;  // requested scopes (the client's own when none were asked)
        QString error;       // RFC 6749 §4.1.2.1 code; empty when the request is fine
        QString description;
        bool redirect = false; // false: the error must be shown, never redirected
    };
    /// RFC 6749 §4.1.2.1: an unknown client or a redirect URI that does not match exactly
    /// is shown to the user (never redirected); every other error goes to the client.
    AuthorizeCheck check(const AuthorizeParams& params) const;

    /// redirectUri with `params` added to its query (and state when not empty).
    static QString redirectTo(const QString& redirectUri,
                              const QList<QPair<QString, QString>>& params, const QString& state);

    struct Approval
    {
        QString redirect;          // where to send the browser (code or error); empty on `error`
        QString error;             // login failed: show the form again with this message
        int retryAfterSeconds = 0; // login throttled
    };
    /// The consent form was submitted: checks the login, then issues a code (approve) or
    /// answers access_denied (deny). Only users of the client's own tenant may authorize it.
    Approval decide(const AuthorizeParams& params, const QString& email, const QString& password,
                    bool approve, const QString& clientIp);

    struct TokenAnswer
    {
        int status = 200;
        QJsonObject body; // the token response, or {"error","error_description"} (§5.2)
    };
    /// POST /oauth/token with the form fields and the Authorization header (client_secret_basic).
    TokenAnswer token(const QUrlQuery& form, const QByteArray& authorization);

    /// POST /oauth/revoke (RFC 7009): the client authenticates as at the token endpoint and
    /// names a token; revoking a refresh token revokes its whole family (every access token
    /// issued from that authorization). Unknown tokens, and tokens of another client, are
    /// answered 200 too (§2.2: nothing to reveal), but only the client's own are revoked.
    TokenAnswer revoke(const QUrlQuery& form, const QByteArray& authorization);

    /// base64url(SHA-256(verifier)) without padding, as S256 defines it.
    static QString s256(const QString& verifier);

private:
    /// client_secret_basic, client_secret_post, or none (public clients); on failure
    /// `error` holds the answer.
    std::optional<passport::OAuthClient> authenticateClient(const QUrlQuery& form,
                                                            const QByteArray& authorization,
                                                            TokenAnswer& error) const;
    TokenAnswer exchangeCode(const passport::OAuthClient& client, const QUrlQuery& form);
    TokenAnswer refresh(const passport::OAuthClient& client, const QUrlQuery& form);

    std::shared_ptr<store::Database> m_db;
    bool m_sandbox = false;
};

} // namespace dpp::server
