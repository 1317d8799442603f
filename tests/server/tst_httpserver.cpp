// The server foundation over the network: routing errors, limits, HEAD, 100-continue,
// security and CORS headers, rate limits, idle timeout and connection cap, against the
// real server on a free loopback port.
#include "httptestclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <server/server.h>
#include <stdexcept>

using namespace dpp::server;
using dpp::test::NamReply;
using dpp::test::namSend;
using dpp::test::RawClient;
using dpp::test::RawResponse;
using dpp::test::waitUntil;

namespace {
// An API-key principal as the store's authenticator would make it.
Principal keyPrincipal(const QString& keyId, const QString& tenantId, const QStringList& scopes,
                       int rateLimitPerMinute)
{
    Principal p;
    p.keyId = keyId;
    p.tenantId = tenantId;
    p.scopes = scopes;
    p.rateLimitPerMinute = rateLimitPerMinute;
    return p;
}
} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

    QStringList m_log;
    QNetworkAccessManager m_nam;
    qint64 m_nowMs = 1'000'000; // the injected rate-limit clock

    static Route route(const char* method, const QString& path, bool isPublic, Handler h,
                       const QString& scope = {})
    {
        Route r;
        r.method = method;
        r.path = path;
        r.isPublic = isPublic;
        r.scope = scope;
        r.summary = QStringLiteral("test route");
        r.handler = std::move(h);
        return r;
    }

    // A server with the test routes; port 0 so parallel suites never collide.
    std::unique_ptr<Server> startServer(ServerConfig config = {})
    {
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        auto server = std::make_unique<Server>(config);
        server->setLogSink([this](const QString& line) { m_log.append(line); });
        server->rateLimiter().setClock([this] { return m_nowMs; });
        server->addRoute(route("POST", QStringLiteral("/v1/echo"), true, [](const Request& r) {
            const auto body = r.jsonObject();
            if (!body)
                return Response::fromError(body.error());
            return Response::json(QJsonObject{{QStringLiteral("echo"), body.value()}});
        }));
        server->addRoute(route("POST", QStringLiteral("/v1/validate"), true, [](const Request&) {
            return Response::fromError(dpp::Error{QStringLiteral("name"),
                                                  QStringLiteral("name is required"),
                                                  QStringLiteral("required")});
        }));
        server->addRoute(
            route("GET", QStringLiteral("/v1/throw"), true, [](const Request&) -> Response {
                throw std::runtime_error("secret internal detail");
            }));
        server->addRoute(route("GET", QStringLiteral("/v1/page"), true, [](const Request&) {
            return Response::bytes("<!doctype html><p>hi</p>", "text/html; charset=utf-8");
        }));
        server->addRoute(
            route("GET", QStringLiteral("/v1/items/{item}"), true, [](const Request& r) {
                return Response::json(
                    QJsonObject{{QStringLiteral("item"), r.param(QStringLiteral("item"))}});
            }));
        server->addRoute(route(
            "DELETE", QStringLiteral("/v1/items/{item}"), false,
            [](const Request&) { return Response::noContent(); },
            QStringLiteral("products:write")));
        server->addRoute(route(
            "GET", QStringLiteral("/v1/private"), false,
            [](const Request& r) {
                return Response::json(
                    QJsonObject{{QStringLiteral("tenant"), r.principal->tenantId}});
            },
            QStringLiteral("products:read")));
        const auto port = server->start();
        if (!port) {
            qWarning("start failed: %s", qPrintable(port.error().message));
            return nullptr;
        }
        return server;
    }

    static QUrl url(const Server& s, const QString& path) { return QUrl(s.listenUrl() + path); }
    static quint16 port(const Server& s) { return quint16(QUrl(s.listenUrl()).port()); }

    static void verifyErrorShape(const QJsonObject& o, const QString& code)
    {
        const QJsonObject e = o.value(u"error").toObject();
        QVERIFY2(!e.isEmpty(), "no error object");
        for (const char* key : {"type", "message", "code", "param"})
            QVERIFY2(e.contains(QLatin1String(key)), key);
        QCOMPARE(e.value(u"code").toString(), code);
        QVERIFY(!e.value(u"message").toString().isEmpty());
    }

