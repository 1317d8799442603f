// ScanStreamHub behind the real Server on a loopback port (SQLite store for keys and
// products; the hub itself keeps no state in the store), with the hub's limits set small:
// a Last-Event-ID older than the per-tenant ring gives `reset` and then exactly the ring;
// a client that stops reading is cut once it is too far behind while a reading client
// gets every event; Server::shutdown ends open streams properly.
#include "ssetestclient.h"
#include "storetestsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <server/apiroutes.h>
#include <server/scanstreamhub.h>
#include <server/server.h>
#include <store/apikeyrepository.h>
#include <store/productrepository.h>

using namespace dpp;
using namespace dpp::server;
using dpp::test::SseTestClient;

class TestScanStream : public QObject
{
    Q_OBJECT

    test::TestDatabase m_test{QStringLiteral("sqlite")};
    std::shared_ptr<store::Database> m_db;
    std::shared_ptr<ScanStreamHub> m_hub;
    std::unique_ptr<Server> m_server;
    quint16 m_port = 0;
    QString m_tenantA, m_tenantB, m_productA, m_key;

    QList<analytics::ScanEvent> events(const QString& tenant, int n)
    {
        QList<analytics::ScanEvent> out;
        for (int i = 0; i < n; ++i) {
            analytics::ScanEvent e;
            e.tenantId = tenant;
            e.productId = m_productA;
            e.gtin = QStringLiteral("04006381333931");
            e.keyLevel = QStringLiteral("gtin");
            e.linkType = QStringLiteral("gs1:defaultLink");
            e.at = QDateTime::currentDateTimeUtc();
            e.device = QStringLiteral("mobile");
            e.os = QStringLiteral("iOS");
            e.browser = QStringLiteral("Safari");
            out.append(e);
        }
        return out;
    }

    QByteArray auth() const { return "Authorization: Bearer " + m_key.toLatin1(); }

