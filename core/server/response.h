// Response: what a route handler returns. Serialised to HTTP/1.1 by the server, which also
// adds the headers every answer carries (security, CORS, rate limit, Content-Length).
#pragma once

#include "apierror.h"
#include "streamsink.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <functional>
#include <memory>

namespace dpp::server {

/// A body made while it is sent. The server calls next() whenever the connection has
/// room (so a slow client slows production: memory stays flat) until atEnd(). An error
/// from next() can no longer change the status, which has gone out: the connection is
/// cut without the final chunk, so the client sees a truncated, failed download.
struct BodyStream
{
    std::function<Result<QByteArray>()> next;
    std::function<bool()> atEnd;
};

struct Response
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// Set for streamed answers (Response::streamed): sent with chunked transfer coding
    /// after the head; `body` is unused.
    std::shared_ptr<BodyStream> stream;
    /// Set for live answers (Response::live): after the head, the transport calls this
    /// once with the open stream; whoever keeps the sink writes to it until either side
    /// closes. Sent with chunked transfer coding; `body` is unused.
    std::function<void(std::shared_ptr<StreamSink>)> liveOpen;

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
    static Response streamed(std::shared_ptr<BodyStream> stream, const QByteArray& contentType,
                             int status = 200);
    /// A long-lived answer pushed as things happen (Server-Sent Events): `open` receives
    /// the stream once the head is out. A HEAD request gets the head only.
    static Response live(std::function<void(std::shared_ptr<StreamSink>)> open,
                         const QByteArray& contentType);
    /// One chunk of chunked transfer coding (RFC 9112 §7.1); empty data is the last chunk.
    static QByteArray chunk(const QByteArray& data);

    /// Sets a header, replacing any value it had (names compare case-insensitively).
    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(QByteArrayView name) const;
    bool isHtml() const;

    /// The bytes on the wire. A HEAD answer keeps the GET answer's Content-Length but
    /// sends no body (RFC 9110 §9.3.2). For a streamed answer: the head only, announcing
    /// chunked transfer coding; the chunks follow as the stream makes them.
    QByteArray serialize(bool headOnly = false) const;

    static QByteArray reasonPhrase(int status);
};

} // namespace dpp::server
