#include "localserver.h"

#include <QNetworkInterface>
#include <server/apiroutes.h>
#include <server/server.h>
#include <server/webhookdispatcher.h>

namespace dpp::ui {

LocalServer::LocalServer(QObject* parent) : QObject(parent) {}

LocalServer::~LocalServer()
{
    stop();
}

Status LocalServer::start(std::shared_ptr<store::Database> db, const QHostAddress& host,
                          quint16 port, const QString& baseUrl)
{
    if (m_server)
        stop();
    if (!db)
        return Error{QStringLiteral("store"), tr("open a store before publishing"),
                     QStringLiteral("required")};
    server::ServerConfig config;
    config.host = host;
    config.port = port;
    config.database = db->location();
    config.baseUrl = baseUrl;
    auto srv = std::make_unique<server::Server>(config);
    // A desktop has no log file to fill; requests are not logged.
    srv->setLogSink([](const QString&) {});
    server::ApiContext context;
    context.db = db;
    server::Server* raw = srv.get();
    context.baseUrl = [raw] {
        return raw->config().baseUrl.isEmpty() ? raw->listenUrl() : raw->config().baseUrl;
    };
    if (const Status ok = server::ApiRoutes::install(*srv, context); !ok)
        return ok.error();
    auto bound = srv->start();
    if (!bound)
        return Error{QStringLiteral("port"), bound.error().message, bound.error().code};
    m_server = std::move(srv);
    m_webhooks =
        std::make_unique<server::WebhookDispatcher>(db, server::WebhookDispatcher::Options{});
    m_webhooks->start();
    m_db = std::move(db);
    m_port = bound.value();
    m_baseUrl = baseUrl;
    Q_EMIT stateChanged(true, this->baseUrl());
    return Ok{};
}

void LocalServer::stop()
{
    if (!m_server)
        return;
    // Destroying the server closes its listening sockets at once; the desktop
    // does not wait for a drain as dppserver does on SIGTERM.
    m_webhooks.reset();
    m_server.reset();
    m_db.reset();
    m_port = 0;
    Q_EMIT stateChanged(false, QString());
}

QString LocalServer::listenUrl() const
{
    return m_server ? m_server->listenUrl() : QString();
}

QString LocalServer::baseUrl() const
{
    if (!m_server)
        return {};
    return m_baseUrl.isEmpty() ? m_server->listenUrl() : m_baseUrl;
}

QString LocalServer::lanAddress()
{
    for (const QHostAddress& a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal())
            return a.toString();
    }
    return {};
}

} // namespace dpp::ui
