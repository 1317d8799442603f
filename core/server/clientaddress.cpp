#include "clientaddress.h"

namespace dpp::server {

namespace {

QHostAddress normalised(const QHostAddress& a)
{
    bool ok = false;
    const quint32 v4 = a.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : a;
}

bool isTrusted(const QHostAddress& a, const QList<ClientAddress::Subnet>& trusted)
{
    const QHostAddress n = normalised(a);
    for (const auto& subnet : trusted)
        if (n.isInSubnet(subnet))
            return true;
    return false;
}

// Splits on commas that are not inside a quoted string (Forwarded allows quoted values).
QList<QByteArray> splitList(const QByteArray& value, char separator)
{
    QList<QByteArray> out;
    QByteArray current;
    bool quoted = false;
    for (char c : value) {
        if (c == '"')
            quoted = !quoted;
        if (c == separator && !quoted) {
            out.append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
    }
    out.append(current.trimmed());
    return out;
}

// The hops named by the headers, left (client side) to right.
QList<QByteArray> hopsFrom(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QList<QByteArray> forwarded, xff;
    bool hasForwarded = false;
    for (const auto& [name, value] : headers) {
        if (name == "forwarded") {
            hasForwarded = true;
            for (const QByteArray& element : splitList(value, ',')) {
                QByteArray hop; // an element without for= still is a hop we cannot name
                for (const QByteArray& pair : splitList(element, ';')) {
                    const qsizetype eq = pair.indexOf('=');
                    if (eq > 0 && pair.left(eq).trimmed().toLower() == "for")
                        hop = pair.mid(eq + 1).trimmed();
                }
                forwarded.append(hop);
            }
        } else if (name == "x-forwarded-for") {
            for (const QByteArray& entry : value.split(','))
                xff.append(entry.trimmed());
        }
    }
    return hasForwarded ? forwarded : xff;
}

} // namespace

Result<ClientAddress::Subnet> ClientAddress::parseSubnet(const QString& cidr)
{
    const QString text = cidr.trimmed();
    Subnet subnet = QHostAddress::parseSubnet(text);
    if (subnet.first.isNull() && !text.contains(u'/')) {
        QHostAddress single;
        if (single.setAddress(text))
            subnet = {single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
    }
    if (subnet.first.isNull())
        return Error{
            QStringLiteral("trusted-proxy"),
            QStringLiteral("\"%1\" is not an address or CIDR range (e.g. 10.0.0.0/8)").arg(cidr),
            QStringLiteral("validation_error")};
    subnet.first = normalised(subnet.first);
    return subnet;
}

QHostAddress ClientAddress::parseHop(QByteArray hop)
{
    hop = hop.trimmed();
    if (hop.size() >= 2 && hop.startsWith('"') && hop.endsWith('"'))
        hop = hop.mid(1, hop.size() - 2).trimmed();
    if (hop.startsWith('[')) {
        const qsizetype end = hop.indexOf(']');
        if (end < 0)
            return {};
        hop = hop.mid(1, end - 1);
    } else if (hop.count(':') == 1) {
        hop = hop.left(hop.indexOf(':')); // IPv4 with a port
    }
    QHostAddress a;
    if (hop.isEmpty() || !a.setAddress(QString::fromLatin1(hop)))
        return {};
    return normalised(a);
}

QHostAddress ClientAddress::resolve(const QHostAddress& peer,
                                    const QList<QPair<QByteArray, QByteArray>>& headers,
                                    const QList<Subnet>& trustedProxies)
{
    if (trustedProxies.isEmpty() || !isTrusted(peer, trustedProxies))
        return peer;
    const QList<QByteArray> hops = hopsFrom(headers);
    QHostAddress client = peer;
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop = parseHop(hops[i]);
        if (hop.isNull())
            return client;
        client = hop;
        if (!isTrusted(hop, trustedProxies))
            return hop;
    }
    return client;
}

} // namespace dpp::server
