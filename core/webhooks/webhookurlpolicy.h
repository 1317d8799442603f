// WebhookUrlPolicy: which webhook targets the server may call. Only http(s), and no
// address inside the operator's own network (loopback, private, link-local, unique-local,
// CGNAT, unspecified, multicast): otherwise any API key holder could make the server probe
// internal services (SSRF). dppserver --allow-private-webhooks lifts the address rule
// (tests and closed intranets).
#pragma once

#include "result.h"

#include <QHostAddress>
#include <QString>

namespace dpp::webhooks {

class WebhookUrlPolicy
{
public:
    explicit WebhookUrlPolicy(bool allowPrivate = false) : m_allowPrivate(allowPrivate) {}

    /// At subscription time: the scheme, and a literal address or localhost name against
    /// the address rule (no DNS lookup, see the .cpp); Error param "url".
    Status check(const QString& url) const;
    /// True for addresses a public webhook must not reach.
    static bool isInternal(const QHostAddress& address);
    /// The address rule on what `host` resolved to: an Error (param "url") naming the
    /// first internal address. Shared by check() (subscription time) and the dispatcher,
    /// which resolves again before every attempt (WebhookDispatcher).
    static Status checkAddresses(const QString& host, const QList<QHostAddress>& addresses);

private:
    bool m_allowPrivate;
};

} // namespace dpp::webhooks
