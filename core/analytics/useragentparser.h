// UserAgentParser: turns a User-Agent header into the coarse device type, operating system
// and browser family that scan analytics counts. Table-driven substring rules, no version
// numbers and nothing that could single out a person.
#pragma once

#include <QByteArrayView>
#include <QString>

namespace dpp::analytics {

struct UserAgentInfo
{
    /// mobile | tablet | desktop | bot | unknown
    QString device = QStringLiteral("unknown");
    /// iOS, Android, Windows, macOS, Linux, ChromeOS, Windows Phone, or "other"
    QString os = QStringLiteral("other");
    /// Safari, Chrome, Firefox, Edge, Opera, Samsung Internet, bot, or "other"
    QString browser = QStringLiteral("other");
};

class UserAgentParser
{
public:
    /// Classifies one User-Agent value. Rules are checked in table order and the first
    /// match wins, which is how the more specific tokens ("Edg/", "CriOS/") beat the
    /// generic ones ("Chrome/", "Safari/") that those browsers also send.
    ///
    /// Decisions: crawlers, link unfurlers and HTTP libraries (curl, wget, python-requests)
    /// are device "bot" and still counted, so the device figures add up to the total;
    /// an empty or unrecognised value is "unknown". iPadOS 13+ Safari asks for desktop
    /// pages with a Macintosh user agent and is therefore counted as desktop/macOS: the
    /// header alone cannot tell them apart.
    static UserAgentInfo parse(QByteArrayView userAgent);
};

} // namespace dpp::analytics
