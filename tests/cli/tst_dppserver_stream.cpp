// The live scan stream (GET /v1/stream/scans) on a real dppserver process over a real
// store (SQLite file, then PostgreSQL when DPP_TEST_PG_URL is set), read by raw-socket
// SSE clients: a resolver hit reaches the stream, Last-Event-ID resumes exactly (ids are
// the shared scan feed's, see tst_scanstreamprocesses for two processes), tenants
// and products are kept apart, errors are JSON not streams, heartbeats arrive, abrupt
// disconnects leave no subscriber behind, SIGTERM ends open streams, and 50 clients under
// wrk load all get their events while the server's memory stays within a bound.
#include "ssetestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <passport/resolverlink.h>
#include <store/apikeyrepository.h>
#include <store/database.h>
#include <store/productrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/scanfeed.h>
#include <store/tenantrepository.h>

using dpp::test::SseTestClient;

namespace {

const QByteArray kGtinA = "09506000134352";  // tenant A
const QByteArray kGtinA2 = "05012345678900"; // tenant A, second product
const QByteArray kGtinB = "04006381333931";  // tenant B
const QByteArray kIphoneSafari =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

struct Fixture
{
    QString keyA;        // tenant A, analytics:read
    QString keyANoScope; // tenant A, products:read only
    QString keyB;        // tenant B, analytics:read
    QString productA;    // id of kGtinA
};

bool addProduct(dpp::store::Database& db, const QString& tenant, const QByteArray& gtin,
                QString* id)
{
    dpp::store::ProductRepository products(db, tenant);
    auto made = products.create(QJsonObject{
        {QStringLiteral("gtin"), QString::fromLatin1(gtin)},
        {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Streamed")}}}});
    if (!made.ok())
        return false;
    if (id)
        *id = made->id;
    dpp::passport::ResolverLink link;
    link.gtin = QString::fromLatin1(gtin);
    link.linkType = QStringLiteral("gs1:pip");
    link.href = QStringLiteral("https://example.org/") + QString::fromLatin1(gtin);
    link.title = QStringLiteral("Product page");
    link.languages = {QStringLiteral("en")};
    link.isDefault = true;
    return dpp::store::ResolverLinkRepository(db, tenant).create(link).ok();
}

bool populate(const QString& location, Fixture* f, QString* why)
{
    auto db = dpp::store::Database::open(location);
    if (!db.ok()) {
        *why = db.error().message;
        return false;
    }
    auto a = dpp::store::TenantRepository(**db).ensure(QStringLiteral("acme"));
    auto b = dpp::store::TenantRepository(**db).ensure(QStringLiteral("other"));
    if (!a.ok() || !b.ok()) {
        *why = QStringLiteral("tenants");
        return false;
    }
    if (!addProduct(**db, a->id, kGtinA, &f->productA) ||
        !addProduct(**db, a->id, kGtinA2, nullptr) || !addProduct(**db, b->id, kGtinB, nullptr)) {
        *why = QStringLiteral("products");
        return false;
    }
    const QStringList read{QStringLiteral("analytics:read")};
    auto ka = dpp::store::ApiKeyRepository(**db, a->id).create(QStringLiteral("a"), read, false);
    auto kn = dpp::store::ApiKeyRepository(**db, a->id)
                  .create(QStringLiteral("n"), {QStringLiteral("products:read")}, false);
    auto kb = dpp::store::ApiKeyRepository(**db, b->id).create(QStringLiteral("b"), read, false);
    if (!ka.ok() || !kn.ok() || !kb.ok()) {
        *why = QStringLiteral("keys");
        return false;
    }
    f->keyA = ka->secret;
    f->keyANoScope = kn->secret;
    f->keyB = kb->secret;
    return true;
}

QByteArray bearer(const QString& key)
{
    return "Authorization: Bearer " + key.toLatin1();
}

// One resolver hit on a fresh connection; the status it answered.
int scan(quint16 port, const QByteArray& gtin)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(5000))
        return 0;
    s.write("GET /01/" + gtin + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + kIphoneSafari +
            "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (s.waitForReadyRead(5000))
        answer += s.readAll();
    return answer.split(' ').value(1).toInt();
}

// Spins the event loop (the clients read meanwhile) until `done` or the deadline.
bool waitFor(const std::function<bool()>& done, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

QJsonObject health(quint16 port)
{
    SseTestClient c;
    c.open(port, "/v1/health", {}, true);
    waitFor([&] { return c.socket.state() == QAbstractSocket::UnconnectedState; });
    return QJsonDocument::fromJson(c.body).object();
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const auto m = QRegularExpression(QStringLiteral("VmRSS:\\s+(\\d+) kB"))
                       .match(QString::fromLatin1(f.readAll()));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace

class TestDppserverStream : public QObject
{
    Q_OBJECT

public:
    explicit TestDppserverStream(QString backend) : m_db(std::move(backend)) {}

private:
    dpp::test::TestDatabase m_db;
    QString m_location;
    Fixture m_f;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;

    // Opens a stream and waits for its head (and the retry hint for a 200).
    bool openStream(SseTestClient& c, const QByteArray& target, const QList<QByteArray>& headers)
    {
        c.open(m_port, target, headers);
        return waitFor([&] { return c.status != 0 && (c.status != 200 || !c.retry.isEmpty()); });
    }

    // The error answer of a request that must not become a stream.
    void expectJsonError(const QByteArray& target, const QList<QByteArray>& headers, int status,
                         const QString& param = {})
    {
        SseTestClient c;
        c.open(m_port, target, headers, true);
        QTRY_VERIFY_WITH_TIMEOUT(c.socket.state() == QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(c.status, status);
        QVERIFY2(c.contentType.startsWith("application/json"), c.head.constData());
        const QJsonObject error = QJsonDocument::fromJson(c.body).object()[u"error"].toObject();
        QVERIFY2(!error[u"message"].toString().isEmpty(), c.body.constData());
        if (!param.isEmpty())
            QCOMPARE(error[u"param"].toString(), param);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_location = m_db.create(&why);
        if (m_location.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY2(populate(m_location, &m_f, &why), qPrintable(why));
        m_server = std::make_unique<QProcess>();
        m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QByteArray first;
        const QString url = dpp::test::startDppserver(
            *m_server,
            {QStringLiteral("--database"), m_location, QStringLiteral("--rate-limit"),
             QStringLiteral("0"), QStringLiteral("--stream-heartbeat"), QStringLiteral("1")},
            &first);
        QVERIFY2(!url.isEmpty(), first.constData());
        m_port = quint16(url.section(u':', -1).toUInt());
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->state() == QProcess::Running) {
            m_server->kill();
            m_server->waitForFinished(10000);
        }
    }

    void badStreamPollIsAUsageError()
    {
        for (const char* value : {"0", "9", "5001", "soon"}) {
            const auto r = dpp::test::runTool(QStringLiteral("dppserver"),
                                              {QStringLiteral("--database"), m_location,
                                               QStringLiteral("--stream-poll-ms"),
                                               QString::fromLatin1(value)});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("--stream-poll-ms takes 10 to 5000 milliseconds"),
                     r.err.constData());
        }
    }

    void errorsAreJsonNotStreams()
    {
        expectJsonError("/v1/stream/scans", {}, 401);
        expectJsonError("/v1/stream/scans", {bearer(QStringLiteral("sk_live_nonsense"))}, 401);
        expectJsonError("/v1/stream/scans", {bearer(m_f.keyANoScope)}, 403);
        // Another tenant's product does not exist for this key.
        expectJsonError("/v1/stream/scans?product=" + kGtinB, {bearer(m_f.keyA)}, 404);
        expectJsonError("/v1/stream/scans?product=00000000000000", {bearer(m_f.keyA)}, 404);
        expectJsonError("/v1/stream/scans?product=", {bearer(m_f.keyA)}, 422,
                        QStringLiteral("product"));
        expectJsonError("/v1/stream/scans", {bearer(m_f.keyA), "Last-Event-ID: yesterday"}, 422,
                        QStringLiteral("Last-Event-ID"));
        expectJsonError("/v1/stream/scans?last_event_id=-4", {bearer(m_f.keyA)}, 422,
                        QStringLiteral("last_event_id"));
    }

    void scanReachesTheStreamOfItsTenantOnly()
    {
        SseTestClient all, byGtin, byUuid, other;
        QVERIFY(openStream(all, "/v1/stream/scans", {bearer(m_f.keyA)}));
        QCOMPARE(all.status, 200);
        QVERIFY2(all.contentType.startsWith("text/event-stream"), all.head.constData());
        QVERIFY2(all.head.toLower().contains("cache-control: no-cache"), all.head.constData());
        QCOMPARE(all.retry, QByteArray("3000"));
        // Any GTIN form names the product: 13 digits here.
        QVERIFY(
            openStream(byGtin, "/v1/stream/scans?product=" + kGtinA2.mid(1), {bearer(m_f.keyA)}));
        QVERIFY(openStream(byUuid, "/v1/stream/scans?product=" + m_f.productA.toLatin1(),
                           {bearer(m_f.keyA)}));
        QVERIFY(openStream(other, "/v1/stream/scans", {bearer(m_f.keyB)}));
        QCOMPARE(byGtin.status, 200);
        QCOMPARE(other.status, 200);

        QCOMPARE(scan(m_port, kGtinA), 307);
        QTRY_COMPARE_WITH_TIMEOUT(all.count("scan"), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(byUuid.count("scan"), 1, 10000);
        const QJsonObject data = all.events.last().data;
        QCOMPARE(data[u"gtin"].toString(), QString::fromLatin1(kGtinA));
        QCOMPARE(data[u"productId"].toString(), m_f.productA);
        QCOMPARE(data[u"keyLevel"].toString(), QStringLiteral("gtin"));
        QCOMPARE(data[u"device"].toString(), QStringLiteral("mobile"));
        QCOMPARE(data[u"os"].toString(), QStringLiteral("iOS"));
        QVERIFY(data.contains(u"country"));
        QVERIFY(!data[u"scannedAt"].toString().isEmpty());
        // Nothing that could identify the person who scanned.
        const QByteArray raw = all.body;
        QVERIFY2(!raw.contains("127.0.0.1") && !raw.contains("iPhone OS"), raw.constData());

        QCOMPARE(scan(m_port, kGtinA2), 307);
        QTRY_COMPARE_WITH_TIMEOUT(all.count("scan"), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(byGtin.count("scan"), 1, 10000);
        QCOMPARE(byGtin.events.last().data[u"gtin"].toString(), QString::fromLatin1(kGtinA2));
        QVERIFY(all.events.at(1).id.toLongLong() > all.events.at(0).id.toLongLong());

        QCOMPARE(scan(m_port, kGtinB), 307);
        QTRY_COMPARE_WITH_TIMEOUT(other.count("scan"), 1, 10000);
        QCOMPARE(other.events.last().data[u"gtin"].toString(), QString::fromLatin1(kGtinB));
        // By now A's streams had time to show B's scan had they been going to: a
        // heartbeat (sent after the scan was published) proves the pipe is flushed.
        const int beats = all.heartbeats;
        QTRY_VERIFY_WITH_TIMEOUT(all.heartbeats > beats + 1, 10000);
        QCOMPARE(all.count("scan"), 2);
        QCOMPARE(byUuid.count("scan"), 1);
        QCOMPARE(byGtin.count("scan"), 1);
        QCOMPARE(other.count("scan"), 1);
    }

    void heartbeatsArrive()
    {
        SseTestClient c;
        QVERIFY(openStream(c, "/v1/stream/scans", {bearer(m_f.keyB)}));
        QTRY_VERIFY_WITH_TIMEOUT(c.heartbeats >= 2, 15000);
        QVERIFY(c.body.contains("\n: hb\n"));
        QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    }

    void lastEventIdResumesWithExactlyTheMissedEvents()
    {
        // Stays connected throughout: the ids the resuming clients must get are the ones
        // it saw (ids are the shared feed's seq, so other tenants' scans take numbers too).
        SseTestClient live;
        QVERIFY(openStream(live, "/v1/stream/scans", {bearer(m_f.keyA)}));
        QByteArray lastSeen;
        {
            SseTestClient c;
            QVERIFY(openStream(c, "/v1/stream/scans", {bearer(m_f.keyA)}));
            QCOMPARE(scan(m_port, kGtinA), 307);
            QTRY_COMPARE_WITH_TIMEOUT(c.count("scan"), 1, 10000);
            lastSeen = c.events.last().id;
            c.socket.abort();
        }
        // Missed while away: three of A's scans (and one of B's, which A must not get).
        QCOMPARE(scan(m_port, kGtinA), 307);
        QCOMPARE(scan(m_port, kGtinB), 307);
        QCOMPARE(scan(m_port, kGtinA2), 307);
        QCOMPARE(scan(m_port, kGtinA), 307);
        // Stored (and so published) before we reconnect: /health counts published events.
        QTRY_VERIFY_WITH_TIMEOUT(health(m_port)[u"scans"].toObject()[u"queued"].toInt() == 0,
                                 10000);
        // Through the query parameter (EventSource polyfills); once it has all three, they
        // are certainly published for the header variant below.
        SseTestClient watcher;
        QVERIFY(
            openStream(watcher, "/v1/stream/scans?last_event_id=" + lastSeen, {bearer(m_f.keyA)}));
        QTRY_COMPARE_WITH_TIMEOUT(watcher.count("scan"), 3, 10000);

        SseTestClient resumed;
        QVERIFY(openStream(resumed, "/v1/stream/scans",
                           {bearer(m_f.keyA), "Last-Event-ID: " + lastSeen}));
        QTRY_COMPARE_WITH_TIMEOUT(resumed.count("scan"), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(live.count("scan"), 4, 10000);
        QCOMPARE(live.events.at(0).id, lastSeen);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(resumed.events.at(i).id, live.events.at(i + 1).id);
        QVERIFY(resumed.events.at(0).id.toLongLong() > lastSeen.toLongLong());
        QCOMPARE(resumed.events.at(1).data[u"gtin"].toString(), QString::fromLatin1(kGtinA2));
        QCOMPARE(resumed.count("reset"), 0);
        const int beats = resumed.heartbeats;
        QTRY_VERIFY_WITH_TIMEOUT(resumed.heartbeats > beats, 10000);
        QCOMPARE(resumed.count("scan"), 3); // exactly the missed ones, no repeats

        // Filtered by product: only the missed scans of that product.
        SseTestClient one;
        QVERIFY(openStream(one, "/v1/stream/scans?product=" + kGtinA2,
                           {bearer(m_f.keyA), "Last-Event-ID: " + lastSeen}));
        QTRY_COMPARE_WITH_TIMEOUT(one.count("scan"), 1, 10000);
        QCOMPARE(one.events.first().id, live.events.at(2).id);

        // Up to date: nothing replayed.
        SseTestClient current;
        QVERIFY(openStream(current, "/v1/stream/scans",
                           {bearer(m_f.keyA), "Last-Event-ID: " + resumed.events.last().id}));
        const int currentBeats = current.heartbeats;
        QTRY_VERIFY_WITH_TIMEOUT(current.heartbeats > currentBeats, 10000);
        QCOMPARE(current.events.size(), 0);
    }

    void idsTheServerCannotResumeFromGiveAReset()
    {
        // An id older than the feed still holds: told, then what it holds. The scan writer
        // prunes the feed to 1,000 events per tenant; here the test prunes tenant B's to
        // its newest one, as any process sharing the store may.
        {
            auto db = dpp::store::Database::open(m_location);
            QVERIFY(db.ok());
            auto tenant = dpp::store::TenantRepository(**db).ensure(QStringLiteral("other"));
            QVERIFY(tenant.ok());
            QVERIFY(dpp::store::ScanFeed(**db).prune({tenant->id}, 1, QDateTime()).ok());
        }
        SseTestClient old;
        QVERIFY(openStream(old, "/v1/stream/scans", {bearer(m_f.keyB), "Last-Event-ID: 1"}));
        QTRY_VERIFY_WITH_TIMEOUT(old.count("reset") == 1 && old.count("scan") == 1, 10000);
        QCOMPARE(old.events.first().type, QByteArray("reset"));
        QCOMPARE(old.events.first().data[u"reason"].toString(), QStringLiteral("events_missed"));
        QVERIFY(old.events.at(1).id.toLongLong() > old.events.first().id.toLongLong());
        // An id never handed out (by any process on this store): told, nothing replayed.
        SseTestClient future;
        QVERIFY(openStream(future, "/v1/stream/scans",
                           {bearer(m_f.keyB), "Last-Event-ID: 9007199254740000"}));
        QTRY_COMPARE_WITH_TIMEOUT(future.count("reset"), 1, 10000);
        QCOMPARE(future.events.first().data[u"reason"].toString(),
                 QStringLiteral("unknown_event_id"));
        const int beats = future.heartbeats;
        QTRY_VERIFY_WITH_TIMEOUT(future.heartbeats > beats, 10000);
        QCOMPARE(future.count("scan"), 0);
        // Its resume position is now: the next scan follows the reset's id.
        QCOMPARE(scan(m_port, kGtinB), 307);
        QTRY_COMPARE_WITH_TIMEOUT(future.count("scan"), 1, 10000);
        QVERIFY(future.events.last().id.toLongLong() > future.events.first().id.toLongLong());
    }

    void abruptDisconnectsLeaveNoSubscriberBehind()
    {
        const qint64 before = health(m_port)[u"stream"].toObject()[u"subscribers"].toInteger();
        for (int round = 0; round < 3; ++round) {
            std::vector<std::unique_ptr<SseTestClient>> clients;
            for (int i = 0; i < 8; ++i) {
                clients.push_back(std::make_unique<SseTestClient>());
                clients.back()->open(m_port, "/v1/stream/scans", {bearer(m_f.keyA)});
            }
            // Some leave before the head, some right after, some after an event.
            clients[0]->socket.abort();
            clients[1]->socket.abort();
            QTRY_VERIFY_WITH_TIMEOUT(clients[7]->status == 200, 10000);
            for (int i = 2; i < 5; ++i)
                clients[i]->socket.abort();
            QCOMPARE(scan(m_port, kGtinA), 307);
            QTRY_VERIFY_WITH_TIMEOUT(clients[7]->count("scan") >= 1, 10000);
            for (auto& c : clients)
                c->socket.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(health(m_port)[u"stream"].toObject()[u"subscribers"].toInteger(),
                                  before, 10000);
        // Still serving streams.
        SseTestClient c;
        QVERIFY(openStream(c, "/v1/stream/scans", {bearer(m_f.keyA)}));
        QCOMPARE(c.status, 200);
    }

    void fiftyClientsUnderWrkLoadAllGetTheirEvents()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty())
            QSKIP("wrk is not installed (installer/deps-debian.sh installs it)");
        const qint64 pid = m_server->processId();
        // Warm-up: the first stream and the first scans allocate what every later one reuses.
        const qint64 rssBefore = rssKb(pid);
        QVERIFY(rssBefore > 0);
        std::vector<std::unique_ptr<SseTestClient>> clients;
        for (int i = 0; i < 50; ++i) {
            clients.push_back(std::make_unique<SseTestClient>());
            clients.back()->open(m_port, "/v1/stream/scans", {bearer(m_f.keyA)});
        }
        for (auto& c : clients)
            QTRY_VERIFY_WITH_TIMEOUT(c->status == 200 && !c->retry.isEmpty(), 10000);
        const qint64 eventsBefore = health(m_port)[u"stream"].toObject()[u"events"].toInteger();

        // Paced (each connection waits 2 ms between requests): this one test process reads
        // all 50 streams on a shared 2-core machine, and a reader that falls 1 MB behind is
        // cut by design. The unpaced figures are bench_scanstream's.
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("paced.lua"));
        QFile lua(script);
        QVERIFY(lua.open(QIODevice::WriteOnly));
        lua.write("function delay()\n  return 2\nend\n");
        lua.close();
        QProcess wrk;
        wrk.start(QStringLiteral("wrk"), {QStringLiteral("-t1"), QStringLiteral("-c4"),
                                          QStringLiteral("-d5s"), QStringLiteral("-s"), script,
                                          QStringLiteral("http://127.0.0.1:%1/01/%2")
                                              .arg(m_port)
                                              .arg(QString::fromLatin1(kGtinA))});
        QVERIFY(wrk.waitForStarted(5000));
        // Keep reading the streams while wrk runs: the clients live in this event loop.
        QTRY_VERIFY_WITH_TIMEOUT(wrk.state() == QProcess::NotRunning, 60000);
        const QByteArray wrkOut = wrk.readAllStandardOutput();
        const auto m = QRegularExpression(QStringLiteral("(\\d+) requests in"))
                           .match(QString::fromLatin1(wrkOut));
        QVERIFY2(m.hasMatch(), wrkOut.constData());
        const qint64 requests = m.captured(1).toLongLong();
        QVERIFY2(requests > 100, wrkOut.constData());

        // Every scan stored is published; wait until the stream counted them all.
        qint64 published = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            (published = health(m_port)[u"stream"].toObject()[u"events"].toInteger() -
                         eventsBefore) >= requests,
            60000);
        // No client starves: each got at least half of them by now, and all in the end
        // unless the server cut it as too slow (which /health would count).
        int cut = 0;
        for (auto& c : clients) {
            QTRY_VERIFY_WITH_TIMEOUT(c->count("scan") >= published / 2 ||
                                         c->socket.state() != QAbstractSocket::ConnectedState,
                                     30000);
            if (c->socket.state() != QAbstractSocket::ConnectedState)
                ++cut;
        }
        const QJsonObject stream = health(m_port)[u"stream"].toObject();
        QVERIFY2(cut == 0, qPrintable(QStringLiteral("%1 clients were cut; hub: %2")
                                          .arg(cut)
                                          .arg(QString::fromUtf8(QJsonDocument(stream).toJson(
                                              QJsonDocument::Compact)))));
        for (auto& c : clients)
            QTRY_COMPARE_WITH_TIMEOUT(qint64(c->count("scan")), published, 30000);
        clients.clear();
        QTRY_VERIFY_WITH_TIMEOUT(
            health(m_port)[u"stream"].toObject()[u"subscribers"].toInteger() == 0, 10000);
        const qint64 rssAfter = rssKb(pid);
        qInfo("wrk requests %lld, events per client %lld, server RSS %lld kB -> %lld kB",
              static_cast<long long>(requests), static_cast<long long>(published),
              static_cast<long long>(rssBefore), static_cast<long long>(rssAfter));
        // The rings are bounded (1,000 events per tenant) and cut-off clients free their
        // backlog: memory is not proportional to the scans streamed.
        QVERIFY2(rssAfter - rssBefore < 30 * 1024,
                 qPrintable(QStringLiteral("RSS %1 kB -> %2 kB").arg(rssBefore).arg(rssAfter)));
    }

    void sigtermEndsOpenStreams()
    {
        SseTestClient a, b;
        QVERIFY(openStream(a, "/v1/stream/scans", {bearer(m_f.keyA)}));
        QVERIFY(openStream(b, "/v1/stream/scans", {bearer(m_f.keyB)}));
        ::kill(pid_t(m_server->processId()), SIGTERM);
        // The body ends properly (last chunk), so EventSource reconnects elsewhere.
        QTRY_VERIFY_WITH_TIMEOUT(a.bodyEnded && b.bodyEnded, 10000);
        // (waitForFinished is false when the event loop above already saw the exit.)
        QVERIFY(m_server->state() == QProcess::NotRunning || m_server->waitForFinished(10000));
        QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server->exitCode(), 0);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestDppserverStream>(argc, argv);
}

#include "tst_dppserver_stream.moc"
