#include "socketstreamsink.h"

#include "response.h"

namespace dpp::server {

SocketStreamSink::SocketStreamSink(QTcpSocket* socket, Ended ended)
    : m_socket(socket), m_ended(std::move(ended))
{}

std::shared_ptr<SocketStreamSink> SocketStreamSink::open(QTcpSocket* socket, Ended ended)
{
    std::shared_ptr<SocketStreamSink> sink(new SocketStreamSink(socket, std::move(ended)));
    // Weak: the subscriber list owns the sink; a socket signal must not keep it alive.
    const std::weak_ptr<SocketStreamSink> weak = sink;
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [weak] {
        if (auto s = weak.lock())
            s->ended(false);
    });
    // A stream answers exactly one request; anything the client sends afterwards is not
    // parsed (a pipelined request would otherwise be answered inside our chunked body), so
    // the HTTP parser's and the guard's readers are detached and the bytes dropped.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [weak] {
        if (auto s = weak.lock(); s && s->m_socket)
            s->m_socket->readAll();
    });
    return sink;
}

SocketStreamSink::~SocketStreamSink()
{
    // Nobody listens any more: end the body properly rather than leave the client hanging.
    m_closed = nullptr;
    if (m_open && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->write(Response::chunk({}));
        m_socket->disconnectFromHost();
    }
    if (m_open && m_ended)
        m_ended(m_bytes, true);
}

bool SocketStreamSink::write(const QByteArray& bytes)
{
    if (!isOpen())
        return false;
    if (bytes.isEmpty())
        return true; // an empty chunk would end the body
    m_socket->write(Response::chunk(bytes));
    m_bytes += bytes.size();
    return true;
}

qint64 SocketStreamSink::pendingBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool SocketStreamSink::isOpen() const
{
    return m_open && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void SocketStreamSink::close()
{
    if (!m_open)
        return;
    const auto self = shared_from_this(); // the closed handler may drop the last reference
    const QPointer<QTcpSocket> socket = m_socket;
    const bool connected = socket && socket->state() == QAbstractSocket::ConnectedState;
    if (connected)
        socket->write(Response::chunk({}));
    ended(true); // first: disconnectFromHost() may report the disconnect synchronously
    if (connected && socket)
        socket->disconnectFromHost(); // after the queued bytes are sent
}

void SocketStreamSink::abort()
{
    if (!m_open)
        return;
    const auto self = shared_from_this();
    const QPointer<QTcpSocket> socket = m_socket;
    ended(true); // first: abort() below reports the disconnect synchronously
    if (socket)
        socket->abort();
}

void SocketStreamSink::setClosedHandler(std::function<void()> handler)
{
    m_closed = std::move(handler);
}

void SocketStreamSink::ended(bool byServer)
{
    if (!m_open)
        return;
    m_open = false;
    // Keep ourselves alive: the closed handler typically drops the last reference.
    const auto self = shared_from_this();
    if (m_ended)
        m_ended(m_bytes, byServer);
    if (auto closed = std::move(m_closed))
        closed();
}

} // namespace dpp::server
