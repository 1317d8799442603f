// LocalServer: "publish locally": the bundled dppserver (core/server Server
// with every /v1 route, the resolver and viewer that ApiRoutes installs) run
// in-process on the open store, so a phone on the same network can scan a
// label and land on the passport without a hosted server.
#pragma once

#include <QHostAddress>
#include <QObject>
#include <memory>
#include <result.h>

namespace dpp::store {
class Database;
}
namespace dpp::server {
class Server;
class WebhookDispatcher;
} // namespace dpp::server

namespace dpp::ui {

class LocalServer : public QObject
{
    Q_OBJECT
public:
    explicit LocalServer(QObject* parent = nullptr);
    ~LocalServer() override;

    // Listens on host:port (port 0 = any free one). `baseUrl` is what links
    // and QR codes use (empty = the listen URL). Errors name "port" or "store".
    Status start(std::shared_ptr<store::Database> db, const QHostAddress& host, quint16 port,
                 const QString& baseUrl);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    quint16 port() const { return m_port; }
    // http://127.0.0.1:PORT (or the bound address); empty when stopped.
    QString listenUrl() const;
    QString baseUrl() const;

    // A non-loopback IPv4 address of this machine for phones on the LAN;
    // empty when there is none (no network).
    static QString lanAddress();

Q_SIGNALS:
    void stateChanged(bool running, const QString& url);

private:
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<server::WebhookDispatcher> m_webhooks; // outbound webhooks, as dppserver
    std::shared_ptr<store::Database> m_db;
    QString m_baseUrl;
    quint16 m_port = 0;
};

} // namespace dpp::ui