    void open(SseTestClient& c, const QList<QByteArray>& extra = {})
    {
        c.open(m_port, "/v1/stream/scans", QList<QByteArray>{auth()} + extra);
        QTRY_VERIFY_WITH_TIMEOUT(!c.retry.isEmpty(), 10000);
    }

private Q_SLOTS:
    void init()
    {
        test::TwoTenantStore fixture;
        if (const QString skip = fixture.open(m_test); !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(fixture.db, qPrintable(fixture.error));
        m_db = fixture.db;
        m_tenantA = fixture.tenantA;
        m_tenantB = fixture.tenantB;
        auto product =
            store::ProductRepository(*m_db, m_tenantA)
                .create(QJsonObject{{QStringLiteral("gtin"), QStringLiteral("04006381333931")},
                                    {QStringLiteral("name"),
                                     QJsonObject{{QStringLiteral("en"), QStringLiteral("A")}}}});
        QVERIFY(product.ok());
        m_productA = product->id;
        auto key = store::ApiKeyRepository(*m_db, m_tenantA)
                       .create(QStringLiteral("t"), {QStringLiteral("analytics:read")}, false);
        QVERIFY(key.ok());
        m_key = key->secret;

        ScanStreamHub::Options options;
        options.bufferPerTenant = 5;
        options.heartbeatMs = 60000; // out of the way: these tests count events
        options.maxPendingBytes = 256 * 1024;
        m_hub = std::make_shared<ScanStreamHub>(options);
        ServerConfig config;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 0;
        config.drainTimeoutMs = 5000;
        m_server = std::make_unique<Server>(config);
        m_server->setLogSink([](const QString&) {});
        ApiContext context;
        context.db = m_db;
        context.scanStream = m_hub;
        context.baseUrl = [] { return QStringLiteral("https://id.example.com"); };
        QVERIFY(ApiRoutes::install(*m_server, context).ok());
        auto port = m_server->start();
        QVERIFY(port.ok());
        m_port = *port;
    }

    void cleanup()
    {
        m_server.reset();
        m_hub.reset();
        m_db.reset();
        m_test.drop();
    }

    void idOlderThanTheRingGivesResetThenExactlyTheRing()
    {
        SseTestClient first;
        open(first);
        m_hub->publish(events(m_tenantA, 3));
        m_hub->publish(events(m_tenantB, 4)); // another tenant's ids and ring
        QTRY_COMPARE_WITH_TIMEOUT(first.count("scan"), 3, 10000);
        const qint64 third = first.events.at(2).id.toLongLong();
        QCOMPARE(first.events.at(1).id.toLongLong(), third - 1);
        first.socket.abort();

        // Ten more while away: the ring (5) holds only the last five, third+6 … third+10.
        m_hub->publish(events(m_tenantA, 10));
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->stats().events, qint64(17), 10000);

        SseTestClient late;
        open(late, {"Last-Event-ID: " + QByteArray::number(third)});
        QTRY_COMPARE_WITH_TIMEOUT(late.count("scan"), 5, 10000);
        QCOMPARE(late.events.first().type, QByteArray("reset"));
        QCOMPARE(late.events.first().data[u"reason"].toString(), QStringLiteral("events_missed"));
        QCOMPARE(late.events.first().data[u"resumeFrom"].toInteger(), third + 5);
        QCOMPARE(late.events.first().id.toLongLong(), third + 5);
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(late.events.at(i).id.toLongLong(), third + 5 + i);

        // From the ring's first id minus one: exactly the ring, no reset.
        SseTestClient inTime;
        open(inTime, {"Last-Event-ID: " + QByteArray::number(third + 5)});
        QTRY_COMPARE_WITH_TIMEOUT(inTime.count("scan"), 5, 10000);
        QCOMPARE(inTime.count("reset"), 0);
        QCOMPARE(inTime.events.first().id.toLongLong(), third + 6);

        // New events follow on both, with the next id.
        m_hub->publish(events(m_tenantA, 1));
        QTRY_COMPARE_WITH_TIMEOUT(inTime.count("scan"), 6, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(late.count("scan"), 6, 10000);
        QCOMPARE(inTime.events.last().id.toLongLong(), third + 11);
    }

    void aReaderTooFarBehindIsCutAndTheOthersAreNot()
    {
        SseTestClient reader;
        open(reader);
        // Sends its request, then never reads: once Qt buffered 1 KB it stops taking bytes
        // from the kernel, the kernel buffers fill and the server's backlog grows.
        QTcpSocket stalled;
        stalled.setReadBufferSize(1024);
        stalled.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        QVERIFY(stalled.waitForConnected(5000));
        stalled.write("GET /v1/stream/scans HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->stats().subscribers, qint64(2), 10000);
        QSignalSpy cut(&stalled, &QTcpSocket::disconnected);
        int published = 0;
        // 100 events (~30 KB) at a time, waiting for the reader each time, until the stalled
        // client's backlog passes the limit (the kernel buffers take a few MB first).
        while (m_hub->stats().slowClientsCut == 0 && published < 100000) {
            m_hub->publish(events(m_tenantA, 100));
            published += 100;
            QTRY_COMPARE_WITH_TIMEOUT(reader.count("scan"), published, 10000);
        }
        QCOMPARE(m_hub->stats().slowClientsCut, qint64(1));
        QCOMPARE(m_hub->stats().subscribers, qint64(1));
        // The stalled client, reading at last, finds the connection cut (no last chunk).
        stalled.setReadBufferSize(0);
        qint64 got = 0;
        QTRY_VERIFY_WITH_TIMEOUT((got += stalled.readAll().size(), cut.count() == 1), 10000);
        QVERIFY(got < published * 300);
        QCOMPARE(reader.socket.state(), QAbstractSocket::ConnectedState);
        m_hub->publish(events(m_tenantA, 1));
        QTRY_COMPARE_WITH_TIMEOUT(reader.count("scan"), published + 1, 10000);
    }

    void streamsCountAgainstTheConnectionCapAndHeartbeatsBeatTheIdleTimeout()
    {
        ScanStreamHub::Options options;
        options.heartbeatMs = 100;
        const auto hub = std::make_shared<ScanStreamHub>(options);
        ServerConfig config;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 0;
        config.limits.maxConnections = 2;
        config.limits.idleTimeoutMs = 400;
        Server server(config);
        server.setLogSink([](const QString&) {});
        ApiContext context;
        context.db = m_db;
        context.scanStream = hub;
        QVERIFY(ApiRoutes::install(server, context).ok());
        const auto port = server.start();
        QVERIFY(port.ok());

        SseTestClient a, b;
        a.open(*port, "/v1/stream/scans", {auth()});
        b.open(*port, "/v1/stream/scans", {auth()});
        QTRY_VERIFY_WITH_TIMEOUT(!a.retry.isEmpty() && !b.retry.isEmpty(), 10000);
        // A third connection while two streams are open: refused like any other.
        SseTestClient refused;
        refused.open(*port, "/v1/health", {}, true);
        QTRY_COMPARE_WITH_TIMEOUT(refused.status, 503, 10000);
        // Quiet streams outlive many idle timeouts: every heartbeat is traffic.
        QTRY_VERIFY_WITH_TIMEOUT(a.heartbeats >= 20 && b.heartbeats >= 20, 20000);
        QCOMPARE(a.socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(b.socket.state(), QAbstractSocket::ConnectedState);
        // A client leaving frees its place.
        a.socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(hub->stats().subscribers, qint64(1), 10000);
        SseTestClient next;
        next.open(*port, "/v1/stream/scans", {auth()});
        QTRY_COMPARE_WITH_TIMEOUT(next.status, 200, 10000);
    }

    void shutdownEndsOpenStreams()
    {
        SseTestClient a, b;
        open(a);
        open(b);
        bool done = false;
        m_server->shutdown([&done] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(a.bodyEnded && b.bodyEnded, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->stats().subscribers, qint64(0), 10000);
    }
};

QTEST_GUILESS_MAIN(TestScanStream)
#include "tst_scanstream.moc"
