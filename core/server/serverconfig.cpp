#include "serverconfig.h"

#include <algorithm>

namespace dpp::server {

int ServerConfig::streamHeartbeat() const
{
    int ms = std::max(100, streamHeartbeatMs);
    if (limits.idleTimeoutMs > 0)
        ms = std::min(ms, std::max(100, limits.idleTimeoutMs / 2));
    return ms;
}

Status ServerConfig::setListen(const QString& hostPort)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    if (colon < 0)
        return Error{QStringLiteral("listen"),
                     QStringLiteral("expected HOST:PORT, got \"%1\"").arg(hostPort),
                     {}};
    QString hostPart = hostPort.left(colon);
    bool ok = false;
    const uint p = hostPort.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return Error{
            QStringLiteral("listen"),
            QStringLiteral("port must be 0–65535, got \"%1\"").arg(hostPort.mid(colon + 1)),
            {}};
    if (hostPart.startsWith(u'[') && hostPart.endsWith(u']'))
        hostPart = hostPart.mid(1, hostPart.size() - 2);
    QHostAddress address;
    if (hostPart.isEmpty())
        address = QHostAddress::Any;
    else if (hostPart == u"localhost")
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(hostPart))
        return Error{QStringLiteral("listen"),
                     QStringLiteral("\"%1\" is not an IP address").arg(hostPart),
                     {}};
    host = address;
    port = quint16(p);
    return Ok{};
}

Status ServerConfig::addTrustedProxy(const QString& cidr)
{
    auto subnet = ClientAddress::parseSubnet(cidr);
    if (!subnet.ok())
        return subnet.error();
    trustedProxies.append(*subnet);
    return Ok{};
}

} // namespace dpp::server
