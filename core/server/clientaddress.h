// ClientAddress: which IP a request really comes from when it passed reverse proxies.
// `Forwarded` (RFC 7239) and `X-Forwarded-For` are believed only as far as the hops that
// added them are trusted proxies (dppserver --trusted-proxy CIDR); the answer is the
// right-most address that is not a trusted proxy.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace dpp::server {

class ClientAddress
{
public:
    using Subnet = QPair<QHostAddress, int>; // as QHostAddress::parseSubnet returns it

    /// "10.0.0.0/8", "2001:db8::/32" or a single address (a /32 or /128); Error param
    /// "trusted-proxy" otherwise.
    static Result<Subnet> parseSubnet(const QString& cidr);

    /// The client address for a request that arrived from `peer` with `headers` (lower-case
    /// names, all lines). Rules, as nginx's real_ip_recursive and most proxies apply them:
    /// * `peer` not trusted (or no trusted proxies configured): `peer`; the headers are
    ///   whatever the client wrote and are ignored.
    /// * Otherwise the hops are `Forwarded: for=` values when that header is present (it
    ///   wins over `X-Forwarded-For`, being the standard), else `X-Forwarded-For`, then
    ///   `peer`. Walking from the right, trusted hops are skipped and the first untrusted
    ///   address is the client.
    /// * A hop that is not an IP address ("unknown", an obfuscated "_node" name, garbage)
    ///   ends the walk: the trusted hop to its right is the best we know.
    /// * Every hop trusted: the left-most one.
    /// IPv4-mapped IPv6 addresses compare as IPv4.
    static QHostAddress resolve(const QHostAddress& peer,
                                const QList<QPair<QByteArray, QByteArray>>& headers,
                                const QList<Subnet>& trustedProxies);

    /// The address in one `for=` value or X-Forwarded-For entry: quotes, brackets and a
    /// port are removed. Null when it is not an IP address.
    static QHostAddress parseHop(QByteArray hop);
};

} // namespace dpp::server
