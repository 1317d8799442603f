#include "httpserveradapter.h"

#include "guardedserver.h"
#include "socketstreamsink.h"

#include <QAbstractHttpServer>
#include <QFile>
#include <QHttpServerRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace dpp::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    using M = QHttpServerRequest::Method;
    switch (m) {
    case M::Get:
        return "GET";
    case M::Put:
        return "PUT";
    case M::Delete:
        return "DELETE";
    case M::Post:
        return "POST";
    case M::Head:
        return "HEAD";
    case M::Options:
        return "OPTIONS";
    case M::Patch:
        return "PATCH";
    case M::Connect:
        return "CONNECT";
    case M::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

Request toRequest(const QHttpServerRequest& in, const QTcpSocket* socket)
{
    Request r;
    r.method = methodName(in.method());
    const QUrl url = in.url();
    r.rawPath = url.path(QUrl::FullyEncoded).toLatin1();
    if (r.rawPath.isEmpty())
        r.rawPath = "/";
    // Most requests (resolver scans) carry no query: skip QUrlQuery's parse for them.
    if (url.hasQuery()) {
        const QString query = url.query(QUrl::FullyEncoded);
        r.query = QUrlQuery(query);
        r.rawQuery = query.toLatin1();
    }
    const auto headers = in.headers();
    r.headers.reserve(headers.size());
    for (const auto& [name, value] : headers)
        r.headers.append({name.toLower(), value});
    r.body = in.body();
    r.remoteAddress = in.remoteAddress();
    r.secure = qobject_cast<const QSslSocket*>(socket) != nullptr;
    return r;
}

// Bytes queued on a socket above which a stream waits for the client to read: keeps a
// streamed answer's memory at this plus one piece, whatever its total size.
constexpr qint64 kStreamHighWater = 256 * 1024;

// Sends a streamed body as chunks, one piece whenever the socket has drained below the
// high-water mark. The Qt 6.4 pattern from research/qt.md §c.2: everything is tied to the
// socket (QPointer, connection with the socket as context), so a client that leaves
// mid-stream just stops the pump; nothing writes to a dead socket.
using StreamEnded = std::function<void(qint64 bytes, bool complete)>;

void pumpStream(QTcpSocket* socket, ConnectionGuard* guard, std::shared_ptr<BodyStream> body,
                bool close, StreamEnded ended)
{
    struct Pump
    {
        QPointer<QTcpSocket> socket;
        QPointer<ConnectionGuard> guard;
        std::shared_ptr<BodyStream> body;
        bool close = false;
        StreamEnded ended;
        qint64 bytes = 0;
        bool busy = false;
        bool done = false;
        QMetaObject::Connection connection;
    };
    auto pump = std::make_shared<Pump>();
    pump->socket = socket;
    pump->guard = guard;
    pump->body = std::move(body);
    pump->close = close;
    pump->ended = std::move(ended);
    auto step = [pump] {
        QTcpSocket* s = pump->socket;
        if (pump->done || pump->busy || !s)
            return;
        if (s->state() != QAbstractSocket::ConnectedState) {
            pump->done = true;
            QObject::disconnect(pump->connection);
            pump->ended(pump->bytes, false);
            return;
        }
        pump->busy = true;
        while (!pump->done && s->bytesToWrite() < kStreamHighWater) {
            const Result<QByteArray> piece = pump->body->next();
            if (!piece.ok()) {
                // The status line is long gone: cutting the connection before the last
                // chunk is the only way left to tell the client the body is incomplete.
                pump->done = true;
                QObject::disconnect(pump->connection);
                s->abort();
                pump->ended(pump->bytes, false);
                return;
            }
            if (!piece->isEmpty()) {
                s->write(Response::chunk(*piece));
                pump->bytes += piece->size();
            }
            if (pump->body->atEnd()) {
                s->write(Response::chunk({}));
                pump->done = true;
                QObject::disconnect(pump->connection);
                if (pump->guard)
                    pump->guard->responseWritten();
                else if (pump->close)
                    s->disconnectFromHost();
                pump->ended(pump->bytes, true);
            }
        }
        pump->busy = false;
    };
    pump->connection = QObject::connect(socket, &QTcpSocket::bytesWritten, socket, step);
    // A client leaving mid-stream: report it (step sees the socket is no longer connected).
    QObject::connect(socket, &QTcpSocket::disconnected, socket, step);
    // Later, not now: the head must be written and the handler's frame left first.
    QTimer::singleShot(0, socket, step);
}

} // namespace

// Qt 6.4: QAbstractHttpServer gives us the parsed request and its socket. We never use
// QHttpServer's router (no 405, no HEAD, regex paths) nor QFuture handlers (crash when the
// client leaves early); everything is answered synchronously on the socket.
class HttpServerAdapter::Backend : public QAbstractHttpServer
{
public:
    explicit Backend(HttpServerAdapter* owner) : m_owner(owner) {}

