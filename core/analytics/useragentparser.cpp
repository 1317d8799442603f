#include "useragentparser.h"

#include <QByteArray>

namespace dpp::analytics {

namespace {

struct Rule
{
    const char* token; // matched case-insensitively anywhere in the header
    const char* value;
};

// Tokens that mark automated clients. "bot" alone is too broad (the Cubot phone brand),
// so it only counts right before a separator.
constexpr Rule kBots[] = {
    {"bot/", "bot"},           {"bot;", "bot"},
    {"bot)", "bot"},           {"bot-", "bot"},
    {"crawler", "bot"},        {"spider", "bot"},
    {"slurp", "bot"},          {"facebookexternalhit", "bot"},
    {"headlesschrome", "bot"}, {"curl/", "bot"},
    {"wget/", "bot"},          {"python-requests", "bot"},
    {"go-http-client", "bot"}, {"okhttp/", "bot"},
    {"lighthouse", "bot"},
};

// Tablets before phones: Android tablets lack "Mobile", iPads say "iPad".
constexpr Rule kDevices[] = {
    {"ipad", "tablet"},        {"tablet", "tablet"},        {"kindle", "tablet"},
    {"silk/", "tablet"},       {"playbook", "tablet"},      {"iphone", "mobile"},
    {"ipod", "mobile"},        {"windows phone", "mobile"}, {"blackberry", "mobile"},
    {"opera mini", "mobile"},  {"mobile", "mobile"},        {"android", "tablet"},
    {"windows nt", "desktop"}, {"macintosh", "desktop"},    {" cros ", "desktop"},
    {"x11", "desktop"},        {"linux", "desktop"},
};

constexpr Rule kSystems[] = {
    {"windows phone", "Windows Phone"},
    {"iphone", "iOS"},
    {"ipad", "iOS"},
    {"ipod", "iOS"},
    {"android", "Android"},
    {" cros ", "ChromeOS"},
    {"windows", "Windows"},
    {"mac os x", "macOS"},
    {"macintosh", "macOS"},
    {"linux", "Linux"},
};

constexpr Rule kBrowsers[] = {
    {"edg/", "Edge"},      {"edga/", "Edge"},       {"edgios/", "Edge"},
    {"opr/", "Opera"},     {"opera", "Opera"},      {"samsungbrowser/", "Samsung Internet"},
    {"crios/", "Chrome"},  {"fxios/", "Firefox"},   {"firefox/", "Firefox"},
    {"chrome/", "Chrome"}, {"chromium/", "Chrome"}, {"safari/", "Safari"},
};

template <std::size_t N> const char* firstMatch(const QByteArray& lower, const Rule (&rules)[N])
{
    for (const Rule& r : rules) {
        if (lower.contains(r.token))
            return r.value;
    }
    return nullptr;
}

} // namespace

UserAgentInfo UserAgentParser::parse(QByteArrayView userAgent)
{
    UserAgentInfo info;
    const QByteArray lower = userAgent.toByteArray().trimmed().toLower();
    if (lower.isEmpty())
        return info;
    if (const char* os = firstMatch(lower, kSystems))
        info.os = QString::fromLatin1(os);
    if (firstMatch(lower, kBots)) {
        info.device = QStringLiteral("bot");
        info.browser = QStringLiteral("bot");
        return info;
    }
    if (const char* device = firstMatch(lower, kDevices))
        info.device = QString::fromLatin1(device);
    if (const char* browser = firstMatch(lower, kBrowsers))
        info.browser = QString::fromLatin1(browser);
    return info;
}

} // namespace dpp::analytics
