// Scan events and analytics against the real server on a loopback port and a real store
// (SQLite file, then PostgreSQL when DPP_TEST_PG_URL is set), with a real GeoIP database
// written by tests/services/geoip-testdb.pl: enrichment (GeoIP, user agent, referrer
// host), no personal data in the schema, queue overflow and /health, flush on stop, and
// the analytics endpoints' figures, bucketing, tenant isolation and parameter errors.
#include "geoiptestsupport.h"
#include "httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QTemporaryFile>
#include <QTimeZone>
#include <analytics/geoipdatabase.h>
#include <analytics/scanevent.h>
#include <analytics/useragentparser.h>
#include <passport/apikey.h>
#include <server/apiroutes.h>
#include <server/scanrecorder.h>
#include <server/server.h>
#include <store/apikeyrepository.h>
#include <store/productrepository.h>
#include <store/scanrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::server;
using dpp::test::NamReply;
using dpp::test::namSend;
using dpp::test::waitUntil;

namespace {

// Real User-Agent strings as the browsers send them.
const QByteArray kIphoneSafari =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
const QByteArray kAndroidChrome =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.0.0 Mobile Safari/537.36";
const QByteArray kIpad = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 "
                         "(KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
const QByteArray kAndroidTablet =
    "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.0.0 Safari/537.36";
const QByteArray kWindowsEdge =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.0.0 Safari/537.36 Edg/119.0.2151.72";
const QByteArray kWindowsChrome =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.0.0 Safari/537.36";
const QByteArray kMacSafari =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.1 Safari/605.1.15";
const QByteArray kMacFirefox =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:120.0) Gecko/20100101 Firefox/120.0";
const QByteArray kLinuxFirefox =
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
const QByteArray kGooglebot =
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/119.0.6045.199 Mobile Safari/537.36 (compatible; Googlebot/2.1; "
    "+http://www.google.com/bot.html)";
const QByteArray kBingbot =
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";

analytics::ScanEvent scanEvent(const QString& tenant, const QString& product, const QString& day,
                               const QString& country, const QString& device,
                               const QString& referrer = {})
{
    analytics::ScanEvent e;
    e.tenantId = tenant;
    e.productId = product;
    e.gtin = QStringLiteral("04006381333931");
    e.keyLevel = QStringLiteral("gtin");
    e.linkType = QStringLiteral("gs1:defaultLink");
    e.at = QDateTime(QDate::fromString(day, Qt::ISODate), QTime(12, 0), Qt::UTC);
    e.country = country;
    e.device = device;
    e.os = QStringLiteral("iOS");
    e.browser = QStringLiteral("Safari");
    e.referrerHost = referrer;
    return e;
}

// Stores events as the recorder does; the driver's message on failure.
QString insertEvents(store::Database& db, const QList<analytics::ScanEvent>& events)
{
    const Status s = store::ScanRepository::insert(db, events);
    return s.ok() ? QString() : s.error().message;
}

int countOf(const QJsonArray& series, const QString& date)
{
    for (const QJsonValue& v : series) {
        if (v[u"date"].toString() == date)
            return v[u"count"].toInt();
    }
    return -1;
}

} // namespace

class TestScans : public QObject
{
    Q_OBJECT

public:
    explicit TestScans(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QString m_location;
    std::shared_ptr<analytics::GeoIpDatabase> m_geoip;
    std::shared_ptr<store::Database> m_db;
    std::shared_ptr<ScanRecorder> m_recorder;
    std::unique_ptr<Server> m_server;
    QNetworkAccessManager m_nam;
    QString m_url;
    QString m_tenantA, m_tenantB, m_productA, m_productA2, m_productB;
    QString m_keyA, m_keyB, m_keyNoScope;

    // A second connection that holds the write lock on the scan tables, as a busy or slow
    // store would: the recorder's writer waits on it while the server keeps answering.
    struct StoreLock
    {
        QString name = QStringLiteral("lock-") + QUuid::createUuid().toString();
        ~StoreLock() { release(); }
        bool take(const QString& location, bool postgres)
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(
                postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
            if (postgres) {
                const QUrl url(location);
                db.setHostName(url.host());
                db.setPort(url.port(5432));
                db.setUserName(url.userName());
                db.setDatabaseName(url.path().mid(1));
            } else {
                db.setDatabaseName(location);
            }
            if (!db.open())
                return false;
            QSqlQuery q(db);
            if (postgres)
                return q.exec(QStringLiteral("BEGIN")) &&
                       q.exec(QStringLiteral("LOCK TABLE scan_events IN EXCLUSIVE MODE"));
            return q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        }
        void release()
        {
            if (name.isEmpty())
                return;
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                if (db.isOpen()) {
                    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                    db.close();
                }
            }
            QSqlDatabase::removeDatabase(name);
            name.clear();
        }
    };

