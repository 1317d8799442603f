#include "webhookurlpolicy.h"

#include <QUrl>

namespace dpp::webhooks {

namespace {
bool inV4(quint32 a, quint32 net, int bits)
{
    const quint32 mask = bits == 0 ? 0 : ~quint32(0) << (32 - bits);
    return (a & mask) == (net & mask);
}

Error urlError(const QString& message)
{
    return Error{QStringLiteral("url"), message, QStringLiteral("url_not_allowed")};
}
} // namespace

bool WebhookUrlPolicy::isInternal(const QHostAddress& address)
{
    if (address.isNull() || address.isLoopback() || address.isLinkLocal() ||
        address.isMulticast() || address.isBroadcast() || address.isUniqueLocalUnicast() ||
        address.isSiteLocal())
        return true;
    bool v4 = false;
    const quint32 a = address.toIPv4Address(&v4); // also IPv4-mapped IPv6
    if (v4) {
        return inV4(a, 0x00000000, 8) || inV4(a, 0x0A000000, 8) || inV4(a, 0x7F000000, 8) ||
               inV4(a, 0xA9FE0000, 16) || inV4(a, 0xAC100000, 12) || inV4(a, 0xC0A80000, 16) ||
               inV4(a, 0x64400000, 10) || inV4(a, 0xC0000000, 24) || inV4(a, 0xE0000000, 3);
    }
    return address == QHostAddress(QHostAddress::AnyIPv6);
}

Status WebhookUrlPolicy::check(const QString& url) const
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() ||
        (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")) ||
        parsed.host().isEmpty())
        return urlError(QStringLiteral("must be an absolute http:// or https:// URL"));
    if (m_allowPrivate)
        return Ok{};
    const QString host = parsed.host();
    QList<QHostAddress> addresses;
    if (QHostAddress literal; literal.setAddress(host)) {
        addresses.append(literal);
    } else {
        if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
            host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
            return urlError(QStringLiteral("points at this machine (%1); webhooks go to public "
                                           "hosts unless dppserver runs with "
                                           "--allow-private-webhooks")
                                .arg(host));
        // A name is not looked up here: check() runs in route handlers on the server's
        // one event-loop thread, where a blocking lookup of a slow name would stall every
        // request. The dispatcher resolves it (asynchronously) before every attempt and
        // applies checkAddresses() then; an unresolvable name fails that attempt.
        return Ok{};
    }
    return checkAddresses(host, addresses);
}

Status WebhookUrlPolicy::checkAddresses(const QString& host, const QList<QHostAddress>& addresses)
{
    for (const QHostAddress& a : addresses) {
        if (isInternal(a))
            return urlError(QStringLiteral("%1 resolves to %2, a loopback, private or "
                                           "link-local address; webhooks go to public hosts "
                                           "unless dppserver runs with --allow-private-webhooks")
                                .arg(host, a.toString()));
    }
    return Ok{};
}

} // namespace dpp::webhooks
