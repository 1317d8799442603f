#include "apikey.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>

namespace dpp::passport {

const QStringList& ApiKey::knownScopes()
{
    // The REST API scopes (issue 5) first; the older store-level names stay valid so keys
    // created before them keep working.
    static const QStringList list = {"products:read",   "products:write",  "passports:read",
                                     "passports:write", "suppliers:read",  "suppliers:write",
                                     "analytics:read",  "serials:read",    "serials:write",
                                     "batteries:read",  "batteries:write", "webhooks:manage",
                                     "api_keys:manage", "documents:read",  "documents:write",
                                     "links:read",      "links:write",     "webhooks:write",
                                     "restricted:read", "admin",           "users:manage"};
    return list;
}

QString ApiKey::hashKey(const QString& secret)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString ApiKey::generate(ApiKey& record)
{
    // 32 random bytes from the OS generator, base64url: 256 bits, no padding.
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    const QString secret = QString::fromLatin1(record.test ? "sk_test_" : "sk_live_") +
                           QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding |
                                                              QByteArray::OmitTrailingEquals));
    record.hash = hashKey(secret);
    record.displayPrefix = secret.left(12);
    return secret;
}

FieldErrors ApiKey::validate() const
{
    FieldErrors errors;
    if (name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), QStringLiteral("is required")});
    else if (name.size() > 100)
        errors.append({QStringLiteral("name"), QStringLiteral("must be at most 100 characters")});
    if (scopes.isEmpty())
        errors.append({QStringLiteral("scopes"), QStringLiteral("at least one scope is required")});
    for (qsizetype i = 0; i < scopes.size(); ++i)
        if (!knownScopes().contains(scopes[i]))
            errors.append({QStringLiteral("scopes[%1]").arg(i),
                           QStringLiteral("unknown scope \"%1\"; known: %2")
                               .arg(scopes[i], knownScopes().join(QStringLiteral(", ")))});
    if (expiresAt.isValid() && createdAt.isValid() && expiresAt <= createdAt)
        errors.append({QStringLiteral("expires"), QStringLiteral("must be in the future")});
    return errors;
}

QJsonObject ApiKey::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("prefix"), displayPrefix},
            {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
            {QStringLiteral("test"), test},
            {QStringLiteral("expires_at"), expiresAt.isValid()
                                               ? QJsonValue(expiresAt.toUTC().toString(Qt::ISODate))
                                               : QJsonValue()},
            {QStringLiteral("revoked"), revoked},
            {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace dpp::passport
