#include "server.h"

#include "clientaddress.h"
#include "httpserveradapter.h"
#include "openapi.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <cstdio>
#include <dpp/version.h>
#include <exception>

namespace dpp::server {

namespace {

// Headers browsers may send on cross-origin calls to public routes.
constexpr const char* kCorsAllowHeaders =
    "Authorization, Content-Type, X-API-Key, Accept, Last-Event-ID, If-None-Match, If-Match, "
    "Idempotency-Key";
constexpr const char* kCorsExposeHeaders =
    "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, Link, Location, ETag, "
    "Idempotent-Replayed";
// HTML we serve (viewer, consent page) uses only our own assets; nothing may frame it.
constexpr const char* kHtmlCsp = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                 "script-src 'self'; object-src 'none'; base-uri 'none'; "
                                 "form-action 'self'; frame-ancestors 'none'";

Response tooManyRequests(const RateLimiter::Decision& d)
{
    Response r = Response::error(ApiError::tooManyRequests(d.retryAfterSeconds));
    r.setHeader("Retry-After", QByteArray::number(d.retryAfterSeconds));
    r.setHeader("X-RateLimit-Limit", QByteArray::number(d.limit));
    r.setHeader("X-RateLimit-Remaining", "0");
    return r;
}

// A role limited to some fields under a scope (RolePolicy::fieldLimitsFor) may only PATCH
// those fields there; the scope check above let the request through, this narrows it.
bool fieldsAllowed(const Request& request, const Route& route, Response& refusal)
{
    const QStringList allowed = request.principal->fieldLimits.value(route.scope);
    const QString role = request.principal->role;
    const auto refuse = [&](const QString& message, const QString& param) {
        ApiError e = ApiError::forbidden(message);
        e.param = param;
        refusal = Response::error(e);
        return false;
    };
    // A PATCH body's keys are the fields it changes; on a POST with fieldLimitsOnData
    // (POST /v1/passports amends) the keys of its "data" are.
    const bool onData = request.method == "POST" && route.fieldLimitsOnData;
    if (request.method != "PATCH" && !onData)
        return refuse(QStringLiteral("the role %1 may only PATCH the fields %2 with the scope %3")
                          .arg(role, allowed.join(QStringLiteral(", ")), route.scope),
                      {});
    const auto body = request.jsonObject();
    if (!body.ok())
        return true; // the handler answers the malformed body as it always does
    if (onData && body->contains(QStringLiteral("publish")))
        return refuse(
            QStringLiteral("the role %1 publishes its changes directly; drafts are the brand's")
                .arg(role),
            QStringLiteral("publish"));
    const QJsonObject changed = onData ? body->value(QStringLiteral("data")).toObject() : *body;
    const QString prefix = onData ? QStringLiteral("data.") : QString();
    for (auto it = changed.constBegin(); it != changed.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            return refuse(QStringLiteral("the role %1 may not change %2; it may change only %3")
                              .arg(role, it.key(), allowed.join(QStringLiteral(", "))),
                          prefix + it.key());
    }
    return true;
}

bool pathIsPublic(const RouteTable::Match& match)
{
    for (const Route* r : match.routes) {
        if (r->isPublic)
            return true;
    }
    return false;
}

// The Date header's text changes once a second; formatting it through QLocale on every
// request was a visible share of a resolver redirect, so it is kept until the second turns.
QByteArray httpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached; // per thread: servers may run on several threads
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 second = now.toSecsSinceEpoch();
    if (second != cachedSecond) {
        cached = QLocale::c()
                     .toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                     .toLatin1();
        cachedSecond = second;
    }
    return cached;
}

} // namespace

