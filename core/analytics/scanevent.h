// ScanEvent: one resolver hit as stored for analytics, after enrichment: which product and
// key level, when, roughly where (country/region/city), on what kind of device, from which
// referring site. It deliberately has no field for the client address, the full user
// agent, the full referrer URL, or the lot/serial asked for (a serial can tie a scan to
// the one person who owns that item).
#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace dpp::analytics {

struct ScanEvent
{
    QString tenantId;
    QString productId;
    QString gtin;     // 14 digits
    QString keyLevel; // gtin | lot | serial
    QString linkType; // link type served, e.g. "gs1:defaultLink"
    QDateTime at;     // UTC
    QString country;  // ISO 3166-1 alpha-2; empty: unknown (no GeoIP database or no record)
    QString region;
    QString city;
    QString device;       // mobile | tablet | desktop | bot | unknown
    QString os;           // see UserAgentParser
    QString browser;      // see UserAgentParser
    QString referrerHost; // host part of the Referer header only; empty when none

    /// The host of a Referer value, lower case, or empty when it has none (relative or
    /// malformed values). Path and query are dropped: they can carry personal data.
    static QString referrerHostOf(QByteArrayView referer);
};

} // namespace dpp::analytics
