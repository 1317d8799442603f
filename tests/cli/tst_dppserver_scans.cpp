// dppserver's scan recording as operators run it: --geoip errors exit 2, /v1/health shows
// the recorder's counters, and resolver hits are all in the store after SIGTERM (skipped
// while the resolver routes are not built into this dppserver).
#include "geoiptestsupport.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <csignal>
#include <memory>
#include <passport/resolverlink.h>
#include <store/database.h>
#include <store/productrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/scanrepository.h>
#include <store/tenantrepository.h>

using dpp::test::binDir;

namespace {

const QByteArray kIphoneSafari =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

struct Running
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString url;
    QByteArray firstLine;
};

Running startServer(const QStringList& args)
{
    Running r;
    r.url = dpp::test::startDppserver(
        *r.process, QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")} + args,
        &r.firstLine);
    return r;
}

struct Reply
{
    int status = 0;
    QByteArray body;
};

Reply get(QNetworkAccessManager& nam, const QUrl& url, const QByteArray& agent = {},
          const QByteArray& forwardedFor = {})
{
    QNetworkRequest request(url);
    if (!forwardedFor.isEmpty())
        request.setRawHeader("X-Forwarded-For", forwardedFor);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!agent.isEmpty())
        request.setRawHeader("User-Agent", agent);
    QNetworkReply* reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return r;
}

// A store with one product and a serial-level link for it; returns the tenant id.
QString storeWithOneLink(const QString& location)
{
    auto db = dpp::store::Database::open(location);
    if (!db.ok())
        return {};
    auto tenant = dpp::store::TenantRepository(**db).ensure(QStringLiteral("acme"));
    if (!tenant.ok())
        return {};
    auto product =
        dpp::store::ProductRepository(**db, tenant->id)
            .create(QJsonObject{{QStringLiteral("gtin"), QStringLiteral("09506000134352")},
                                {QStringLiteral("name"),
                                 QJsonObject{{QStringLiteral("en"), QStringLiteral("Wine")}}}});
    if (!product.ok())
        return {};
    dpp::passport::ResolverLink link;
    link.gtin = QStringLiteral("09506000134352");
    link.level = QStringLiteral("serial");
    link.qualifier = QStringLiteral("SN000001");
    link.linkType = QStringLiteral("gs1:pip");
    link.href = QStringLiteral("https://example.org/passport/1");
    link.title = QStringLiteral("Passport");
    link.isDefault = true; // also served as gs1:defaultLink
    if (!dpp::store::ResolverLinkRepository(**db, tenant->id).create(link).ok())
        return {};
    return tenant->id;
}

