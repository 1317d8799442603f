#include "scanevent.h"

#include <QUrl>

namespace dpp::analytics {

QString ScanEvent::referrerHostOf(QByteArrayView referer)
{
    const QByteArray trimmed = referer.toByteArray().trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(QString::fromUtf8(trimmed), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    return url.host(QUrl::FullyEncoded).toLower().left(253);
}

} // namespace dpp::analytics
