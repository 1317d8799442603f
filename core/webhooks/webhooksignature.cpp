#include "webhooksignature.h"

#include <QMessageAuthenticationCode>

namespace dpp::webhooks {

QByteArray WebhookSignature::sign(const QByteArray& secret, const QByteArray& timestamp,
                                  const QByteArray& body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    if (!timestamp.isEmpty()) {
        mac.addData(timestamp);
        mac.addData(".");
    }
    mac.addData(body);
    return "sha256=" + mac.result().toHex();
}

bool WebhookSignature::constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    // Length is not secret (always 71 bytes for a well-formed header); the contents are.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

WebhookSignature::Check WebhookSignature::verify(const QByteArray& secret,
                                                 const QByteArray& timestamp,
                                                 const QByteArray& body, const QByteArray& header,
                                                 qint64 toleranceSeconds, const QDateTime& now)
{
    const QByteArray given = header.trimmed();
    if (given.isEmpty())
        return Check::Missing;
    if (!given.startsWith("sha256=") || given.size() != 7 + 64)
        return Check::Malformed;
    if (!timestamp.isEmpty()) {
        bool ok = false;
        const qint64 seconds = timestamp.trimmed().toLongLong(&ok);
        if (!ok)
            return Check::Malformed;
        if (qAbs(now.toSecsSinceEpoch() - seconds) > toleranceSeconds)
            return Check::Expired;
    }
    // Compare lower-case hex; senders may write upper case.
    return constantTimeEquals(sign(secret, timestamp.trimmed(), body), given.toLower())
               ? Check::Valid
               : Check::Mismatch;
}

QString WebhookSignature::describe(Check check)
{
    switch (check) {
    case Check::Valid:
        return QStringLiteral("valid");
    case Check::Missing:
        return QStringLiteral("the X-Webhook-Signature header is missing");
    case Check::Malformed:
        return QStringLiteral("X-Webhook-Signature must be sha256=<64 hex digits> and "
                              "X-Webhook-Timestamp a number of seconds");
    case Check::Mismatch:
        return QStringLiteral("X-Webhook-Signature does not match the body and the secret");
    case Check::Expired:
        return QStringLiteral("X-Webhook-Timestamp is more than 5 minutes away from now");
    }
    return {};
}

} // namespace dpp::webhooks