int terminate(QProcess& p)
{
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(30000))
        return -100;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestDppserverScans : public QObject
{
    Q_OBJECT

    QString m_geoip;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_geoip = dpp::test::testGeoIpDatabase(&why);
        if (m_geoip.isEmpty())
            QSKIP(qPrintable(why));
    }

    void geoipErrorsAreUsageErrors()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.sqlite"));
        auto missing =
            dpp::test::runTool(QStringLiteral("dppserver"),
                               {QStringLiteral("--database"), db, QStringLiteral("--geoip"),
                                dir.filePath(QStringLiteral("none.mmdb"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("--geoip") && missing.err.contains("none.mmdb") &&
                     missing.err.contains("does not exist"),
                 missing.err.constData());
        QFile junk(dir.filePath(QStringLiteral("junk.mmdb")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a MaxMind database");
        junk.close();
        auto broken = dpp::test::runTool(
            QStringLiteral("dppserver"),
            {QStringLiteral("--database"), db, QStringLiteral("--geoip"), junk.fileName()});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(broken.err.contains("not a MaxMind DB"), broken.err.constData());
        auto queue = dpp::test::runTool(QStringLiteral("dppserver"),
                                        {QStringLiteral("--database"), db,
                                         QStringLiteral("--scan-queue"), QStringLiteral("many")});
        QCOMPARE(queue.exitCode, 2);
        QVERIFY2(queue.err.contains("--scan-queue"), queue.err.constData());
    }

    void healthShowsTheScanCounters()
    {
        QTemporaryDir dir;
        Running s =
            startServer({QStringLiteral("--database"), dir.filePath(QStringLiteral("s.sqlite")),
                         QStringLiteral("--geoip"), m_geoip});
        QVERIFY2(!s.url.isEmpty(), s.firstLine.constData());
        QNetworkAccessManager nam;
        const Reply r = get(nam, QUrl(s.url + QStringLiteral("/v1/health")));
        QCOMPARE(r.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body[u"status"].toString(), QStringLiteral("ok"));
        QCOMPARE(body[u"scans"].toObject(),
                 QJsonObject({{"queued", 0}, {"recorded", 0}, {"dropped", 0}, {"failed", 0}}));
        QCOMPARE(terminate(*s.process), 0);
        QVERIFY(
            s.process->readAllStandardError().contains("scans recorded 0, dropped 0, failed 0"));
    }

    // Every hit on a known key is in the store once dppserver exits on SIGTERM.
    void resolverScansAreAllStoredAfterSigterm()
    {
        QTemporaryDir dir;
        const QString location = dir.filePath(QStringLiteral("s.sqlite"));
        const QString tenantId = storeWithOneLink(location);
        QVERIFY(!tenantId.isEmpty());
        Running s = startServer(
            {QStringLiteral("--database"), location, QStringLiteral("--geoip"), m_geoip});
        QVERIFY2(!s.url.isEmpty(), s.firstLine.constData());
        QNetworkAccessManager nam;
        const QUrl key(s.url + QStringLiteral("/01/09506000134352/10/LOT2026A/21/SN000001"));
        const Reply first = get(nam, key, kIphoneSafari);
        if (first.status == 404 && first.body.contains("no route")) {
            terminate(*s.process);
            QSKIP("the resolver routes (/01/...) are not part of this dppserver build yet");
        }
        QCOMPARE(first.status, 307);
        constexpr int kHits = 300;
        // Many at once (QNetworkAccessManager opens several connections), then SIGTERM
        // straight away: whatever is still queued must be stored before the exit.
        QList<QNetworkReply*> replies;
        for (int i = 1; i < kHits; ++i) {
            QNetworkRequest request(key);
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                 QNetworkRequest::ManualRedirectPolicy);
            request.setRawHeader("User-Agent", kIphoneSafari);
            replies.append(nam.get(request));
        }
        QDeadlineTimer deadline(60000);
        const auto allDone = [&] {
            return std::all_of(replies.cbegin(), replies.cend(),
                               [](QNetworkReply* r) { return r->isFinished(); });
        };
        while (!allDone() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QVERIFY(allDone());
        int redirects = 0;
        for (QNetworkReply* r : replies) {
            redirects += r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 307;
            r->deleteLater();
        }
        QCOMPARE(redirects, kHits - 1);
        QCOMPARE(terminate(*s.process), 0);
        const QByteArray log = s.process->readAllStandardError();

        auto db = dpp::store::Database::open(location);
        QVERIFY(db.ok());
        dpp::store::ScanRepository scans(**db, tenantId);
        QVERIFY2(scans.eventCount() == qint64(kHits), log.right(600).constData());
        const auto report =
            scans.tenantReport(*dpp::analytics::AnalyticsPeriod::parse(
                                   {}, {}, {}, QDateTime::currentDateTimeUtc().date()),
                               {}, {});
        QVERIFY(report.ok());
        QCOMPARE(report->locations.value(QStringLiteral("DE")), qint64(kHits)); // 127.0.0.1 → DE
        QCOMPARE(report->devices.value(QStringLiteral("mobile")), qint64(kHits));
    }
    // Behind a trusted reverse proxy the scan's location is the forwarded client's
    // (192.0.2.77 → FR in the test database), not the proxy's (127.0.0.1 → DE);
    // without --trusted-proxy the header is ignored, so nobody can fake a location.
    void scansAreLocatedByTheClientBehindATrustedProxy()
    {
        for (const bool trusted : {true, false}) {
            QTemporaryDir dir;
            const QString location = dir.filePath(QStringLiteral("s.sqlite"));
            const QString tenantId = storeWithOneLink(location);
            QVERIFY(!tenantId.isEmpty());
            QStringList args{QStringLiteral("--database"), location, QStringLiteral("--geoip"),
                             m_geoip};
            if (trusted)
                args << QStringLiteral("--trusted-proxy") << QStringLiteral("127.0.0.1/32");
            Running s = startServer(args);
            QVERIFY2(!s.url.isEmpty(), s.firstLine.constData());
            QNetworkAccessManager nam;
            const QUrl key(s.url + QStringLiteral("/01/09506000134352/10/LOT2026A/21/SN000001"));
            QCOMPARE(get(nam, key, kIphoneSafari, "192.0.2.77").status, 307);
            QCOMPARE(terminate(*s.process), 0);
            auto db = dpp::store::Database::open(location);
            QVERIFY(db.ok());
            const auto report =
                dpp::store::ScanRepository(**db, tenantId)
                    .tenantReport(*dpp::analytics::AnalyticsPeriod::parse(
                                      {}, {}, {}, QDateTime::currentDateTimeUtc().date()),
                                  {}, {});
            QVERIFY(report.ok());
            QCOMPARE(report->locations.value(trusted ? QStringLiteral("FR") : QStringLiteral("DE")),
                     qint64(1));
            QCOMPARE(report->locations.size(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestDppserverScans)
#include "tst_dppserver_scans.moc"
