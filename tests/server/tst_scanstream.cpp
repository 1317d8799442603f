// ScanStreamHub behind the real Server on a loopback port, reading the scan feed of a real
// SQLite store, with the hub's limits set small: a Last-Event-ID older than the per-tenant
// buffer (or than what the feed still holds) gives `reset` and then exactly the rest;
// the feed's pruning keeps a bound per tenant and an age, never its newest row;
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
#include <store/scanfeed.h>

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

    // What the scan writer does for a stored batch: feed rows in the store, then a wake-up.
    void publish(const QList<analytics::ScanEvent>& scans)
    {
        QList<store::ScanFeedEntry> rows;
        for (const analytics::ScanEvent& e : scans)
            rows.append(store::ScanFeedEntry{
                0, e.tenantId, e.productId,
                QJsonDocument(ScanStreamHub::eventJson(e)).toJson(QJsonDocument::Compact)});
        QVERIFY(store::ScanFeed(*m_db).append(rows).ok());
        m_hub->wake();
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
        m_hub = std::make_shared<ScanStreamHub>(m_db, options);
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

    void idOlderThanTheBufferGivesResetThenExactlyTheBuffer()
    {
        SseTestClient first;
        open(first);
        publish(events(m_tenantA, 3));
        publish(events(m_tenantB, 4)); // another tenant's events take feed ids too
        QTRY_COMPARE_WITH_TIMEOUT(first.count("scan"), 3, 10000);
        const qint64 third = first.events.at(2).id.toLongLong();
        QVERIFY(first.events.at(1).id.toLongLong() < third);
        first.socket.abort();

        // Ten more while away (a live watcher notes their ids): the buffer (5) reaches
        // back to the last five only, whether or not the feed was pruned yet.
        SseTestClient watcher;
        open(watcher);
        publish(events(m_tenantA, 10));
        QTRY_COMPARE_WITH_TIMEOUT(watcher.count("scan"), 10, 10000);
        QCOMPARE(watcher.events.first().id.toLongLong(), third + 5); // B's four in between

        SseTestClient late;
        open(late, {"Last-Event-ID: " + QByteArray::number(third)});
        QTRY_COMPARE_WITH_TIMEOUT(late.count("scan"), 5, 10000);
        QCOMPARE(late.events.first().type, QByteArray("reset"));
        QCOMPARE(late.events.first().data[u"reason"].toString(), QStringLiteral("events_missed"));
        QCOMPARE(late.events.first().data[u"resumeFrom"].toInteger(),
                 watcher.events.at(4).id.toLongLong());
        QCOMPARE(late.events.first().id, watcher.events.at(4).id);
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(late.events.at(i).id, watcher.events.at(i + 4).id);

        // From the buffer's first id minus one: exactly the buffer, no reset.
        SseTestClient inTime;
        open(inTime, {"Last-Event-ID: " + watcher.events.at(4).id});
        QTRY_COMPARE_WITH_TIMEOUT(inTime.count("scan"), 5, 10000);
        QCOMPARE(inTime.count("reset"), 0);
        QCOMPARE(inTime.events.first().id, watcher.events.at(5).id);

        // New events follow on all of them, with the same next id.
        publish(events(m_tenantA, 1));
        QTRY_COMPARE_WITH_TIMEOUT(watcher.count("scan"), 11, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(inTime.count("scan"), 6, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(late.count("scan"), 6, 10000);
        QCOMPARE(inTime.events.last().id, watcher.events.last().id);
        QCOMPARE(late.events.last().id, watcher.events.last().id);
        QVERIFY(watcher.events.last().id.toLongLong() > watcher.events.at(9).id.toLongLong());

        // Pruned from the store (the scan writer keeps a bound per tenant): an id before
        // the cut gets a reset at the cut, then exactly the rows kept; tenant B is untouched.
        auto removed = store::ScanFeed(*m_db).prune({m_tenantA}, 2, QDateTime());
        QVERIFY(removed.ok());
        QCOMPARE(*removed, qint64(3 + 11 - 2));
        SseTestClient afterPrune;
        open(afterPrune, {"Last-Event-ID: " + watcher.events.at(5).id});
        QTRY_COMPARE_WITH_TIMEOUT(afterPrune.count("scan"), 2, 10000);
        QCOMPARE(afterPrune.events.first().type, QByteArray("reset"));
        QCOMPARE(afterPrune.events.first().id, watcher.events.at(8).id);
        QCOMPARE(afterPrune.events.at(1).id, watcher.events.at(9).id);
        QCOMPARE(afterPrune.events.at(2).id, watcher.events.at(10).id);
        // Never handed out: told, nothing replayed, and the next event follows.
        SseTestClient future;
        open(future, {"Last-Event-ID: 9007199254740000"});
        QTRY_COMPARE_WITH_TIMEOUT(future.count("reset"), 1, 10000);
        QCOMPARE(future.events.first().data[u"reason"].toString(),
                 QStringLiteral("unknown_event_id"));
        QCOMPARE(future.events.first().id, watcher.events.last().id);
        publish(events(m_tenantA, 1));
        QTRY_COMPARE_WITH_TIMEOUT(future.count("scan"), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(watcher.count("scan"), 12, 10000);
        QCOMPARE(future.events.last().id, watcher.events.last().id);
    }

    void theFeedIsBoundedPerTenantAndByAge()
    {
        publish(events(m_tenantA, 6));
        publish(events(m_tenantB, 3));
        store::ScanFeed feed(*m_db);
        const qint64 last = *feed.lastSeq();
        // Count rule for A only; B keeps its three.
        QCOMPARE(*feed.prune({m_tenantA}, 4, QDateTime()), qint64(2));
        auto a = feed.window(m_tenantA, 0, last, 100);
        auto b = feed.window(m_tenantB, 0, last, 100);
        QCOMPARE(a->entries.size(), 4);
        QCOMPARE(b->entries.size(), 3);
        QCOMPARE(b->prunedUpTo, qint64(0));
        QVERIFY(a->prunedUpTo > 0 && a->prunedUpTo < a->entries.last().seq);
        // Age rule: everything is older than a cut in the future, but the newest row
        // stays, so lastSeq() never goes back and old ids are never "unknown".
        QCOMPARE(*feed.prune({}, 1000, QDateTime::currentDateTimeUtc().addSecs(60)), qint64(6));
        QCOMPARE(*feed.lastSeq(), last);
        QCOMPARE(feed.window(m_tenantA, 0, last, 100)->entries.size(), 0);
        b = feed.window(m_tenantB, 0, last, 100);
        QCOMPARE(b->entries.size(), 1);
        QCOMPARE(b->entries.first().seq, last);
        QCOMPARE(b->prunedUpTo, last - 1);
        // Nothing older than an hour: nothing goes.
        QCOMPARE(*feed.prune({m_tenantA, m_tenantB}, 1000,
                             QDateTime::currentDateTimeUtc().addSecs(-3600)),
                 qint64(0));
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
            publish(events(m_tenantA, 100));
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
        publish(events(m_tenantA, 1));
        QTRY_COMPARE_WITH_TIMEOUT(reader.count("scan"), published + 1, 10000);
    }

    void streamsCountAgainstTheConnectionCapAndHeartbeatsBeatTheIdleTimeout()
    {
        ScanStreamHub::Options options;
        options.heartbeatMs = 100;
        const auto hub = std::make_shared<ScanStreamHub>(m_db, options);
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
