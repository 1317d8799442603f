// StreamSink: the open end of a long-lived answer (Server-Sent Events) as route code sees
// it. The HTTP adapter implements it on the client's socket, so handlers and core stay free
// of Qt HTTP Server types; everything here runs in the server's thread.
#pragma once

#include <QByteArray>
#include <functional>

namespace dpp::server {

class StreamSink
{
public:
    virtual ~StreamSink() = default;

    /// Sends bytes now (as one chunk of the chunked body); false when the stream is closed.
    virtual bool write(const QByteArray& bytes) = 0;
    /// Bytes written but not yet taken by the client's TCP stack: how far a slow reader
    /// is behind.
    virtual qint64 pendingBytes() const = 0;
    virtual bool isOpen() const = 0;
    /// Ends the body properly (last chunk) and closes the connection once it is sent.
    virtual void close() = 0;
    /// Cuts the connection at once (a client too slow to keep up).
    virtual void abort() = 0;
    /// Called once when the stream ends for any reason (client left, close(), abort(),
    /// server shutdown). Not called for a sink destroyed while open.
    virtual void setClosedHandler(std::function<void()> handler) = 0;
};

} // namespace dpp::server
