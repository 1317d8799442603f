// ApiKey: a secret for the REST API. The key ("sk_live_…" or "sk_test_…") is
// shown once when created; only its SHA-256 is stored, plus a short visible
// prefix so people can tell their keys apart.
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct ApiKey
{
    QString id;
    QString tenantId;
    QString name;
    QString displayPrefix; // first characters of the key, e.g. "sk_live_Ab3x"
    QString hash;          // SHA-256 hex of the whole key
    QStringList scopes;
    bool test = false;
    QDateTime expiresAt; // invalid = never
    bool revoked = false;
    QDateTime createdAt;
    // Requests per minute for this key; 0 = the server's default (dppserver
    // --rate-limit). Read from the store on every request, so a change applies at once
    // in every server process sharing the store.
    int rateLimitPerMinute = 0;
    static constexpr int kMaxRateLimitPerMinute = 1000000;

    static const QStringList& knownScopes();
    static QString hashKey(const QString& secret);

    // A new key: fills displayPrefix/hash of `record` and returns the secret.
    static QString generate(ApiKey& record);

    FieldErrors validate() const;
    bool isUsable(const QDateTime& now) const
    {
        return !revoked && (!expiresAt.isValid() || now < expiresAt);
    }
    QJsonObject toJson() const; // never contains the secret or the hash
};

} // namespace dpp::passport
