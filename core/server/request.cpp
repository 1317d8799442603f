#include "request.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace dpp::server {

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool Request::hasHeader(QByteArrayView name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Result<QJsonObject> Request::jsonObject() const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{{},
                     QStringLiteral("request body is not valid JSON: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset),
                     QStringLiteral("malformed_json")};
    }
    if (!doc.isObject()) {
        return Error{{},
                     QStringLiteral("request body must be a JSON object"),
                     QStringLiteral("malformed_json")};
    }
    return doc.object();
}

} // namespace dpp::server