Server::Server(ServerConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_limiter(m_config.rateLimitPerMinute),
      m_log([](const QString& line) {
          // One write per line (stderr is unbuffered, so nothing is held back on a crash).
          QByteArray bytes = line.toUtf8();
          bytes += '\n';
          std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
      })
{
    addBuiltinRoutes();
}

Server::~Server() = default;

Status Server::addRoute(Route route)
{
    return m_routes.add(std::move(route));
}

void Server::addBuiltinRoutes()
{
    Route health;
    health.method = "GET";
    health.path = QStringLiteral("/health");
    health.isPublic = true;
    health.tag = QStringLiteral("system");
    health.summary = QStringLiteral("Liveness: the server answers and which version it is");
    health.responseSchema = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("const"), QStringLiteral("ok")}}},
                     {QStringLiteral("version"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}};
    health.handler = [this](const Request&) {
        QJsonObject body{{QStringLiteral("status"), QStringLiteral("ok")},
                         {QStringLiteral("version"), QString::fromLatin1(dpp::kVersion)}};
        for (const auto& [name, report] : m_healthSections)
            body.insert(name, report());
        return Response::json(body);
    };
    // The same answer under /v1 for clients that only know the API prefix.
    Route v1Health = health;
    v1Health.path = QStringLiteral("/v1/health");
    m_routes.add(std::move(health));
    m_routes.add(std::move(v1Health));

    Route openapi;
    openapi.method = "GET";
    openapi.path = QStringLiteral("/openapi.json");
    openapi.isPublic = true;
    openapi.tag = QStringLiteral("system");
    openapi.summary = QStringLiteral("This API as an OpenAPI 3.1 document");
    openapi.handler = [this](const Request&) {
        const QString url = m_config.baseUrl.isEmpty() ? listenUrl() : m_config.baseUrl;
        return Response::json(openApiDocument(m_routes, url));
    };
    m_routes.add(std::move(openapi));
}

Result<quint16> Server::start()
{
    if (!m_adapter) {
        m_adapter = new HttpServerAdapter(m_config.limits, this);
        m_adapter->setDispatcher([this](Request& r) { return dispatch(r); });
        connect(m_adapter, &HttpServerAdapter::rejected, this,
                [this](const QByteArray& method, const QByteArray& path, int status) {
                    // Straight from the socket, unparsed: keep the log one clean line.
                    const auto printable = [](QByteArray b, qsizetype max) {
                        b.truncate(max);
                        for (char& c : b) {
                            if (uchar(c) < 0x21 || uchar(c) > 0x7e)
                                c = '?';
                        }
                        return QString::fromLatin1(b.isEmpty() ? QByteArray("-") : b);
                    };
                    log(QStringLiteral("%1 %2 %3 0ms (refused before dispatch)")
                            .arg(printable(method, 16), printable(path, 200))
                            .arg(status));
                });
        // The request line was logged when its head went out; a long download's end is
        // worth its own line (how much left, and whether the client got all of it).
        connect(
            m_adapter, &HttpServerAdapter::streamEnded, this,
            [this](const QByteArray& method, const QByteArray& path, qint64 bytes, bool complete) {
                log(QStringLiteral("%1 %2 stream %3 after %4 bytes")
                        .arg(QString::fromLatin1(method), QString::fromLatin1(path),
                             complete ? QStringLiteral("complete") : QStringLiteral("cut short"))
                        .arg(bytes));
            });
    }
    auto port =
        m_adapter->listen(m_config.host, m_config.port, {m_config.tlsCertificate, m_config.tlsKey});
    if (port)
        m_port = *port;
    return port;
}

QString Server::listenUrl() const
{
    QString host = m_config.host.toString();
    if (m_config.host == QHostAddress::Any || m_config.host == QHostAddress::AnyIPv4)
        host = QStringLiteral("0.0.0.0");
    else if (host.contains(u':'))
        host = u'[' + host + u']';
    const bool tls = m_adapter && m_adapter->isTls();
    return QStringLiteral("%1://%2:%3")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(m_port);
}

void Server::shutdown(std::function<void()> done)
{
    if (!m_adapter) {
        done();
        return;
    }
    m_adapter->drain(m_config.drainTimeoutMs, std::move(done));
}

Response Server::dispatch(Request& request)
{
    QElapsedTimer timer;
    timer.start();
    const Route* matched = nullptr;
    Response response;
    request.clientAddress =
        ClientAddress::resolve(request.remoteAddress, request.headers, m_config.trustedProxies);
    try {
        response = route(request, matched);
    } catch (const std::exception& e) {
        // A bug, not the client's fault: log it, tell the client nothing about it.
        log(QStringLiteral("error: handler for %1 %2 threw: %3")
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.rawPath),
                     QString::fromUtf8(e.what())));
        response = Response::error(ApiError::internal());
    } catch (...) {
        log(QStringLiteral("error: handler for %1 %2 threw a non-standard exception")
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.rawPath)));
        response = Response::error(ApiError::internal());
    }
    finish(request, matched, response);
    // One line per request: built in one pass (an .arg() chain re-scans the text per field).
    log(QString::fromLatin1(request.method) + u' ' + QString::fromLatin1(request.rawPath) + u' ' +
        QString::number(response.status) + u' ' +
        QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 1) + u"ms " +
        request.clientAddress.toString());
    return response;
}

