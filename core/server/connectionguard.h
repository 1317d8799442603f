// ConnectionGuard: watches one client connection for the limits Qt HTTP Server 6.4 lacks:
// oversized heads (431) and bodies (413, refused from the head, before the body is read),
// chunked uploads (411), `Expect: 100-continue`, slow heads (408) and an idle timeout. It sees
// every byte before the HTTP parser does because its readyRead slot is connected first, and a
// second slot after the parser's tells it how much the parser left unread.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <QTcpSocket>

namespace dpp::server {

struct ApiError;

struct ConnectionLimits
{
    qint64 maxBodyBytes = 25LL * 1024 * 1024;
    qint64 maxHeaderBytes = 16 * 1024; // request line + headers
    int idleTimeoutMs = 30000;         // no bytes either way for this long closes the connection
    int headTimeoutMs = 30000; // a request head must be complete this long after its first byte
                               // (a client trickling bytes never looks idle)
    int maxConnections = 256;  // more concurrent connections are answered 503
};

class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    /// Becomes a child of the socket, so it lives exactly as long as the connection.
    ConnectionGuard(QTcpSocket* socket, const ConnectionLimits& limits);

    QTcpSocket* socket() const { return m_socket; }
    /// Called once the HTTP server connected its own slots to the socket.
    void parserAttached();
    /// No request is half received or waiting for its answer, and nothing is left to send.
    bool isIdle() const;
    /// Whether the answer about to be written must close the connection: the client asked
    /// (`Connection: close`, HTTP/1.0 without keep-alive) or the server is draining.
    bool nextResponseCloses() const;
    /// Called by the server after it wrote an answer; closes the connection if it must.
    void responseWritten();
    /// Stop taking new requests: close now when idle, else after the current answer.
    void drain();

    /// Writes an error answer and closes the connection, discarding what the client sends
    /// meanwhile so it can read the answer instead of getting a reset.
    void reject(const ApiError& error);

Q_SIGNALS:
    /// A request refused here, before any handler saw it (for the request log).
    void rejected(const QByteArray& method, const QByteArray& path, int status);

private:
    void onReadyRead();
    void scan(const QByteArray& fresh);
    bool headComplete(const QByteArray& head);
    void closeWhenFlushed();

    enum class State { Head, Body, Rejected };

    QPointer<QTcpSocket> m_socket;
    ConnectionLimits m_limits;
    QTimer m_idleTimer;
    QTimer m_headTimer;
    State m_state = State::Head;
    QByteArray m_head; // head bytes seen so far (bounded by maxHeaderBytes)
    qint64 m_bodyLeft = 0;
    qint64 m_scannedUnread = 0; // bytes at the front of the socket buffer already scanned
    bool m_parserAttached = false;
    QList<bool> m_awaiting; // per request whose head arrived and whose answer is not written:
                            // whether that answer closes the connection
    bool m_draining = false;
    bool m_closeAfterFlush = false;
    QByteArray m_method; // of the request being received, for the log
    QByteArray m_target;
};

} // namespace dpp::server
