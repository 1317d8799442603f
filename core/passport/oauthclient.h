// OAuthClient: a third-party application registered by a tenant for the OAuth2
// authorization code flow with PKCE: where it may be redirected and which scopes it may ask.
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct OAuthClient
{
    QString id; // the client_id
    QString tenantId;
    QString name;
    QStringList redirectUris; // compared exactly (RFC 6749 §3.1.2.3)
    QStringList scopes;       // the most the application may ask for
    QString secretHash;       // confidential clients only; SHA-256 of the client_secret
    QDateTime createdAt;

    bool isConfidential() const { return !secretHash.isEmpty(); }
    /// name 1–100 chars; 1–10 redirect URIs, absolute https (http only on loopback hosts,
    /// RFC 8252 §7.3), no fragment; known scopes.
    FieldErrors validate() const;
    QJsonObject toJson() const; // never the secret or its hash
};

} // namespace dpp::passport
