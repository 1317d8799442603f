#include "connectionguard.h"

#include "apierror.h"
#include "response.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace dpp::server {

namespace {
constexpr int kLingerMs = 2000; // how long a rejected client may keep sending before we cut it
}

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const ConnectionLimits& limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    // Connected before the HTTP server connects its own slot (see GuardedServer), so
    // peek() shows bytes the parser has not consumed yet.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_idleTimer.interval() > 0)
            m_idleTimer.start();
        if (m_closeAfterFlush && m_socket && m_socket->bytesToWrite() == 0)
            closeWhenFlushed();
    });
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(std::max(0, m_limits.idleTimeoutMs));
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        // Handlers run synchronously, so a request in flight here means one half received:
        // the client went quiet mid-request, which is as idle as it gets.
        if (m_socket)
            m_socket->abort();
    });
    if (m_limits.idleTimeoutMs > 0)
        m_idleTimer.start();
    m_headTimer.setSingleShot(true);
    m_headTimer.setInterval(std::max(0, m_limits.headTimeoutMs));
    connect(&m_headTimer, &QTimer::timeout, this, [this] { reject(ApiError::requestTimeout()); });
}

bool ConnectionGuard::isIdle() const
{
    return m_state == State::Head && m_head.isEmpty() && m_awaiting.isEmpty() && m_socket &&
           m_socket->bytesToWrite() == 0;
}

void ConnectionGuard::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_idleTimer.interval() > 0)
        m_idleTimer.start();
    parserAttached(); // normally done already by GuardedServer; harmless when repeated
    if (m_state == State::Rejected) {
        m_socket->readAll(); // discard: nobody parses this connection any more
        return;
    }
    // Whatever the parser left unread last time (a pipelined request it will come back
    // to) was scanned already; only the bytes after it are new.
    const qint64 available = m_socket->bytesAvailable();
    const qint64 seen = std::clamp<qint64>(m_scannedUnread, 0, available);
    m_scannedUnread = available;
    scan(m_socket->peek(available).mid(seen));
}

void ConnectionGuard::parserAttached()
{
    if (m_parserAttached || !m_socket)
        return;
    m_parserAttached = true;
    // Runs after the HTTP server's own readyRead slot: Qt 6.4 parses one request per
    // round and leaves the rest of a pipelined batch in the socket (re-emitting readyRead
    // for it), so remember how much of what we scanned is still unread.
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        if (m_socket && m_state != State::Rejected)
            m_scannedUnread = m_socket->bytesAvailable();
    });
}

void ConnectionGuard::scan(const QByteArray& fresh)
{
    qsizetype i = 0;
    while (i < fresh.size() && m_state != State::Rejected) {
        if (m_state == State::Body) {
            const qint64 take = std::min<qint64>(m_bodyLeft, fresh.size() - i);
            m_bodyLeft -= take;
            i += take;
            if (m_bodyLeft == 0)
                m_state = State::Head;
            continue;
        }
        // Empty lines between requests are allowed (RFC 9112 §2.2).
        if (m_head.isEmpty()) {
            while (i < fresh.size() && (fresh.at(i) == '\r' || fresh.at(i) == '\n'))
                ++i;
            if (i == fresh.size())
                break;
        }
        const qsizetype before = m_head.size();
        if (before == 0 && m_limits.headTimeoutMs > 0)
            m_headTimer.start();
        const qsizetype room = m_limits.maxHeaderBytes + 4 - before;
        m_head.append(fresh.mid(i, std::max<qsizetype>(0, room)));
        const qsizetype end = m_head.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
        if (end < 0) {
            if (m_head.size() > m_limits.maxHeaderBytes) {
                reject(ApiError::headersTooLarge(m_limits.maxHeaderBytes));
                return;
            }
            i = fresh.size();
            break;
        }
        i += end + 4 - before;
        const QByteArray head = m_head.left(end);
        m_head.clear();
        m_headTimer.stop();
        if (!headComplete(head))
            return;
    }
}