private Q_SLOTS:
    void init() { m_log.clear(); }

    void healthAnswersOk()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply r = namSend(m_nam, "GET", url(*s, QStringLiteral("/health")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"status").toString(), QStringLiteral("ok"));
        QVERIFY(!r.json().value(u"version").toString().isEmpty());
        QVERIFY2(m_log.filter(QStringLiteral("GET /health 200")).size() == 1,
                 qPrintable(m_log.join(u'\n')));
    }

    void unknownRouteIs404Json()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply r = namSend(m_nam, "GET", url(*s, QStringLiteral("/v1/nothing/here")));
        QCOMPARE(r.status, 404);
        QVERIFY(r.headers.value("content-type").startsWith("application/json"));
        verifyErrorShape(r.json(), QStringLiteral("not_found"));
        QCOMPARE(r.json()[QLatin1String("error")][QLatin1String("type")].toString(),
                 QStringLiteral("not_found_error"));
        QVERIFY(r.json()[QLatin1String("error")][QLatin1String("param")].isNull());
        // An unknown verb on an unknown path is still a 404, not a dropped connection.
        QCOMPARE(namSend(m_nam, "BREW", url(*s, QStringLiteral("/coffee"))).status, 404);
    }

    void wrongMethodIs405WithAllow()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply r = namSend(m_nam, "PUT", url(*s, QStringLiteral("/v1/items/7")), "{}");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.headers.value("allow"), QByteArray("GET, HEAD, DELETE, OPTIONS"));
        verifyErrorShape(r.json(), QStringLiteral("method_not_allowed"));
        QCOMPARE(namSend(m_nam, "POST", url(*s, QStringLiteral("/health"))).headers.value("allow"),
                 QByteArray("GET, HEAD, OPTIONS"));
    }

    void pathParametersKeepEncodedSlashes()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply r =
            namSend(m_nam, "GET", QUrl(s->listenUrl() + QStringLiteral("/v1/items/AB%2FC%20D")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"item").toString(), QStringLiteral("AB/C D"));
    }

    void headIsGetWithoutBody()
    {
        auto s = startServer();
        QVERIFY(s);
        RawClient c(port(*s));
        QVERIFY(c.connected());
        // Pipelined: if HEAD sent a body, the second answer would not start a status line.
        c.send("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        const RawResponse head = c.read(true);
        QVERIFY(head.complete);
        QCOMPARE(head.status, 200);
        const RawResponse get = c.read();
        QVERIFY(get.complete);
        QCOMPARE(get.status, 200);
        QCOMPARE(head.headers.value("content-length"), get.headers.value("content-length"));
        QVERIFY(get.body.size() > 0);
        QCOMPARE(get.body.size(), get.headers.value("content-length").toInt());
        QVERIFY(head.body.isEmpty());
        QVERIFY2(c.buffer().isEmpty(), c.buffer().constData());
    }

    void oversizeBodyIs413BeforeTheBodyIsRead()
    {
        ServerConfig config;
        config.limits.maxBodyBytes = 1024 * 1024;
        auto s = startServer(config);
        QVERIFY(s);
        RawClient c(port(*s));
        QVERIFY(c.connected());
        // Announce 100 MB but send only 64 KB: the answer must come without the rest.
        c.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: 104857600\r\n\r\n" +
               QByteArray(64 * 1024, 'x'));
        const RawResponse r = c.read();
        QVERIFY(r.complete);
        QCOMPARE(r.status, 413);
        verifyErrorShape(r.json(), QStringLiteral("payload_too_large"));
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(c.waitForDisconnect());
        QVERIFY(m_log.filter(QStringLiteral("POST /v1/echo 413")).size() == 1);

        // A body just under the limit still goes through.
        const QByteArray ok = "{\"a\":\"" + QByteArray(1000 * 1000, 'y') + "\"}";
        QCOMPARE(namSend(m_nam, "POST", url(*s, QStringLiteral("/v1/echo")), ok).status, 200);
    }

    void chunkedUploadIs411AndHugeHeadIs431()
    {
        ServerConfig config;
        config.limits.maxHeaderBytes = 4096;
        auto s = startServer(config);
        QVERIFY(s);
        {
            RawClient c(port(*s));
            c.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                   "chunked\r\n\r\n5\r\nhello\r\n");
            const RawResponse r = c.read();
            QCOMPARE(r.status, 411);
            verifyErrorShape(r.json(), QStringLiteral("length_required"));
        }
        {
            RawClient c(port(*s));
            // Sent in two writes so the head is split across reads.
            c.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(3000, 'a'));
            QVERIFY(waitUntil([&] { return c.socket().bytesToWrite() == 0; }));
            QTest::qWait(0);
            c.send(QByteArray(3000, 'b') + "\r\n\r\n");
            const RawResponse r = c.read();
            QCOMPARE(r.status, 431);
            verifyErrorShape(r.json(), QStringLiteral("headers_too_large"));
        }
    }

    void expectContinueIsAnswered()
    {
        auto s = startServer();
        QVERIFY(s);
        RawClient c(port(*s));
        c.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: 8\r\nExpect: 100-continue\r\n\r\n");
        const RawResponse interim = c.read();
        QVERIFY(interim.complete);
        QCOMPARE(interim.status, 100);
        c.send("{\"a\":12}");
        const RawResponse r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QLatin1String("echo")][QLatin1String("a")].toInt(), 12);

        // Too large: refused at once, no 100 and no body needed.
        ServerConfig small;
        small.limits.maxBodyBytes = 10;
        auto s2 = startServer(small);
        RawClient c2(port(*s2));
        c2.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nExpect: "
                "100-continue\r\n\r\n");
        QCOMPARE(c2.read().status, 413);
    }

    void malformedJsonIs400()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply r = namSend(m_nam, "POST", url(*s, QStringLiteral("/v1/echo")), "{\"a\":");
        QCOMPARE(r.status, 400);
        verifyErrorShape(r.json(), QStringLiteral("malformed_json"));
        QCOMPARE(r.json()[QLatin1String("error")][QLatin1String("type")].toString(),
                 QStringLiteral("invalid_request_error"));
        QCOMPARE(namSend(m_nam, "POST", url(*s, QStringLiteral("/v1/echo")), "[1]").status, 400);
    }

    void validationErrorIs422WithParam()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply r = namSend(m_nam, "POST", url(*s, QStringLiteral("/v1/validate")), "{}");
        QCOMPARE(r.status, 422);
        verifyErrorShape(r.json(), QStringLiteral("required"));
        QCOMPARE(r.json()[QLatin1String("error")][QLatin1String("param")].toString(),
                 QStringLiteral("name"));
    }

    void handlerExceptionIsLogged500WithoutDetails()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply r = namSend(m_nam, "GET", url(*s, QStringLiteral("/v1/throw")));
        QCOMPARE(r.status, 500);
        verifyErrorShape(r.json(), QStringLiteral("internal_error"));
        QVERIFY(!r.body.contains("secret"));
        QVERIFY2(m_log.filter(QStringLiteral("secret internal detail")).size() == 1,
                 qPrintable(m_log.join(u'\n')));
        // The server keeps serving.
        QCOMPARE(namSend(m_nam, "GET", url(*s, QStringLiteral("/health"))).status, 200);
    }

    void securityHeaders()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply json = namSend(m_nam, "GET", url(*s, QStringLiteral("/health")));
        QCOMPARE(json.headers.value("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(json.headers.value("referrer-policy"), QByteArray("no-referrer"));
        // IMF-fixdate (RFC 9110 §5.6.7).
        static const QRegularExpression imfFixdate(QStringLiteral(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
            "Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT$"));
        QVERIFY2(imfFixdate.match(QString::fromLatin1(json.headers.value("date"))).hasMatch(),
                 json.headers.value("date").constData());
        QVERIFY(!json.headers.contains("content-security-policy"));
        const NamReply html = namSend(m_nam, "GET", url(*s, QStringLiteral("/v1/page")));
        QCOMPARE(html.status, 200);
        QVERIFY(html.headers.value("content-security-policy").contains("default-src 'self'"));
        QVERIFY(html.headers.value("content-security-policy").contains("frame-ancestors 'none'"));
        const NamReply error = namSend(m_nam, "GET", url(*s, QStringLiteral("/nope")));
        QCOMPARE(error.headers.value("x-content-type-options"), QByteArray("nosniff"));
    }

    void corsOnPublicRoutesOnly()
    {
        auto s = startServer();
        QVERIFY(s);
        const QList<QPair<QByteArray, QByteArray>> preflight{
            {"Origin", "https://shop.example"},
            {"Access-Control-Request-Method", "GET"},
            {"Access-Control-Request-Headers", "authorization"}};
        const NamReply pre =
            namSend(m_nam, "OPTIONS", url(*s, QStringLiteral("/health")), {}, preflight);
        QCOMPARE(pre.status, 204);
        QCOMPARE(pre.headers.value("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(pre.headers.value("access-control-allow-methods").contains("GET"));
        QVERIFY(
            pre.headers.value("access-control-allow-headers").toLower().contains("authorization"));
        QVERIFY(pre.headers.contains("access-control-max-age"));

        const NamReply get = namSend(m_nam, "GET", url(*s, QStringLiteral("/health")), {},
                                     {{"Origin", "https://shop.example"}});
        QCOMPARE(get.headers.value("access-control-allow-origin"), QByteArray("*"));

        const NamReply priv =
            namSend(m_nam, "OPTIONS", url(*s, QStringLiteral("/v1/private")), {}, preflight);
        QCOMPARE(priv.status, 204);
        QVERIFY(!priv.headers.contains("access-control-allow-origin"));
        QCOMPARE(priv.headers.value("allow"), QByteArray("GET, HEAD, OPTIONS"));

        // Authenticated routes answer, but give browsers on other origins nothing to read.
        s->setAuthenticator([](const Request&) -> dpp::Result<Principal> {
            return keyPrincipal(QStringLiteral("k"), QStringLiteral("t"),
                                {QStringLiteral("products:read")}, 0);
        });
        const NamReply privGet = namSend(m_nam, "GET", url(*s, QStringLiteral("/v1/private")), {},
                                         {{"Origin", "https://shop.example"}});
        QCOMPARE(privGet.status, 200);
        QVERIFY(!privGet.headers.contains("access-control-allow-origin"));
    }

    void scopesAndAuthentication()
    {
        auto s = startServer();
        QVERIFY(s);
        // No authenticator installed: non-public routes refuse everyone.
        QCOMPARE(namSend(m_nam, "GET", url(*s, QStringLiteral("/v1/private"))).status, 401);

        s->setAuthenticator([](const Request& r) -> dpp::Result<Principal> {
            const QByteArray auth = r.header("authorization");
            if (auth == "Bearer sk_test_reader")
                return keyPrincipal(QStringLiteral("k1"), QStringLiteral("t1"),
                                    {QStringLiteral("products:read")}, 0);
            return dpp::Error{
                {}, QStringLiteral("invalid API key"), QStringLiteral("unauthorized")};
        });
        const NamReply none = namSend(m_nam, "GET", url(*s, QStringLiteral("/v1/private")));
        QCOMPARE(none.status, 401);
        verifyErrorShape(none.json(), QStringLiteral("unauthorized"));
        QCOMPARE(none.json()[QLatin1String("error")][QLatin1String("type")].toString(),
                 QStringLiteral("authentication_error"));

        const QList<QPair<QByteArray, QByteArray>> reader{
            {"Authorization", "Bearer sk_test_reader"}};
        const NamReply ok =
            namSend(m_nam, "GET", url(*s, QStringLiteral("/v1/private")), {}, reader);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(u"tenant").toString(), QStringLiteral("t1"));

        const NamReply noScope =
            namSend(m_nam, "DELETE", url(*s, QStringLiteral("/v1/items/1")), {}, reader);
        QCOMPARE(noScope.status, 403);
        verifyErrorShape(noScope.json(), QStringLiteral("forbidden"));
    }

    void rateLimitPerIpWithRetryAfter()
    {
        ServerConfig config;
        config.rateLimitPerMinute = 3;
        auto s = startServer(config);
        QVERIFY(s);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(namSend(m_nam, "GET", url(*s, QStringLiteral("/health"))).status, 200);
        const NamReply limited = namSend(m_nam, "GET", url(*s, QStringLiteral("/health")));
        QCOMPARE(limited.status, 429);
        verifyErrorShape(limited.json(), QStringLiteral("rate_limited"));
        // 3 per minute refills one request every 20 s.
        QCOMPARE(limited.headers.value("retry-after"), QByteArray("20"));
        m_nowMs += 19'000;
        QCOMPARE(namSend(m_nam, "GET", url(*s, QStringLiteral("/health"))).status, 429);
        m_nowMs += 1'000;
        QCOMPARE(namSend(m_nam, "GET", url(*s, QStringLiteral("/health"))).status, 200);
        QCOMPARE(namSend(m_nam, "GET", url(*s, QStringLiteral("/health"))).status, 429);
        // Probing unknown paths spends the same budget.
        m_nowMs += 20'000;
        QCOMPARE(namSend(m_nam, "GET", url(*s, QStringLiteral("/admin"))).status, 404);
        QCOMPARE(namSend(m_nam, "GET", url(*s, QStringLiteral("/admin"))).status, 429);
    }

    void rateLimitPerKeyUsesTheKeysLimit()
    {
        auto s = startServer();
        QVERIFY(s);
        s->setAuthenticator([](const Request& r) -> dpp::Result<Principal> {
            const QByteArray key = r.header("x-api-key");
            if (key == "sk_test_one")
                return keyPrincipal(QStringLiteral("one"), QStringLiteral("t"),
                                    {QStringLiteral("products:read")}, 1);
            if (key == "sk_test_two")
                return keyPrincipal(QStringLiteral("two"), QStringLiteral("t"),
                                    {QStringLiteral("products:read")}, 1);
            return dpp::Error{
                {}, QStringLiteral("invalid API key"), QStringLiteral("unauthorized")};
        });
        const auto get = [&](const QByteArray& key) {
            return namSend(m_nam, "GET", url(*s, QStringLiteral("/v1/private")), {},
                           {{"X-API-Key", key}});
        };
        const NamReply first = get("sk_test_one");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.headers.value("x-ratelimit-limit"), QByteArray("1"));
        const NamReply second = get("sk_test_one");
        QCOMPARE(second.status, 429);
        QCOMPARE(second.headers.value("retry-after"), QByteArray("60"));
        // Another key from the same IP has its own bucket.
        QCOMPARE(get("sk_test_two").status, 200);
    }

    void idleConnectionIsClosed()
    {
        ServerConfig config;
        config.limits.idleTimeoutMs = 200;
        auto s = startServer(config);
        QVERIFY(s);
        RawClient c(port(*s));
        QVERIFY(c.connected());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.read().status, 200);
        // Keep-alive, then silence: the server hangs up by itself.
        QVERIFY(c.waitForDisconnect(10000));
    }

    void slowHeadIs408()
    {
        ServerConfig config;
        config.limits.headTimeoutMs = 200;
        auto s = startServer(config);
        QVERIFY(s);
        RawClient c(port(*s));
        c.send("GET /health HTTP/1.1\r\nHost: x\r\n"); // and never the empty line
        const RawResponse r = c.read();
        QCOMPARE(r.status, 408);
        verifyErrorShape(r.json(), QStringLiteral("request_timeout"));
        QVERIFY(c.waitForDisconnect());
    }

    void connectionCapAnswers503()
    {
        ServerConfig config;
        config.limits.maxConnections = 2;
        auto s = startServer(config);
        QVERIFY(s);
        auto a = std::make_unique<RawClient>(port(*s));
        RawClient b(port(*s));
        for (RawClient* c : {a.get(), &b}) {
            c->send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(c->read().status, 200);
        }
        RawClient third(port(*s));
        const RawResponse refused = third.read();
        QCOMPARE(refused.status, 503);
        verifyErrorShape(refused.json(), QStringLiteral("unavailable"));
        QVERIFY(third.waitForDisconnect());

        // Once one leaves, a new client gets in (after the server noticed the close).
        a.reset();
        QVERIFY(waitUntil([&] {
            RawClient next(port(*s));
            next.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            return next.read().status == 200;
        }));
    }

    void connectionCloseIsHonoured()
    {
        auto s = startServer();
        QVERIFY(s);
        RawClient c(port(*s));
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const RawResponse r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(c.waitForDisconnect());
    }

    void pipelinedRequestsWithBodiesStayInStep()
    {
        // The guard counts body bytes itself; a body that looks like a head must not fool
        // it, and neither may several requests arriving in one read.
        ServerConfig config;
        config.limits.maxBodyBytes = 64;
        auto s = startServer(config);
        QVERIFY(s);
        RawClient c(port(*s));
        const QByteArray tricky = "x\r\n\r\nPOST /v1/echo HTTP/1.1\r\nContent-Length: 999\r\n\r\n";
        c.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: " +
               QByteArray::number(tricky.size()) + "\r\n\r\n" + tricky +
               "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
               "POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\n{\"a\":");
        QCOMPARE(c.read().status, 400); // the tricky body is not JSON
        QCOMPARE(c.read().status, 200);
        c.send("12}");
        const RawResponse last = c.read();
        QCOMPARE(last.status, 200);
        QCOMPARE(last.json()[QLatin1String("echo")][QLatin1String("a")].toInt(), 12);
        // Still in step: an oversized request on the same connection is caught.
        c.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 65\r\n\r\n");
        QCOMPARE(c.read().status, 413);
    }

    void http10ClosesUnlessKeepAlive()
    {
        auto s = startServer();
        QVERIFY(s);
        RawClient keep(port(*s));
        keep.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QCOMPARE(keep.read().status, 200);
        keep.send("GET /health HTTP/1.0\r\n\r\n");
        const RawResponse last = keep.read();
        QCOMPARE(last.status, 200);
        QCOMPARE(last.headers.value("connection"), QByteArray("close"));
        QVERIFY(keep.waitForDisconnect());
    }

    void malformedRequestLineIs400()
    {
        auto s = startServer();
        QVERIFY(s);
        RawClient c(port(*s));
        c.send("GET /health SPDY/9\r\nHost: x\r\n\r\n");
        const RawResponse r = c.read();
        QCOMPARE(r.status, 400);
        verifyErrorShape(r.json(), QStringLiteral("malformed_request"));
        QVERIFY(c.waitForDisconnect());
    }

    void drainFinishesTheRequestInFlight()
    {
        auto s = startServer();
        QVERIFY(s);
        RawClient idle(port(*s));
        RawClient busy(port(*s));
        idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(idle.read().status, 200);
        busy.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\n{\"a\"");
        QVERIFY(waitUntil([&] { return busy.socket().bytesToWrite() == 0; }));
        QTest::qWait(0);
        bool done = false;
        s->shutdown([&] { done = true; });
        QVERIFY(idle.waitForDisconnect()); // nothing in flight: closed at once
        QVERIFY(!done);
        busy.send(":12}");
        const RawResponse r = busy.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(waitUntil([&] { return done; }));
        RawClient late(port(*s));
        QVERIFY(!late.connected());
    }

    void openApiDocumentsExactlyTheRouteTable()
    {
        auto s = startServer();
        QVERIFY(s);
        const NamReply r = namSend(m_nam, "GET", url(*s, QStringLiteral("/openapi.json")));
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(u"openapi").toString(), QStringLiteral("3.1.0"));
        QVERIFY(!doc[QLatin1String("info")][QLatin1String("title")].toString().isEmpty());
        QVERIFY(!doc[QLatin1String("info")][QLatin1String("version")].toString().isEmpty());
        QCOMPARE(doc[QLatin1String("servers")][0][QLatin1String("url")].toString(), s->listenUrl());
        const QJsonObject paths = doc.value(u"paths").toObject();

        // Every route is documented, with its path parameters and security.
        QSet<QString> operationIds;
        int routeCount = 0;
        for (const Route& route : s->routes().routes()) {
            ++routeCount;
            const QJsonObject op = paths.value(route.path)
                                       .toObject()
                                       .value(QString::fromLatin1(route.method).toLower())
                                       .toObject();
            QVERIFY2(!op.isEmpty(), qPrintable(route.path));
            QVERIFY(!op.value(u"summary").toString().isEmpty());
            QVERIFY(op.contains(u"responses"));
            const QString id = op.value(u"operationId").toString();
            QVERIFY2(!operationIds.contains(id), qPrintable(id));
            operationIds.insert(id);
            QStringList documentedParams;
            for (const QJsonValue& p : op.value(u"parameters").toArray()) {
                // Header parameters (Idempotency-Key, If-Match) are shared $refs.
                if (p[QLatin1String("in")].toString() == u"path")
                    documentedParams.append(p[QLatin1String("name")].toString());
            }
            QCOMPARE(documentedParams, RouteTable::parameterNames(route.path));
            QCOMPARE(op.value(u"security").toArray().isEmpty(), route.isPublic);
        }
        QVERIFY(routeCount >= 9);
        // ... and every documented operation is routed.
        int documented = 0;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto m = item.begin(); m != item.end(); ++m) {
                ++documented;
                const auto match = s->routes().match(p.key().toUtf8());
                QVERIFY2(match && match->pattern == p.key(), qPrintable(p.key()));
                QVERIFY2(match->find(m.key().toUpper().toLatin1()), qPrintable(m.key()));
            }
        }
        QCOMPARE(documented, routeCount);
        QVERIFY(doc[QLatin1String("components")][QLatin1String("schemas")][QLatin1String("Error")]
                    .isObject());
        QVERIFY(doc[QLatin1String("components")][QLatin1String("securitySchemes")]
                   [QLatin1String("bearerAuth")]
                       .isObject());
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
