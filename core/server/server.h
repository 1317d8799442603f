// Server: the routing layer of dppserver. Owns the route table, matches requests,
// authenticates, applies rate limits, turns handler failures into a logged 500, and adds
// the headers every answer carries. Transport details live in HttpServerAdapter.
#pragma once

#include "idempotencygate.h"
#include "principal.h"
#include "ratelimiter.h"
#include "request.h"
#include "response.h"
#include "result.h"
#include "routetable.h"
#include "serverconfig.h"

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <functional>
#include <memory>

namespace dpp::server {

class HttpServerAdapter;

class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject* parent = nullptr);
    ~Server() override;

    /// Registers a route; built-in ones (/health, /openapi.json) are there from the start.
    Status addRoute(Route route);
    const RouteTable& routes() const { return m_routes; }

    /// Who may call non-public routes. Without one, every non-public route answers 401.
    void setAuthenticator(Authenticator authenticator)
    {
        m_authenticator = std::move(authenticator);
    }
    /// A route for paths the table has no entry for but `claims` accepts (the GS1 resolver:
    /// /01/…, /8006/…). Its handler sees every method, including HEAD and OPTIONS, and is
    /// not rate-limited here (a scan answer must not wait; limit at the load balancer).
    /// It is not part of the OpenAPI document.
    void setFallback(Route route, std::function<bool(const QByteArray& rawPath)> claims)
    {
        m_fallback = std::make_unique<Route>(std::move(route));
        m_fallbackClaims = std::move(claims);
    }
    RateLimiter& rateLimiter() { return m_limiter; }
    /// Where the answers of requests sent with an Idempotency-Key are kept (IdempotencyGate);
    /// without a store the header is only checked for form.
    void setIdempotencyStore(std::shared_ptr<store::Database> db)
    {
        m_idempotency = std::make_unique<IdempotencyGate>(std::move(db));
    }
    /// Adds `name: report()` to every /health answer (e.g. "scans" with the recorder's
    /// queue figures), so load balancers and operators see more than liveness.
    void addHealthSection(const QString& name, std::function<QJsonValue()> report)
    {
        m_healthSections.append({name, std::move(report)});
    }
    /// Where the one-line-per-request log goes; stderr by default.
    void setLogSink(std::function<void(const QString&)> sink) { m_log = std::move(sink); }

    /// Listens as configured; returns the bound port.
    Result<quint16> start();
    /// "http://127.0.0.1:PORT" (https with TLS); valid after start().
    QString listenUrl() const;
    const ServerConfig& config() const { return m_config; }

    /// Stops accepting, finishes requests in flight, then calls done.
    void shutdown(std::function<void()> done);

    /// Answers one request as the network path does (also usable in-process).
    Response dispatch(Request& request);

private:
    Response route(Request& request, const Route*& matched);
    Response preflight(const Request& request, const RouteTable::Match& match);
    void finish(const Request& request, const Route* route, Response& response) const;
    void log(const QString& line) const;
    void addBuiltinRoutes();

    ServerConfig m_config;
    RouteTable m_routes;
    RateLimiter m_limiter;
    Authenticator m_authenticator;
    std::unique_ptr<Route> m_fallback;
    std::unique_ptr<IdempotencyGate> m_idempotency;
    std::function<bool(const QByteArray&)> m_fallbackClaims;
    std::function<void(const QString&)> m_log;
    QList<QPair<QString, std::function<QJsonValue()>>> m_healthSections;
    HttpServerAdapter* m_adapter = nullptr;
    quint16 m_port = 0;
};

} // namespace dpp::server
