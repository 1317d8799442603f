#include "response.h"

#include <QJsonDocument>

namespace dpp::server {

Response Response::json(const QJsonObject& object, int status)
{
    return bytes(QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", status);
}

Response Response::json(const QJsonArray& array, int status)
{
    return bytes(QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json", status);
}

Response Response::error(const ApiError& error)
{
    return json(error.toJson(), error.status);
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    return r;
}

Response Response::bytes(const QByteArray& body, const QByteArray& contentType, int status)
{
    Response r;
    r.status = status;
    r.body = body;
    r.setHeader("Content-Type", contentType);
    return r;
}

Response Response::streamed(std::shared_ptr<BodyStream> stream, const QByteArray& contentType,
                            int status)
{
    Response r;
    r.status = status;
    r.stream = std::move(stream);
    r.setHeader("Content-Type", contentType);
    return r;
}

Response Response::live(std::function<void(std::shared_ptr<StreamSink>)> open,
                        const QByteArray& contentType)
{
    Response r;
    r.liveOpen = std::move(open);
    r.setHeader("Content-Type", contentType);
    return r;
}

QByteArray Response::chunk(const QByteArray& data)
{
    if (data.isEmpty())
        return QByteArrayLiteral("0\r\n\r\n");
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

void Response::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray Response::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool Response::isHtml() const
{
    // Compared in place, without a lower-cased copy: this runs on every answer.
    const QByteArray type = header("Content-Type");
    return type.size() >= 9 && qstrnicmp(type.constData(), 9, "text/html", 9) == 0;
}

QByteArray Response::serialize(bool headOnly) const
{
    QByteArray out;
    out.reserve(256 + (headOnly ? 0 : body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto& [key, value] : headers) {
        if (key.compare("Content-Length", Qt::CaseInsensitive) == 0 ||
            key.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            continue; // always computed here, so it can never disagree with the body
        out += key + ": " + value + "\r\n";
    }
    if (stream || liveOpen) {
        out += "Transfer-Encoding: chunked\r\n\r\n";
        return out;
    }
    // 1xx, 204 and 304 carry no body and no length (RFC 9110 §8.6).
    if (status >= 200 && status != 204 && status != 304)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n";
    if (!headOnly && status != 204 && status != 304)
        out += body;
    return out;
}

QByteArray Response::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace dpp::server