    RawScan scan(const QString& ip, const QByteArray& agent = {}, const QByteArray& referer = {})
    {
        RawScan s;
        s.tenantId = m_tenantA;
        s.productId = m_productA;
        s.gtin = QStringLiteral("04006381333931");
        s.keyLevel = QStringLiteral("serial");
        s.serial = QStringLiteral("SN000001");
        s.lot = QStringLiteral("LOT2026A");
        s.linkType = QStringLiteral("gs1:defaultLink");
        s.at = QDateTime::currentDateTimeUtc();
        s.client = QHostAddress(ip);
        s.userAgent = agent;
        s.referer = referer;
        return s;
    }

    NamReply get(const QString& path, const QString& key)
    {
        return namSend(m_nam, "GET", QUrl(m_url + path), {},
                       {{"Authorization", "Bearer " + key.toLatin1()}});
    }

    QJsonObject health()
    {
        return namSend(m_nam, "GET", QUrl(m_url + QStringLiteral("/v1/health"))).json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        const QString path = test::testGeoIpDatabase(&why);
        if (path.isEmpty())
            QSKIP(qPrintable(why));
        auto geoip = analytics::GeoIpDatabase::open(path);
        QVERIFY2(geoip.ok(), qPrintable(geoip.ok() ? QString() : geoip.error().message));
        m_geoip = *geoip;
    }

