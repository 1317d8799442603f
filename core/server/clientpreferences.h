// ClientPreferences: what a resolver request says about the link it wants: languages
// (Accept-Language), media types (Accept), audience (?context=) and device (User-Agent).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace dpp::server {

struct ClientPreferences
{
    QList<QString> languages;  // Accept-Language ranges with q > 0, best first ("*" dropped)
    QList<QString> mediaTypes; // Accept ranges with q > 0, best first ("*/*" dropped)
    QString context;           // the ?context= value, as given
    QString device;            // ios | android | desktop

    static ClientPreferences from(const QByteArray& acceptLanguage, const QByteArray& accept,
                                  const QByteArray& userAgent, const QString& context);

    /// "a, b;q=0.5, c;q=0" → ["a", "b"]; stable for equal q (header order wins).
    static QList<QString> parseQualityList(const QByteArray& header);
    /// iPhone/iPad/iPod → ios, Android → android, anything else → desktop.
    static QString deviceOf(const QByteArray& userAgent);
};

} // namespace dpp::server
