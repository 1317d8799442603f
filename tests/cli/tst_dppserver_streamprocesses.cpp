// The live scan stream across processes: two real dppserver processes on one PostgreSQL
// store (what a hosted deployment behind a load balancer runs). A stream on process B
// gets the scans process A's resolver answered; a Last-Event-ID handed out by B resumes on
// A with exactly the missed events; each tenant sees only its own scans on either process.
// PostgreSQL only (SQLite is one process's store): skipped without DPP_TEST_PG_URL. It
// lives with the other dppserver process suites (tests/cli), which are built after
// dppserver.
#include "ssetestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <passport/resolverlink.h>
#include <store/apikeyrepository.h>
#include <store/database.h>
#include <store/productrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/tenantrepository.h>

using dpp::test::SseTestClient;

namespace {

const QByteArray kGtinA = "09506000134352"; // tenant A
const QByteArray kGtinB = "04006381333931"; // tenant B

bool addProduct(dpp::store::Database& db, const QString& tenant, const QByteArray& gtin)
{
    auto made =
        dpp::store::ProductRepository(db, tenant)
            .create(QJsonObject{{QStringLiteral("gtin"), QString::fromLatin1(gtin)},
                                {QStringLiteral("name"),
                                 QJsonObject{{QStringLiteral("en"), QStringLiteral("Shared")}}}});
    if (!made.ok())
        return false;
    dpp::passport::ResolverLink link;
    link.gtin = QString::fromLatin1(gtin);
    link.linkType = QStringLiteral("gs1:pip");
    link.href = QStringLiteral("https://example.org/") + QString::fromLatin1(gtin);
    link.title = QStringLiteral("Product page");
    link.languages = {QStringLiteral("en")};
    link.isDefault = true;
    return dpp::store::ResolverLinkRepository(db, tenant).create(link).ok();
}

// One resolver hit on a fresh connection; the status it answered.
int scan(quint16 port, const QByteArray& gtin)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(5000))
        return 0;
    s.write("GET /01/" + gtin +
            " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (s.waitForReadyRead(5000))
        answer += s.readAll();
    return answer.split(' ').value(1).toInt();
}

QByteArray bearer(const QString& key)
{
    return "Authorization: Bearer " + key.toLatin1();
}

} // namespace

class TestDppserverStreamProcesses : public QObject
{
    Q_OBJECT

    dpp::test::TestDatabase m_db{QStringLiteral("postgresql")};
    QString m_location, m_keyA, m_keyB;
    QProcess m_a, m_b;
    quint16 m_portA = 0, m_portB = 0;

    quint16 start(QProcess& p)
    {
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QByteArray first;
        const QString url = dpp::test::startDppserver(
            p,
            {QStringLiteral("--database"), m_location, QStringLiteral("--rate-limit"),
             QStringLiteral("0"), QStringLiteral("--stream-heartbeat"), QStringLiteral("1"),
             QStringLiteral("--stream-poll-ms"), QStringLiteral("100")},
            &first);
        return url.isEmpty() ? 0 : quint16(url.section(u':', -1).toUInt());
    }

    bool open(SseTestClient& c, quint16 port, const QString& key,
              const QList<QByteArray>& extra = {})
    {
        c.open(port, "/v1/stream/scans", QList<QByteArray>{bearer(key)} + extra);
        QDeadlineTimer deadline(10000);
        while (c.retry.isEmpty() && !deadline.hasExpired())
            QTest::qWait(5);
        return c.status == 200 && !c.retry.isEmpty();
    }