bool ConnectionGuard::headComplete(const QByteArray& head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    m_method = requestLine.value(0);
    m_target = requestLine.value(1);
    const QByteArray version = requestLine.value(2);
    // Qt 6.4 drops a connection it cannot parse without a word; say what is wrong instead.
    if (requestLine.size() != 3 || m_method.isEmpty() || !m_target.startsWith('/') ||
        !(version == "HTTP/1.1" || version == "HTTP/1.0")) {
        reject(ApiError::badRequest(QStringLiteral("malformed_request"),
                                    QStringLiteral("malformed HTTP request line")));
        return false;
    }
    qint64 contentLength = 0;
    bool expectContinue = false;
    bool close = version == "HTTP/1.0"; // 1.0 closes unless it asks for keep-alive
    for (qsizetype n = 1; n < lines.size(); ++n) {
        const QByteArray& line = lines.at(n);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                reject(ApiError::badRequest(QStringLiteral("invalid_content_length"),
                                            QStringLiteral("Content-Length is not a number")));
                return false;
            }
        } else if (name == "transfer-encoding") {
            // We would have to parse chunks to know where the body ends; an API can
            // demand a length instead (RFC 9110 §15.5.12).
            reject(ApiError::lengthRequired());
            return false;
        } else if (name == "expect") {
            expectContinue = value.toLower() == "100-continue";
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                close = true;
            else if (v.contains("keep-alive"))
                close = false;
        }
    }
    if (contentLength > m_limits.maxBodyBytes) {
        reject(ApiError::payloadTooLarge(m_limits.maxBodyBytes));
        return false;
    }
    m_awaiting.append(close);
    if (contentLength > 0) {
        m_bodyLeft = contentLength;
        m_state = State::Body;
        // Qt 6.4 never answers this; without it clients wait about a second before
        // sending the body. The final answer follows once the body is in.
        if (expectContinue)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    return true;
}

bool ConnectionGuard::nextResponseCloses() const
{
    return m_draining || (!m_awaiting.isEmpty() && m_awaiting.first());
}

void ConnectionGuard::responseWritten()
{
    const bool close = nextResponseCloses();
    if (!m_awaiting.isEmpty())
        m_awaiting.removeFirst();
    if (close) {
        m_closeAfterFlush = true;
        if (m_socket && m_socket->bytesToWrite() == 0)
            closeWhenFlushed();
    }
}

void ConnectionGuard::drain()
{
    m_draining = true;
    // Bytes that reached the kernel before shutdown began belong to a request in flight:
    // read them (the HTTP server may even answer it right here) before judging the
    // connection idle, or a request sent just before SIGTERM would be cut off.
    const QPointer<ConnectionGuard> self(this);
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState &&
        m_socket->bytesAvailable() == 0)
        m_socket->waitForReadyRead(0);
    if (self && isIdle())
        closeWhenFlushed();
}

void ConnectionGuard::reject(const ApiError& error)
{
    if (!m_socket)
        return;
    Q_EMIT rejected(m_method, m_target, error.status);
    m_state = State::Rejected;
    m_headTimer.stop();
    Response r = Response::error(error);
    r.setHeader("Connection", "close");
    r.setHeader("X-Content-Type-Options", "nosniff");
    r.setHeader("Referrer-Policy", "no-referrer");
    if (error.status == 503)
        r.setHeader("Retry-After", "1");
    m_socket->write(r.serialize());
    m_socket->readAll();
    m_closeAfterFlush = true;
    if (m_socket->bytesToWrite() == 0)
        closeWhenFlushed();
}

void ConnectionGuard::closeWhenFlushed()
{
    if (!m_socket)
        return;
    m_closeAfterFlush = false;
    if (m_state != State::Rejected || qobject_cast<QSslSocket*>(m_socket.data())) {
        m_socket->disconnectFromHost();
        return;
    }
#ifdef Q_OS_UNIX
    // Lingering close: send FIN but keep reading (and discarding) for a while. Closing
    // with unread upload data makes the kernel send a reset, and the client may lose
    // the 413 we just wrote before reading it.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    QTimer::singleShot(kLingerMs, m_socket, [s = m_socket] {
        if (s)
            s->abort();
    });
#else
    m_socket->disconnectFromHost();
#endif
}

} // namespace dpp::server