Response Server::route(Request& request, const Route*& matched)
{
    const auto match = m_routes.match(request.rawPath);
    if (!match && m_fallback && m_fallbackClaims(request.rawPath)) {
        matched = m_fallback.get();
        return m_fallback->handler(request);
    }
    if (!match) {
        // Probing for paths is unauthenticated traffic too; it spends the IP's budget.
        const auto d = m_limiter.take(QStringLiteral("ip:") + request.clientAddress.toString());
        if (!d.allowed)
            return tooManyRequests(d);
        return Response::error(ApiError::notFound(
            QStringLiteral("no route for %1").arg(QString::fromLatin1(request.rawPath.left(200)))));
    }
    request.pathParams = match->params;
    if (request.method == "OPTIONS")
        return preflight(request, *match);

    const Route* route = match->find(request.method == "HEAD" ? "GET" : request.method);
    if (!route) {
        Response r = Response::error(
            ApiError::methodNotAllowed(QStringLiteral("%1 is not allowed here; allowed: %2")
                                           .arg(QString::fromLatin1(request.method.left(16)),
                                                QString::fromLatin1(match->allowHeader()))));
        r.setHeader("Allow", match->allowHeader());
        return r;
    }
    matched = route;

    QString bucket = QStringLiteral("ip:") + request.clientAddress.toString();
    int perMinute = 0;
    if (!route->isPublic) {
        Result<Principal> principal =
            m_authenticator ? m_authenticator(request)
                            : Result<Principal>(Error{{},
                                                      QStringLiteral("no API keys are configured "
                                                                     "on this server"),
                                                      QStringLiteral("unauthorized")});
        if (!principal) {
            // Failed attempts count against the client's IP, which slows key guessing.
            const auto d = m_limiter.take(bucket);
            if (!d.allowed)
                return tooManyRequests(d);
            Response r = Response::error(ApiError::unauthorized(principal.error().message));
            r.setHeader("WWW-Authenticate", "Bearer");
            return r;
        }
        request.principal = principal.value();
        bucket = QStringLiteral("key:") + request.principal->keyId;
        perMinute = request.principal->rateLimitPerMinute;
    }

    const RateLimiter::Decision d = m_limiter.take(bucket, perMinute);
    if (!d.allowed)
        return tooManyRequests(d);

    if (request.principal && !route->scope.isEmpty() &&
        !request.principal->scopes.contains(route->scope)) {
        return Response::error(
            ApiError::forbidden(QStringLiteral("this key lacks the scope %1").arg(route->scope)));
    }
    if (request.principal && request.principal->fieldLimits.contains(route->scope)) {
        if (Response r; !fieldsAllowed(request, *route, r))
            return r;
    }

    if (IdempotencyGate::applies(request)) {
        if (const auto malformed = IdempotencyGate::checkHeader(request))
            return Response::error(*malformed);
    }
    Response response = m_idempotency
                            ? m_idempotency->run(request, [&] { return route->handler(request); })
                            : route->handler(request);
    if (d.limit > 0) {
        response.setHeader("X-RateLimit-Limit", QByteArray::number(d.limit));
        response.setHeader("X-RateLimit-Remaining", QByteArray::number(d.remaining));
    }
    if (response.status >= 500)
        log(QStringLiteral("error: %1 %2 answered %3")
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.rawPath))
                .arg(response.status));
    return response;
}

Response Server::preflight(const Request& request, const RouteTable::Match& match)
{
    Response r = Response::noContent();
    const QByteArray allow = match.allowHeader();
    r.setHeader("Allow", allow);
    if (pathIsPublic(match) && request.hasHeader("origin")) {
        r.setHeader("Access-Control-Allow-Origin", "*");
        r.setHeader("Access-Control-Allow-Methods", allow);
        r.setHeader("Access-Control-Allow-Headers", kCorsAllowHeaders);
        r.setHeader("Access-Control-Max-Age", "600");
    }
    return r;
}

void Server::finish(const Request& request, const Route* route, Response& response) const
{
    // RFC 9110 §6.6.1: a server with a clock sends Date (caches and clients rely on it).
    response.setHeader(QByteArrayLiteral("Date"), httpDate());
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.setHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    if (response.isHtml())
        response.setHeader("Content-Security-Policy", kHtmlCsp);
    if (request.secure)
        response.setHeader("Strict-Transport-Security", "max-age=31536000");
    if (route && route->isPublic && request.hasHeader("origin")) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", kCorsExposeHeaders);
    }
}

void Server::log(const QString& line) const
{
    if (m_log)
        m_log(line);
}

} // namespace dpp::server