    // A heartbeat sent after `c` had time to get anything still on its way.
    static void settle(SseTestClient& c)
    {
        const int beats = c.heartbeats;
        QTRY_VERIFY_WITH_TIMEOUT(c.heartbeats > beats + 1, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_location = m_db.create(&why);
        if (m_location.isEmpty())
            QSKIP(qPrintable(why));
        auto db = dpp::store::Database::open(m_location);
        QVERIFY(db.ok());
        auto a = dpp::store::TenantRepository(**db).ensure(QStringLiteral("acme"));
        auto b = dpp::store::TenantRepository(**db).ensure(QStringLiteral("other"));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(addProduct(**db, a->id, kGtinA));
        QVERIFY(addProduct(**db, b->id, kGtinB));
        const QStringList read{QStringLiteral("analytics:read")};
        auto ka =
            dpp::store::ApiKeyRepository(**db, a->id).create(QStringLiteral("a"), read, false);
        auto kb =
            dpp::store::ApiKeyRepository(**db, b->id).create(QStringLiteral("b"), read, false);
        QVERIFY(ka.ok() && kb.ok());
        m_keyA = ka->secret;
        m_keyB = kb->secret;
        m_portA = start(m_a);
        m_portB = start(m_b);
        QVERIFY(m_portA != 0 && m_portB != 0);
    }

    void cleanupTestCase()
    {
        for (QProcess* p : {&m_a, &m_b}) {
            if (p->state() == QProcess::Running) {
                p->kill();
                p->waitForFinished(10000);
            }
        }
        m_db.drop();
    }

    void aStreamOnOneProcessGetsTheScansAnotherAnswered()
    {
        SseTestClient onBForA, onBForB, onAForB;
        QVERIFY(open(onBForA, m_portB, m_keyA));
        QVERIFY(open(onBForB, m_portB, m_keyB));
        QVERIFY(open(onAForB, m_portA, m_keyB));

        QCOMPARE(scan(m_portA, kGtinA), 307); // answered by A
        QTRY_COMPARE_WITH_TIMEOUT(onBForA.count("scan"), 1, 5000);
        QCOMPARE(onBForA.events.last().data[u"gtin"].toString(), QString::fromLatin1(kGtinA));

        QCOMPARE(scan(m_portB, kGtinB), 307); // answered by B, streamed by A too
        QTRY_COMPARE_WITH_TIMEOUT(onAForB.count("scan"), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(onBForB.count("scan"), 1, 5000);
        // Both processes hand out the same id for the same scan.
        QCOMPARE(onAForB.events.last().id, onBForB.events.last().id);

        // Tenants stay apart on both processes.
        settle(onBForA);
        settle(onAForB);
        QCOMPARE(onBForA.count("scan"), 1);
        QCOMPARE(onBForB.count("scan"), 1);
        QCOMPARE(onAForB.count("scan"), 1);
        QCOMPARE(onBForB.events.last().data[u"gtin"].toString(), QString::fromLatin1(kGtinB));
    }

    void anIdFromOneProcessResumesOnTheOther()
    {
        // A live watcher on B notes the ids; a client on B leaves after one event.
        SseTestClient watcher;
        QVERIFY(open(watcher, m_portB, m_keyA));
        QByteArray lastSeen;
        {
            SseTestClient leaving;
            QVERIFY(open(leaving, m_portB, m_keyA));
            QCOMPARE(scan(m_portA, kGtinA), 307);
            QTRY_COMPARE_WITH_TIMEOUT(leaving.count("scan"), 1, 5000);
            lastSeen = leaving.events.last().id;
            leaving.socket.abort();
        }
        // Missed while away, answered by either process: three of A's, one of B's.
        QCOMPARE(scan(m_portB, kGtinA), 307);
        QCOMPARE(scan(m_portA, kGtinB), 307);
        QCOMPARE(scan(m_portA, kGtinA), 307);
        QCOMPARE(scan(m_portB, kGtinA), 307);
        QTRY_COMPARE_WITH_TIMEOUT(watcher.count("scan"), 4, 5000);
        QCOMPARE(watcher.events.first().id, lastSeen);

        // Reconnect to the other process with B's id: exactly the three missed, in order.
        SseTestClient resumed;
        QVERIFY(open(resumed, m_portA, m_keyA, {"Last-Event-ID: " + lastSeen}));
        QTRY_COMPARE_WITH_TIMEOUT(resumed.count("scan"), 3, 5000);
        QCOMPARE(resumed.count("reset"), 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(resumed.events.at(i).id, watcher.events.at(i + 1).id);
        settle(resumed);
        QCOMPARE(resumed.count("scan"), 3); // no repeats, none of tenant B's

        // Tenant B resuming on A from the same id gets its own one scan, nothing of A's.
        SseTestClient otherTenant;
        QVERIFY(open(otherTenant, m_portA, m_keyB, {"Last-Event-ID: " + lastSeen}));
        QTRY_COMPARE_WITH_TIMEOUT(otherTenant.count("scan"), 1, 5000);
        QCOMPARE(otherTenant.events.first().data[u"gtin"].toString(), QString::fromLatin1(kGtinB));
        settle(otherTenant);
        QCOMPARE(otherTenant.count("scan"), 1);

        // And the resumed stream goes on live with scans from both processes.
        QCOMPARE(scan(m_portB, kGtinA), 307);
        QTRY_COMPARE_WITH_TIMEOUT(resumed.count("scan"), 4, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(watcher.count("scan"), 5, 5000);
        QCOMPARE(resumed.events.last().id, watcher.events.last().id);
    }
};

QTEST_GUILESS_MAIN(TestDppserverStreamProcesses)
#include "tst_dppserver_streamprocesses.moc"
