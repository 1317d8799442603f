// Response: what a route handler returns. Serialised to HTTP/1.1 by the server, which also
// adds the headers every answer carries (security, CORS, rate limit, Content-Length).
#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace dpp::server {

struct Response
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static Response json(const QJsonObject& object, int status = 200);
    static Response json(const QJsonArray& array, int status = 200);
    static Response error(const ApiError& error);
    /// A core error, mapped to its status by ApiError::fromError.
    static Response fromError(const Error& error)
    {
        return Response::error(ApiError::fromError(error));
    }
    static Response noContent();
    static Response bytes(const QByteArray& body, const QByteArray& contentType, int status = 200);

    /// Sets a header, replacing any value it had (names compare case-insensitively).
    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(QByteArrayView name) const;
    bool isHtml() const;

    /// The bytes on the wire. A HEAD answer keeps the GET answer's Content-Length but
    /// sends no body (RFC 9110 §9.3.2).
    QByteArray serialize(bool headOnly = false) const;

    static QByteArray reasonPhrase(int status);
};

} // namespace dpp::server
