// HttpServerAdapter: the only place that touches Qt HTTP Server. Everything version
// specific (6.4's request type, its socket hand-off, TLS set-up) stays in the .cpp, so a
// Qt upgrade changes this file and nothing else. Handlers see Request/Response only.
#pragma once

#include "connectionset.h"
#include "request.h"
#include "response.h"
#include "result.h"

#include <QHostAddress>
#include <QObject>
#include <functional>
#include <memory>

namespace dpp::server {

class HttpServerAdapter : public QObject
{
    Q_OBJECT
public:
    /// Turns a complete request into its answer; runs in the adapter's thread.
    using Dispatcher = std::function<Response(Request&)>;

    struct TlsFiles
    {
        QString certificate; // PEM file, may hold the chain
        QString key;         // PEM private key (RSA or EC), unencrypted
        bool enabled() const { return !certificate.isEmpty() || !key.isEmpty(); }
    };

    explicit HttpServerAdapter(const ConnectionLimits& limits, QObject* parent = nullptr);
    ~HttpServerAdapter() override;

    void setDispatcher(Dispatcher dispatcher);

    /// Starts listening; returns the bound port (useful with port 0).
    Result<quint16> listen(const QHostAddress& address, quint16 port, const TlsFiles& tls = {});
    bool isTls() const { return m_tls; }

    /// Stops accepting connections and finishes the requests in flight; done() runs when the
    /// last connection closed or after timeoutMs.
    void drain(int timeoutMs, std::function<void()> done);

Q_SIGNALS:
    /// A request refused by a connection limit before dispatch (method, target, status).
    void rejected(const QByteArray& method, const QByteArray& path, int status);
    /// A streamed body ended: all `bytes` sent (complete), or cut short because the client
    /// left or the stream failed. For a live stream `complete` means the server ended it.
    void streamEnded(const QByteArray& method, const QByteArray& path, qint64 bytes, bool complete);

private:
    class Backend;
    ConnectionSet* m_connections;
    std::unique_ptr<Backend> m_backend;
    bool m_tls = false;
    QList<std::weak_ptr<StreamSink>> m_liveStreams; // closed on drain
};

} // namespace dpp::server