    void init()
    {
        // Parsers and lookups need no store and no server.
        static const QStringList storeless = {QStringLiteral("geoIpLooksUpTheTestDatabase"),
                                              QStringLiteral("geoIpRejectsMissingAndBrokenFiles"),
                                              QStringLiteral("userAgentsAreClassified"),
                                              QStringLiteral("referrerKeepsTheHostOnly")};
        if (storeless.contains(QLatin1String(QTest::currentTestFunction())))
            return;
        test::TwoTenantStore fixture;
        if (const QString skip = fixture.open(m_test); !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(fixture.db, qPrintable(fixture.error));
        m_db = fixture.db;
        m_location = fixture.location;
        m_tenantA = fixture.tenantA;
        m_tenantB = fixture.tenantB;
        const auto product = [&](const QString& tenant, const QString& gtin) {
            auto p = store::ProductRepository(*m_db, tenant)
                         .create(QJsonObject{
                             {QStringLiteral("gtin"), gtin},
                             {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), gtin}}}});
            return p.ok() ? p->id : QString();
        };
        m_productA = product(m_tenantA, QStringLiteral("04006381333931"));
        m_productA2 = product(m_tenantA, QStringLiteral("09506000134352"));
        m_productB = product(m_tenantB, QStringLiteral("05601234567892"));
        QVERIFY(!m_productA.isEmpty() && !m_productA2.isEmpty() && !m_productB.isEmpty());
        const auto key = [&](const QString& tenant, const QStringList& scopes) {
            auto k =
                store::ApiKeyRepository(*m_db, tenant).create(QStringLiteral("t"), scopes, false);
            return k.ok() ? k->secret : QString();
        };
        m_keyA = key(m_tenantA, passport::ApiKey::knownScopes());
        m_keyB = key(m_tenantB, passport::ApiKey::knownScopes());
        m_keyNoScope = key(m_tenantA, {QStringLiteral("products:read")});
        QVERIFY(!m_keyA.isEmpty() && !m_keyB.isEmpty() && !m_keyNoScope.isEmpty());

        ScanRecorder::Options options;
        options.database = m_location;
        options.geoip = m_geoip;
        options.capacity = 5; // small, so the overflow test can fill it
        auto recorder = ScanRecorder::start(options);
        QVERIFY2(recorder.ok(), qPrintable(recorder.ok() ? QString() : recorder.error().message));
        m_recorder = *recorder;

        ServerConfig config;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 0;
        m_server = std::make_unique<Server>(config);
        m_server->setLogSink([](const QString&) {});
        m_server->addHealthSection(QStringLiteral("scans"),
                                   [r = m_recorder] { return r->statsJson(); });
        ApiContext context;
        context.db = m_db;
        context.scans = m_recorder;
        context.baseUrl = [] { return QStringLiteral("https://id.example.com"); };
        QVERIFY(ApiRoutes::install(*m_server, context).ok());
        QVERIFY(m_server->start().ok());
        m_url = m_server->listenUrl();
    }

    void cleanup()
    {
        m_server.reset();
        m_recorder.reset();
        m_db.reset();
        m_test.drop();
    }

    void geoIpLooksUpTheTestDatabase()
    {
        QCOMPARE(m_geoip->databaseType(), QStringLiteral("GeoIP2-City"));
        const auto munich = m_geoip->lookup(QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(munich.country, QStringLiteral("DE"));
        QCOMPARE(munich.region, QStringLiteral("Bavaria"));
        QCOMPARE(munich.city, QStringLiteral("Munich"));
        // IPv4 on a dual-stack socket.
        QCOMPARE(m_geoip->lookup(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))).country,
                 QStringLiteral("DE"));
        const auto paris = m_geoip->lookup(QHostAddress(QStringLiteral("192.0.2.77")));
        QCOMPARE(paris.country, QStringLiteral("FR"));
        QCOMPARE(paris.region, QString::fromUtf8("Île-de-France"));
        const auto sk = m_geoip->lookup(QHostAddress(QStringLiteral("198.51.100.9")));
        QCOMPARE(sk.country, QStringLiteral("SK"));
        QVERIFY(sk.region.isEmpty() && sk.city.isEmpty());
        QCOMPARE(m_geoip->lookup(QHostAddress(QStringLiteral("2001:db8::1"))).city,
                 QStringLiteral("Vienna"));
        // Not in the database: unknown, never guessed.
        QVERIFY(m_geoip->lookup(QHostAddress(QStringLiteral("10.1.2.3"))).country.isEmpty());
        QVERIFY(m_geoip->lookup(QHostAddress(QStringLiteral("127.0.0.2"))).country.isEmpty());
    }

    void geoIpRejectsMissingAndBrokenFiles()
    {
        const auto missing = analytics::GeoIpDatabase::open(QStringLiteral("/nonexistent/x.mmdb"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().param, QStringLiteral("geoip"));
        QTemporaryFile junk;
        QVERIFY(junk.open());
        junk.write("not a maxmind database at all");
        junk.flush();
        const auto broken = analytics::GeoIpDatabase::open(junk.fileName());
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().message.contains(QStringLiteral("not a MaxMind DB")),
                 qPrintable(broken.error().message));
    }

    void userAgentsAreClassified_data()
    {
        QTest::addColumn<QByteArray>("agent");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("browser");
        QTest::newRow("iPhone Safari") << kIphoneSafari << "mobile"
                                       << "iOS"
                                       << "Safari";
        QTest::newRow("Android Chrome") << kAndroidChrome << "mobile"
                                        << "Android"
                                        << "Chrome";
        QTest::newRow("iPad Safari") << kIpad << "tablet"
                                     << "iOS"
                                     << "Safari";
        QTest::newRow("Android tablet") << kAndroidTablet << "tablet"
                                        << "Android"
                                        << "Chrome";
        QTest::newRow("Windows Edge") << kWindowsEdge << "desktop"
                                      << "Windows"
                                      << "Edge";
        QTest::newRow("Windows Chrome") << kWindowsChrome << "desktop"
                                        << "Windows"
                                        << "Chrome";
        QTest::newRow("macOS Safari") << kMacSafari << "desktop"
                                      << "macOS"
                                      << "Safari";
        QTest::newRow("macOS Firefox") << kMacFirefox << "desktop"
                                       << "macOS"
                                       << "Firefox";
        QTest::newRow("Linux Firefox") << kLinuxFirefox << "desktop"
                                       << "Linux"
                                       << "Firefox";
        QTest::newRow("iPhone Chrome")
            << QByteArray("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) "
                          "AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/119.0.6045.169 "
                          "Mobile/15E148 Safari/604.1")
            << "mobile"
            << "iOS"
            << "Chrome";
        QTest::newRow("Samsung Internet")
            << QByteArray("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36 "
                          "(KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile "
                          "Safari/537.36")
            << "mobile"
            << "Android"
            << "Samsung Internet";
        QTest::newRow("Googlebot") << kGooglebot << "bot"
                                   << "Android"
                                   << "bot";
        QTest::newRow("bingbot") << kBingbot << "bot"
                                 << "other"
                                 << "bot";
        QTest::newRow("curl") << QByteArray("curl/7.88.1") << "bot"
                              << "other"
                              << "bot";
        QTest::newRow("empty") << QByteArray() << "unknown"
                               << "other"
                               << "other";
    }

    void userAgentsAreClassified()
    {
        QFETCH(QByteArray, agent);
        const auto info = analytics::UserAgentParser::parse(agent);
        QTEST(info.device, "device");
        QTEST(info.os, "os");
        QTEST(info.browser, "browser");
    }

    void referrerKeepsTheHostOnly()
    {
        using analytics::ScanEvent;
        QCOMPARE(ScanEvent::referrerHostOf("https://WWW.Instagram.com/p/abc?igshid=123&u=me"),
                 QStringLiteral("www.instagram.com"));
        QCOMPARE(ScanEvent::referrerHostOf("android-app://com.google.android.gm/"),
                 QStringLiteral("com.google.android.gm"));
        QVERIFY(ScanEvent::referrerHostOf("/relative/path").isEmpty());
        QVERIFY(ScanEvent::referrerHostOf("").isEmpty());
        QVERIFY(ScanEvent::referrerHostOf("ht!tp://bad host/").isEmpty());
    }

    void recorderStoresEnrichedEventsWithoutPersonalData()
    {
        m_recorder->record(scan(QStringLiteral("127.0.0.1"), kIphoneSafari,
                                "https://www.instagram.com/p/xyz?utm_source=me"));
        m_recorder->record(scan(QStringLiteral("192.0.2.9"), kAndroidChrome));
        m_recorder->record(scan(QStringLiteral("10.9.8.7"), kWindowsEdge, "not a url"));
        QVERIFY(m_recorder->flush(30000));
        QCOMPARE(m_recorder->stats().recorded, 3);

        QSqlQuery q = m_db->prepare(QStringLiteral(
            "SELECT country, region, city, device, os, browser, referrer_host, key_level, "
            "link_type, product_id, tenant_id, gtin, scanned_at, day FROM scan_events "
            "ORDER BY device DESC"));
        QVERIFY(store::Database::exec(q).ok());
        QStringList rows;
        while (q.next()) {
            QStringList cells;
            for (int i = 0; i < 9; ++i)
                cells.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            rows.append(cells.join(u'|'));
            QCOMPARE(q.value(9).toString(), m_productA);
            QCOMPARE(q.value(10).toString(), m_tenantA);
            QCOMPARE(q.value(11).toString(), QStringLiteral("04006381333931"));
            QVERIFY(q.value(12).toString().endsWith(u'Z'));
            QCOMPARE(q.value(13).toString(),
                     QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        }
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0), QStringLiteral("DE|Bavaria|Munich|mobile|iOS|Safari|www.instagram.com|"
                                            "serial|gs1:defaultLink"));
        QCOMPARE(rows.at(1), QString::fromUtf8("FR|Île-de-France|Paris|mobile|Android|Chrome|NULL|"
                                               "serial|gs1:defaultLink"));
        QCOMPARE(rows.at(2), QStringLiteral("NULL|NULL|NULL|desktop|Windows|Edge|NULL|serial|"
                                            "gs1:defaultLink"));

        // Nothing personal anywhere in the store: no address, user agent, referrer URL,
        // lot or serial columns in the scan tables, no address column in any table, and
        // the client addresses appear in no stored value.
        static const QRegularExpression personal(
            QStringLiteral("(^|_)ip($|_)|addr|remote|client|user_agent|referer|url|lot|serial"));
        static const QRegularExpression address(
            QStringLiteral("(^|_)ip($|_)|ip_addr|remote_addr|client_addr"));
        const QStringList tables = m_db->connection().tables();
        QVERIFY(tables.contains(QStringLiteral("scan_events")));
        for (const QString& table : tables) {
            const QSqlRecord record = m_db->connection().record(table);
            for (int i = 0; i < record.count(); ++i) {
                const QString column = record.fieldName(i).toLower();
                QVERIFY2(!address.match(column).hasMatch(), qPrintable(table + u'.' + column));
                if (table.startsWith(QLatin1String("scan_")))
                    QVERIFY2(!personal.match(column).hasMatch(), qPrintable(table + u'.' + column));
            }
        }
        QSqlQuery all = m_db->prepare(QStringLiteral("SELECT * FROM scan_events"));
        QVERIFY(store::Database::exec(all).ok());
        while (all.next()) {
            for (int i = 0; i < all.record().count(); ++i) {
                const QString v = all.value(i).toString();
                QVERIFY2(!v.contains(QStringLiteral("127.0.0.1")) &&
                             !v.contains(QStringLiteral("192.0.2")) &&
                             !v.contains(QStringLiteral("SN000001")) &&
                             !v.contains(QStringLiteral("utm_source")),
                         qPrintable(v));
            }
        }

        // The rollups count what was stored.
        const auto report =
            store::ScanRepository(*m_db, m_tenantA)
                .productReport(m_productA, *analytics::AnalyticsPeriod::parse(
                                               {}, {}, {}, QDateTime::currentDateTimeUtc().date()));
        QVERIFY(report.ok());
        QCOMPARE(report->totalScans, 3);
        QCOMPARE(report->locations.value(QStringLiteral("DE")), 1);
        QCOMPARE(report->unknownLocation, 1);
        QCOMPARE(report->devices.value(QStringLiteral("mobile")), 2);
        QCOMPARE(report->keyLevels.value(QStringLiteral("serial")), 3);
    }

    void overflowIsCountedAndShownInHealth()
    {
        QCOMPARE(health()[u"scans"].toObject(),
                 QJsonObject({{"queued", 0}, {"recorded", 0}, {"dropped", 0}, {"failed", 0}}));
        StoreLock lock;
        QVERIFY(lock.take(m_location, m_test.isPostgres()));
        // The writer takes the first scan and waits on the lock...
        m_recorder->record(scan(QStringLiteral("127.0.0.1")));
        QVERIFY(waitUntil([&] { return m_recorder->stats().writing == 1; }));
        // ...so the queue (5) fills and the rest is dropped; the server still answers.
        for (int i = 0; i < 8; ++i)
            m_recorder->record(scan(QStringLiteral("192.0.2.1")));
        const QJsonObject busy = health()[u"scans"].toObject();
        QCOMPARE(busy[u"queued"].toInt(), 6);
        QCOMPARE(busy[u"dropped"].toInt(), 3);
        QCOMPARE(busy[u"recorded"].toInt(), 0);
        lock.release();
        QVERIFY(m_recorder->flush(30000));
        QCOMPARE(health()[u"scans"].toObject(),
                 QJsonObject({{"queued", 0}, {"recorded", 6}, {"dropped", 3}, {"failed", 0}}));
        QCOMPARE(store::ScanRepository(*m_db, m_tenantA).eventCount(m_productA), 6);
        // /health and /v1/health give the same answer.
        QCOMPARE(namSend(m_nam, "GET", QUrl(m_url + QStringLiteral("/health"))).json()[u"scans"],
                 health()[u"scans"]);
    }

    void stopStoresEverythingQueued()
    {
        {
            StoreLock lock;
            QVERIFY(lock.take(m_location, m_test.isPostgres()));
            for (int i = 0; i < 5; ++i)
                m_recorder->record(scan(QStringLiteral("198.51.100.3"), kMacFirefox));
            QVERIFY(waitUntil([&] { return m_recorder->stats().writing > 0; }));
            QCOMPARE(m_recorder->stats().recorded, 0);
        }
        // Destroying the recorder (what dppserver does after draining on SIGTERM) waits
        // for the queue to be stored; scans arriving after that are dropped, not lost silently.
        std::weak_ptr<ScanRecorder> weak = m_recorder;
        m_server.reset(); // the server's health section holds a reference too
        m_recorder.reset();
        QVERIFY(weak.expired());
        QCOMPARE(store::ScanRepository(*m_db, m_tenantA).eventCount(m_productA), 5);
        const auto report =
            store::ScanRepository(*m_db, m_tenantA)
                .tenantReport(*analytics::AnalyticsPeriod::parse(
                                  {}, {}, {}, QDateTime::currentDateTimeUtc().date()),
                              {}, QStringLiteral("SK"));
        QVERIFY(report.ok());
        QCOMPARE(report->totalScans, 5);
        QCOMPARE(report->devices.value(QStringLiteral("desktop")), 5);
    }

    void productAnalyticsMatchTheEvents()
    {
        const QString t = m_tenantA, p = m_productA;
        const QList<analytics::ScanEvent> events = {
            scanEvent(t, p, "2026-01-04", "DE", "mobile", "www.instagram.com"),
            scanEvent(t, p, "2026-01-04", "DE", "mobile", "www.instagram.com"),
            scanEvent(t, p, "2026-01-05", "FR", "desktop", "www.google.com"),
            scanEvent(t, p, "2026-01-11", "DE", "tablet"),
            scanEvent(t, p, "2026-01-11", "SK", "mobile", "www.instagram.com"),
            scanEvent(t, p, "2026-01-11", "", "mobile"),
            scanEvent(t, p, "2026-01-11", "DE", "mobile"),
            scanEvent(t, p, "2026-02-01", "AT", "desktop", "www.google.com"),
            scanEvent(t, p, "2026-02-01", "AT", "desktop"),
            scanEvent(t, p, "2026-02-01", "DE", "mobile", "t.co"),
            scanEvent(t, p, "2025-12-31", "DE", "mobile"),                  // before the period
            scanEvent(t, p, "2026-03-01", "DE", "mobile"),                  // after it
            scanEvent(t, m_productA2, "2026-01-04", "DE", "mobile"),        // another product
            scanEvent(m_tenantB, m_productB, "2026-01-04", "DE", "mobile"), // another tenant
        };
        // Two batches: the rollups add up across them.
        QCOMPARE(insertEvents(*m_db, events.mid(0, 5)), QString());
        QCOMPARE(insertEvents(*m_db, events.mid(5)), QString());

        // The product by its 13-digit GTIN, as users type it.
        const NamReply day = get(
            QStringLiteral("/v1/analytics/product/4006381333931?start=2026-01-01&end=2026-02-28"),
            m_keyA);
        QCOMPARE(day.status, 200);
        const QJsonObject d = day.json();
        QCOMPARE(d[u"productId"].toString(), p);
        QCOMPARE(
            d[u"period"].toObject(),
            QJsonObject({{"start", "2026-01-01"}, {"end", "2026-02-28"}, {"granularity", "day"}}));
        QCOMPARE(d[u"totalScans"].toInt(), 10);
        QCOMPARE(d[u"uniqueCountries"].toInt(), 4);
        QCOMPARE(d[u"locations"].toObject(),
                 QJsonObject({{"DE", 5}, {"FR", 1}, {"SK", 1}, {"AT", 2}}));
        QCOMPARE(d[u"unknownLocation"].toInt(), 1);
        QCOMPARE(d[u"devices"].toObject(),
                 QJsonObject(
                     {{"mobile", 6}, {"tablet", 1}, {"desktop", 3}, {"bot", 0}, {"unknown", 0}}));
        const QJsonArray referrers = d[u"topReferrers"].toArray();
        QCOMPARE(referrers.size(), 3);
        QCOMPARE(referrers.at(0).toObject(),
                 QJsonObject({{"host", "www.instagram.com"}, {"count", 3}}));
        QCOMPARE(referrers.at(1).toObject(),
                 QJsonObject({{"host", "www.google.com"}, {"count", 2}}));
        QCOMPARE(referrers.at(2).toObject(), QJsonObject({{"host", "t.co"}, {"count", 1}}));
        QCOMPARE(d[u"directScans"].toInt(), 4);
        const QJsonArray byDay = d[u"scansByDay"].toArray();
        QCOMPARE(byDay.size(), 59); // every day of the period, zeros included
        QCOMPARE(byDay.first().toObject(), QJsonObject({{"date", "2026-01-01"}, {"count", 0}}));
        QCOMPARE(countOf(byDay, "2026-01-04"), 2);
        QCOMPARE(countOf(byDay, "2026-01-05"), 1);
        QCOMPARE(countOf(byDay, "2026-01-11"), 4);
        QCOMPARE(countOf(byDay, "2026-02-01"), 3);
        QCOMPARE(byDay.last().toObject()[u"date"].toString(), QStringLiteral("2026-02-28"));

        // ISO weeks start on Monday; the first bucket starts before the period.
        const QJsonObject w =
            get(QStringLiteral(
                    "/v1/analytics/product/%1?start=2026-01-01&end=2026-02-28&granularity=week")
                    .arg(p),
                m_keyA)
                .json();
        const QJsonArray weeks = w[u"scansByDay"].toArray();
        QCOMPARE(weeks.size(), 9);
        QCOMPARE(weeks.at(0).toObject(), QJsonObject({{"date", "2025-12-29"}, {"count", 2}}));
        QCOMPARE(weeks.at(1).toObject(), QJsonObject({{"date", "2026-01-05"}, {"count", 5}}));
        QCOMPARE(countOf(weeks, "2026-01-26"), 3);
        QCOMPARE(w[u"totalScans"].toInt(), 10);

        const QJsonObject m =
            get(QStringLiteral(
                    "/v1/analytics/product/%1?start=2026-01-01&end=2026-02-28&granularity=month")
                    .arg(p),
                m_keyA)
                .json();
        QCOMPARE(m[u"scansByDay"].toArray(),
                 QJsonArray({QJsonObject({{"date", "2026-01-01"}, {"count", 7}}),
                             QJsonObject({{"date", "2026-02-01"}, {"count", 3}})}));

        // Whole months come from the monthly rollup, the days around them from the daily one.
        const QJsonObject mixed =
            get(QStringLiteral("/v1/analytics/product/%1?start=2025-12-31&end=2026-02-01").arg(p),
                m_keyA)
                .json();
        QCOMPARE(mixed[u"totalScans"].toInt(), 11);
        QCOMPARE(mixed[u"locations"].toObject(),
                 QJsonObject({{"DE", 6}, {"FR", 1}, {"SK", 1}, {"AT", 2}}));
        QCOMPARE(mixed[u"unknownLocation"].toInt(), 1);
        QCOMPARE(mixed[u"devices"][u"mobile"].toInt(), 7);
        const QJsonObject partial =
            get(QStringLiteral("/v1/analytics/product/%1?start=2026-01-05&end=2026-02-01").arg(p),
                m_keyA)
                .json();
        QCOMPARE(partial[u"totalScans"].toInt(), 8);
        QCOMPARE(partial[u"locations"].toObject(),
                 QJsonObject({{"DE", 3}, {"FR", 1}, {"SK", 1}, {"AT", 2}}));
        QCOMPARE(partial[u"topReferrers"].toArray().first().toObject(),
                 QJsonObject({{"host", "www.google.com"}, {"count", 2}}));

        // One day only.
        const QJsonObject one =
            get(QStringLiteral("/v1/analytics/product/%1?start=2026-01-11&end=2026-01-11").arg(p),
                m_keyA)
                .json();
        QCOMPARE(one[u"totalScans"].toInt(), 4);
        QCOMPARE(one[u"locations"].toObject(), QJsonObject({{"DE", 2}, {"SK", 1}}));
    }

    void productAnalyticsDefaultToTheLast90Days()
    {
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const auto at = [&](int daysAgo) { return today.addDays(-daysAgo).toString(Qt::ISODate); };
        QCOMPARE(insertEvents(*m_db, {scanEvent(m_tenantA, m_productA, at(0), "DE", "mobile"),
                                      scanEvent(m_tenantA, m_productA, at(89), "FR", "mobile"),
                                      scanEvent(m_tenantA, m_productA, at(90), "SK", "mobile")}),
                 QString());
        const NamReply r = get(QStringLiteral("/v1/analytics/product/%1").arg(m_productA), m_keyA);
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o[u"period"][u"start"].toString(), at(89));
        QCOMPARE(o[u"period"][u"end"].toString(), at(0));
        QCOMPARE(o[u"totalScans"].toInt(), 2);
        QCOMPARE(o[u"scansByDay"].toArray().size(), 90);
        QCOMPARE(o[u"locations"].toObject(), QJsonObject({{"DE", 1}, {"FR", 1}}));
    }

    void tenantAnalyticsAcrossProducts()
    {
        const QString t = m_tenantA;
        QCOMPARE(insertEvents(*m_db,
                              {scanEvent(t, m_productA, "2026-01-04", "DE", "mobile", "a.example"),
                               scanEvent(t, m_productA, "2026-01-05", "FR", "desktop"),
                               scanEvent(t, m_productA2, "2026-01-05", "DE", "mobile", "b.example"),
                               scanEvent(t, m_productA2, "2026-01-06", "DE", "tablet", "b.example"),
                               scanEvent(t, m_productA2, "2026-01-06", "", "bot"),
                               scanEvent(m_tenantB, m_productB, "2026-01-05", "DE", "mobile")}),
                 QString());
        const QString period = QStringLiteral("start=2026-01-01&end=2026-01-31");
        const NamReply all = get(QStringLiteral("/v1/analytics?") + period, m_keyA);
        QCOMPARE(all.status, 200);
        const QJsonObject a = all.json();
        QCOMPARE(a[u"totalScans"].toInt(), 5);
        QCOMPARE(a[u"locations"].toObject(), QJsonObject({{"DE", 3}, {"FR", 1}}));
        QCOMPARE(a[u"unknownLocation"].toInt(), 1);
        QCOMPARE(a[u"devices"].toObject(),
                 QJsonObject(
                     {{"mobile", 2}, {"tablet", 1}, {"desktop", 1}, {"bot", 1}, {"unknown", 0}}));
        const QJsonArray top = a[u"topProducts"].toArray();
        QCOMPARE(top.size(), 2);
        QCOMPARE(
            top.at(0).toObject(),
            QJsonObject({{"productId", m_productA2}, {"gtin", "09506000134352"}, {"count", 3}}));
        QCOMPARE(top.at(1)[u"count"].toInt(), 2);
        QCOMPARE(a[u"topReferrers"].toArray().first().toObject(),
                 QJsonObject({{"host", "b.example"}, {"count", 2}}));
        QCOMPARE(countOf(a[u"scansByDay"].toArray(), "2026-01-06"), 2);

        // Filtered by country (any case) and by product (GTIN or UUID).
        const QJsonObject de =
            get(QStringLiteral("/v1/analytics?country=de&") + period, m_keyA).json();
        QCOMPARE(de[u"totalScans"].toInt(), 3);
        QCOMPARE(de[u"country"].toString(), QStringLiteral("DE"));
        QCOMPARE(de[u"devices"][u"mobile"].toInt(), 2);
        QVERIFY(!de.contains(u"topReferrers")); // not rolled up by country
        const QJsonObject one =
            get(QStringLiteral("/v1/analytics?product=9506000134352&") + period, m_keyA).json();
        QCOMPARE(one[u"totalScans"].toInt(), 3);
        QCOMPARE(one[u"product"].toString(), m_productA2);
        const QJsonObject both =
            get(QStringLiteral("/v1/analytics?granularity=month&country=FR&product=%1&")
                        .arg(m_productA) +
                    period,
                m_keyA)
                .json();
        QCOMPARE(both[u"totalScans"].toInt(), 1);
        QCOMPARE(both[u"scansByDay"].toArray(),
                 QJsonArray({QJsonObject({{"date", "2026-01-01"}, {"count", 1}})}));

        // The other tenant sees only its own scans.
        QCOMPARE(
            get(QStringLiteral("/v1/analytics?") + period, m_keyB).json()[u"totalScans"].toInt(),
            1);
    }

    void analyticsAreTenantScoped()
    {
        QCOMPARE(
            insertEvents(*m_db, {scanEvent(m_tenantA, m_productA, "2026-01-04", "DE", "mobile")}),
            QString());
        const QString path =
            QStringLiteral("/v1/analytics/product/%1?start=2026-01-01&end=2026-01-31");
        QCOMPARE(get(path.arg(m_productA), m_keyB).status, 404);
        QCOMPARE(get(path.arg(QStringLiteral("04006381333931")), m_keyB).status, 404);
        QCOMPARE(get(QStringLiteral("/v1/analytics?product=%1").arg(m_productA), m_keyB).status,
                 404);
        QCOMPARE(get(path.arg(m_productB), m_keyB).json()[u"totalScans"].toInt(), 0);
        QCOMPARE(get(path.arg(m_productA), m_keyNoScope).status, 403);
        QCOMPARE(namSend(m_nam, "GET", QUrl(m_url + path.arg(m_productA))).status, 401);
        QCOMPARE(get(path.arg(QStringLiteral("00000000000000")), m_keyA).status, 404);
    }

    void badParametersAre422WithTheParam_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("param");
        QTest::newRow("granularity") << "granularity=hour"
                                     << "granularity";
        QTest::newRow("start not a date") << "start=2026-13-01"
                                          << "start";
        QTest::newRow("start text") << "start=yesterday"
                                    << "start";
        QTest::newRow("end not a date") << "end=2026-02-30"
                                        << "end";
        QTest::newRow("start after end") << "start=2026-03-01&end=2026-02-01"
                                         << "start";
        QTest::newRow("too long") << "start=2000-01-01&end=2026-01-01"
                                  << "start";
    }

    void badParametersAre422WithTheParam()
    {
        QFETCH(QString, query);
        QFETCH(QString, param);
        for (const QString& path : {QStringLiteral("/v1/analytics/product/%1?").arg(m_productA),
                                    QStringLiteral("/v1/analytics?")}) {
            const NamReply r = get(path + query, m_keyA);
            QCOMPARE(r.status, 422);
            const QJsonObject error = r.json()[u"error"].toObject();
            QCOMPARE(error[u"param"].toString(), param);
            QVERIFY(!error[u"message"].toString().isEmpty());
            QVERIFY(!error[u"type"].toString().isEmpty());
        }
        const NamReply country = get(QStringLiteral("/v1/analytics?country=Germany"), m_keyA);
        QCOMPARE(country.status, 422);
        QCOMPARE(country.json()[u"error"][u"param"].toString(), QStringLiteral("country"));
        // An ISO date-time is taken as its UTC day.
        QCOMPARE(get(QStringLiteral("/v1/analytics?start=2026-01-01T23:30:00-02:00&end=2026-01-05"),
                     m_keyA)
                     .json()[u"period"][u"start"]
                     .toString(),
                 QStringLiteral("2026-01-02"));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestScans>(argc, argv);
}

#include "tst_scans.moc"
