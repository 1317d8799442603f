// WebhookSignature: how webhook bodies are signed and checked, outbound and inbound.
// X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")> with
// X-Webhook-Timestamp: <unix seconds>; the timestamp is inside the signed bytes, so a
// captured request cannot be replayed later than the tolerance.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace dpp::webhooks {

class WebhookSignature
{
public:
    static constexpr qint64 kDefaultToleranceSeconds = 300;

    /// "sha256=<hex>" over "<timestamp>.<body>"; with an empty timestamp over the body
    /// alone (the plain form some PIMs, e.g. DatoCMS set-ups, can produce).
    static QByteArray sign(const QByteArray& secret, const QByteArray& timestamp,
                           const QByteArray& body);

    enum class Check { Valid, Missing, Malformed, Mismatch, Expired };
    /// Checks `header` ("sha256=<hex>") with a constant-time compare. With a timestamp it
    /// must be within `toleranceSeconds` of `now` (either way: clocks drift).
    static Check verify(const QByteArray& secret, const QByteArray& timestamp,
                        const QByteArray& body, const QByteArray& header,
                        qint64 toleranceSeconds = kDefaultToleranceSeconds,
                        const QDateTime& now = QDateTime::currentDateTimeUtc());
    static bool isValid(const QByteArray& secret, const QByteArray& timestamp,
                        const QByteArray& body, const QByteArray& header)
    {
        return verify(secret, timestamp, body, header) == Check::Valid;
    }
    /// Why a check failed, for a 401 message and the logs.
    static QString describe(Check check);
    /// Byte-wise comparison whose time does not depend on where the inputs differ.
    static bool constantTimeEquals(const QByteArray& a, const QByteArray& b);
};

} // namespace dpp::webhooks
