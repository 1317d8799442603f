// SocketStreamSink: a StreamSink on one client connection, written as chunked transfer
// coding. The Qt 6.4 pattern from research/qt.md §c.2: the socket is held by QPointer (6.4
// deletes it when the client leaves), so a write after a disconnect is a no-op, never a
// use-after-free. Lives in the server's thread; only that thread may call it.
#pragma once

#include "streamsink.h"

#include <QPointer>
#include <QTcpSocket>
#include <memory>

namespace dpp::server {

class SocketStreamSink : public StreamSink, public std::enable_shared_from_this<SocketStreamSink>
{
public:
    /// `ended(bytes, closedByServer)` runs once when the stream ends (for the request log).
    using Ended = std::function<void(qint64 bytes, bool closedByServer)>;

    /// Watches the socket for the client leaving; call after the head was written.
    static std::shared_ptr<SocketStreamSink> open(QTcpSocket* socket, Ended ended);
    ~SocketStreamSink() override;

    bool write(const QByteArray& bytes) override;
    qint64 pendingBytes() const override;
    bool isOpen() const override;
    void close() override;
    void abort() override;
    void setClosedHandler(std::function<void()> handler) override;

private:
    explicit SocketStreamSink(QTcpSocket* socket, Ended ended);
    void ended(bool byServer);

    QPointer<QTcpSocket> m_socket;
    Ended m_ended;
    std::function<void()> m_closed;
    qint64 m_bytes = 0;
    bool m_open = true;
};

} // namespace dpp::server