    Dispatcher dispatcher;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        Request r = toRequest(request, socket);
        Response response = dispatcher ? dispatcher(r) : Response::error(ApiError::internal());
        ConnectionGuard* guard = m_owner->m_connections->guardOf(socket);
        // The guard saw the request line and headers; without one (cannot happen with our
        // listeners) fall back to the header.
        const bool close = guard ? guard->nextResponseCloses()
                                 : r.header("connection").toLower().contains("close");
        if (close)
            response.setHeader("Connection", "close");
        const bool head = r.method == "HEAD";
        socket->write(response.serialize(head));
        if (response.liveOpen && !head) {
            // Open until the client leaves or the server drains: no responseWritten(), so
            // the guard never counts this connection idle (its idle timer still runs and
            // is reset by every write: the stream's heartbeats keep it alive).
            auto sink = SocketStreamSink::open(
                socket, [owner = QPointer<HttpServerAdapter>(m_owner), method = r.method,
                         path = r.rawPath](qint64 bytes, bool closedByServer) {
                    if (owner)
                        Q_EMIT owner->streamEnded(method, path, bytes, closedByServer);
                });
            m_owner->m_liveStreams.removeIf(
                [](const std::weak_ptr<StreamSink>& w) { return w.expired(); });
            m_owner->m_liveStreams.append(sink);
            response.liveOpen(sink);
            return true;
        }
        if (response.stream && !head) {
            pumpStream(socket, guard, response.stream, close,
                       [owner = QPointer<HttpServerAdapter>(m_owner), method = r.method,
                        path = r.rawPath](qint64 bytes, bool complete) {
                           if (owner)
                               Q_EMIT owner->streamEnded(method, path, bytes, complete);
                       });
            return true;
        }
        if (guard)
            guard->responseWritten();
        else if (close)
            socket->disconnectFromHost();
        return true;
    }

    void missingHandler(const QHttpServerRequest&, QTcpSocket* socket) override
    {
        // Unreachable: handleRequest answers everything. Kept correct anyway.
        socket->write(
            Response::error(ApiError::notFound(QStringLiteral("no such route"))).serialize());
    }

private:
    HttpServerAdapter* m_owner;
};

HttpServerAdapter::HttpServerAdapter(const ConnectionLimits& limits, QObject* parent)
    : QObject(parent), m_connections(new ConnectionSet(limits, this)),
      m_backend(std::make_unique<Backend>(this))
{
    connect(m_connections, &ConnectionSet::rejected, this, &HttpServerAdapter::rejected);
}

HttpServerAdapter::~HttpServerAdapter() = default;

void HttpServerAdapter::setDispatcher(Dispatcher dispatcher)
{
    m_backend->dispatcher = std::move(dispatcher);
}

Result<quint16> HttpServerAdapter::listen(const QHostAddress& address, quint16 port,
                                          const TlsFiles& tls)
{
    QTcpServer* server = nullptr;
    if (tls.enabled()) {
        QFile certFile(tls.certificate);
        if (!certFile.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("tls-cert"),
                         QStringLiteral("cannot read %1").arg(tls.certificate),
                         {}};
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll());
        if (chain.isEmpty())
            return Error{QStringLiteral("tls-cert"),
                         QStringLiteral("no PEM certificate in %1").arg(tls.certificate),
                         {}};
        QFile keyFile(tls.key);
        if (!keyFile.open(QIODevice::ReadOnly))
            return Error{
                QStringLiteral("tls-key"), QStringLiteral("cannot read %1").arg(tls.key), {}};
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec);
        if (key.isNull())
            return Error{QStringLiteral("tls-key"),
                         QStringLiteral("no unencrypted RSA or EC PEM key in %1").arg(tls.key),
                         {}};
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto* ssl = new GuardedServer<QSslServer>(m_connections);
        ssl->setSslConfiguration(config);
        server = ssl;
        m_tls = true;
    } else {
        server = new GuardedServer<QTcpServer>(m_connections);
    }
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return Error{
            QStringLiteral("listen"),
            QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(why),
            {}};
    }
    m_backend->bind(server); // takes ownership
    return server->serverPort();
}

void HttpServerAdapter::drain(int timeoutMs, std::function<void()> done)
{
    // Connections the kernel accepted before the signal are clients already talking to us:
    // take them out of the backlog (closing the listener would reset them), then refuse
    // new ones at the socket level so a load balancer retries elsewhere.
    const auto servers = m_backend->servers();
    for (QTcpServer* s : servers) {
        for (int n = 0; n < 1024 && s->waitForNewConnection(0); ++n) {
        }
        s->close();
    }
    // Live streams never end on their own; ending them properly (last chunk) lets the
    // clients reconnect, with Last-Event-ID, to a server that is not going away.
    const auto live = std::exchange(m_liveStreams, {});
    for (const auto& weak : live) {
        if (const auto sink = weak.lock())
            sink->close();
    }
    m_connections->drain(timeoutMs, std::move(done));
}

} // namespace dpp::server
