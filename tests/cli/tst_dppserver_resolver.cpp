// The resolver in real dppserver processes: over HTTPS with a throw-away certificate
// (the GS1 test suite only talks HTTPS), and scale-out: a link created or changed
// through server A is served by server B, another process on the same store (a SQLite
// file, then PostgreSQL when DPP_TEST_PG_URL is set). The resolver caches links per GTIN
// and checks the change journal's head on every request, so an edit made through one
// process is served by every other process on the very next request (no waiting).
#include "server/httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <csignal>
#include <memory>
#include <passport/apikey.h>
#include <store/apikeyrepository.h>
#include <store/productrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using dpp::test::waitUntil;

namespace {

const QString kGtin = QStringLiteral("09506000134352");

struct Running
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString url;

    ~Running()
    {
        if (process->state() != QProcess::NotRunning) {
            ::kill(pid_t(process->processId()), SIGTERM);
            process->waitForFinished(15000);
        }
    }
};

std::unique_ptr<Running> startServer(const QStringList& args)
{
    auto r = std::make_unique<Running>();
    r->process->setProcessChannelMode(QProcess::SeparateChannels);
    r->url = test::startDppserver(
        *r->process, QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")} + args);
    return r;
}

struct Reply
{
    int status = 0;
    QByteArray location;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

Reply send(QNetworkAccessManager& nam, const QByteArray& method, const QString& url,
           const QString& key = {}, const QJsonObject& body = {}, const QByteArray& accept = {})
{
    QNetworkRequest request{QUrl(url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key.toLatin1());
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    QByteArray bytes;
    if (!body.isEmpty()) {
        bytes = QJsonDocument(body).toJson();
        request.setRawHeader("Content-Type", "application/json");
    }
    QNetworkReply* reply = nam.sendCustomRequest(request, method, bytes);
    // A certificate made for this test run: accept it without a CA.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [reply](const QList<QSslError>&) { reply->ignoreSslErrors(); });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->rawHeader("Location"), reply->readAll()};
    reply->deleteLater();
    return r;
}

QJsonObject link(const QString& type, const QString& href, bool isDefault = false)
{
    return QJsonObject{{QStringLiteral("link_type"), type},
                       {QStringLiteral("href"), href},
                       {QStringLiteral("title"), QStringLiteral("Link")},
                       {QStringLiteral("default"), isDefault}};
}

} // namespace

class TestDppserverResolver : public QObject
{
    Q_OBJECT

public:
    explicit TestDppserverResolver(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QNetworkAccessManager m_nam;
    QString m_location, m_key;

    // A store with one tenant, a full-access key and the product kGtin.
    bool prepareStore(QString* why)
    {
        m_location = m_test.create(why);
        if (m_location.isEmpty())
            return false;
        auto db = store::Database::open(m_location);
        if (!db.ok()) {
            *why = db.error().message;
            return false;
        }
        auto tenant = store::TenantRepository(**db).create(QStringLiteral("Acme"), {});
        auto key = store::ApiKeyRepository(**db, tenant->id)
                       .create(QStringLiteral("t"), passport::ApiKey::knownScopes(), false);
        auto product = store::ProductRepository(**db, tenant->id)
                           .create(QJsonObject{
                               {QStringLiteral("gtin"), kGtin},
                               {QStringLiteral("name"),
                                QJsonObject{{QStringLiteral("en"), QStringLiteral("Douro red")}}},
                               {QStringLiteral("category"), QStringLiteral("wine")}});
        if (!key.ok() || !product.ok()) {
            *why = QStringLiteral("fixture failed");
            return false;
        }
        m_key = key->secret;
        return true;
    }

private Q_SLOTS:
    void cleanup() { m_test.drop(); }

    void resolverOverHttps()
    {
        if (m_test.isPostgres())
            QSKIP("TLS is the same code on either store; checked on SQLite");
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl CLI not installed (installer/deps-debian.sh installs it)");
        QString why;
        QVERIFY2(prepareStore(&why), qPrintable(why));
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess gen;
        gen.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);

        auto s =
            startServer({QStringLiteral("--database"), m_location, QStringLiteral("--tls-cert"),
                         cert, QStringLiteral("--tls-key"), key, QStringLiteral("--base-url"),
                         QStringLiteral("https://id.example.com")});
        QVERIFY2(s->url.startsWith(u"https://"), qPrintable(s->url));
        const QString dl = s->url + QStringLiteral("/01/") + kGtin;

        QCOMPARE(send(m_nam, "GET", dl).status, 404); // nothing published yet
        // Publishing makes the default links to the viewer, served at once.
        const QJsonObject passport{{QStringLiteral("gtin"), kGtin},
                                   {QStringLiteral("kind"), QStringLiteral("product")},
                                   {QStringLiteral("data"), QJsonObject{}}};
        QCOMPARE(
            send(m_nam, "POST", s->url + QStringLiteral("/v1/passports"), m_key, passport).status,
            201);
        const Reply r = send(m_nam, "GET", dl + QStringLiteral("/10/LOT2026A/21/SN000001?src=qr"));
        QCOMPARE(r.status, 307);
        QCOMPARE(r.location, QByteArray("https://id.example.com/passport/09506000134352?src=qr"));
        const Reply set = send(m_nam, "GET", dl + QStringLiteral("/10/LOT2026A?linkType=linkset"));
        QCOMPARE(set.status, 200);
        const QJsonObject level = set.json().value(u"linkset").toArray().first().toObject();
        // Anchored where the client asked, scheme and port included.
        QCOMPARE(level.value(u"anchor").toString(), dl);
        QVERIFY(level.contains(u"https://ref.gs1.org/voc/dpp"));
        QVERIFY(level.contains(u"https://ref.gs1.org/voc/pip"));
        QCOMPARE(send(m_nam, "GET", s->url + QStringLiteral("/.well-known/gs1resolver"))
                     .json()
                     .value(u"resolverRoot")
                     .toString(),
                 s->url);
        QCOMPARE(send(m_nam, "GET", dl + QStringLiteral("/foo")).status, 400);
    }

    void sandboxSamplesResolve()
    {
        if (m_test.isPostgres())
            QSKIP("the sandbox store is a SQLite file");
        QString why;
        const QString location = m_test.create(&why);
        QVERIFY2(!location.isEmpty(), qPrintable(why));
        // The benchmark's path: sample products published with --base-url have their links.
        auto s =
            startServer({QStringLiteral("--sandbox"), QStringLiteral("--database"), location,
                         QStringLiteral("--base-url"), QStringLiteral("https://id.example.com")});
        QVERIFY(!s->url.isEmpty());
        const Reply r = send(m_nam, "GET",
                             s->url + QStringLiteral("/01/09506000134352/10/LOT2026A/21/SN000001"));
        QCOMPARE(r.status, 307);
        QCOMPARE(r.location, QByteArray("https://id.example.com/passport/09506000134352"));
    }

    void linkCreatedOnOneServerResolvesOnAnother()
    {
        QString why;
        if (!prepareStore(&why))
            QSKIP(qPrintable(why));
        auto a = startServer({QStringLiteral("--database"), m_location});
        auto b = startServer({QStringLiteral("--database"), m_location});
        QVERIFY(!a->url.isEmpty() && !b->url.isEmpty());
        const QString path = QStringLiteral("/01/") + kGtin;
        // B looks first, so a stale cache entry would show below.
        QCOMPARE(send(m_nam, "GET", b->url + path).status, 404);

        const QString links = QStringLiteral("/v1/products/%1/links").arg(kGtin);
        const Reply created =
            send(m_nam, "POST", a->url + links, m_key,
                 link(QStringLiteral("gs1:pip"), QStringLiteral("https://one.example.com/")));
        QCOMPARE(created.status, 201);
        // The scale-out rule of the REST API issue: served by any process within 2 s.
        QVERIFY(waitUntil(
            [&] {
                return send(m_nam, "GET", b->url + path).location == "https://one.example.com/";
            },
            2000));

        // A new default through A replaces the old one on B as well.
        QCOMPARE(
            send(m_nam, "POST", a->url + links, m_key,
                 link(QStringLiteral("gs1:dpp"), QStringLiteral("https://two.example.com/"), true))
                .status,
            201);
        QVERIFY(waitUntil(
            [&] {
                return send(m_nam, "GET", b->url + path).location == "https://two.example.com/";
            },
            2000));
        // And a deletion.
        const QString id = created.json().value(u"id").toString();
        QCOMPARE(send(m_nam, "DELETE", a->url + links + u'/' + id, m_key).status, 204);
        QVERIFY(waitUntil(
            [&] {
                return send(m_nam, "GET", b->url + path + QStringLiteral("?linkType=gs1:pip"))
                           .status == 404;
            },
            2000));
    }

    // The per-GTIN cache (Resolver: journal head check). B reads the head on every
    // request (--resolver-freshness-ms 0): it has the old link cached, A edits it, and
    // B's very next answer is the new one; the same for a product deleted through A (its
    // links are no longer served) — no retry loop, no waiting. C keeps the default
    // (the head read at most every 100 ms): it serves the new link soon after.
    void linkEditedOnOneServerIsServedAtOnceByAnother()
    {
        QString why;
        if (!prepareStore(&why))
            QSKIP(qPrintable(why));
        auto a = startServer({QStringLiteral("--database"), m_location});
        auto b = startServer({QStringLiteral("--database"), m_location,
                              QStringLiteral("--resolver-freshness-ms"), QStringLiteral("0")});
        auto c = startServer({QStringLiteral("--database"), m_location});
        QVERIFY(!a->url.isEmpty() && !b->url.isEmpty() && !c->url.isEmpty());
        const QString path = QStringLiteral("/01/") + kGtin + QStringLiteral("/21/SN1");
        const QString links = QStringLiteral("/v1/products/%1/links").arg(kGtin);
        const Reply created =
            send(m_nam, "POST", a->url + links, m_key,
                 link(QStringLiteral("gs1:dpp"), QStringLiteral("https://one.example.com/"), true));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        // B reads the link into its cache, and serves it from there on the next scans.
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(send(m_nam, "GET", b->url + path).location,
                     QByteArray("https://one.example.com/"));
            QCOMPARE(send(m_nam, "GET", c->url + path).location,
                     QByteArray("https://one.example.com/"));
        }

        QCOMPARE(
            send(m_nam, "PATCH", a->url + links + u'/' + id, m_key,
                 QJsonObject{{QStringLiteral("href"), QStringLiteral("https://two.example.com/")}})
                .status,
            200);
        QCOMPARE(send(m_nam, "GET", b->url + path).location,
                 QByteArray("https://two.example.com/"));
        // And B serves the new link from its cache again while nothing changes.
        QCOMPARE(send(m_nam, "GET", b->url + path).location,
                 QByteArray("https://two.example.com/"));
        QVERIFY(waitUntil(
            [&] {
                return send(m_nam, "GET", c->url + path).location ==
                       QByteArray("https://two.example.com/");
            },
            5000));

        // A change to the product, not the link, is seen at once too: deleted, not served.
        QCOMPARE(
            send(m_nam, "DELETE", a->url + QStringLiteral("/v1/products/") + kGtin, m_key).status,
            200);
        QCOMPARE(send(m_nam, "GET", b->url + path).status, 404);
        QVERIFY(waitUntil([&] { return send(m_nam, "GET", c->url + path).status == 404; }, 5000));
    }

    void freshnessOptionIsValidated()
    {
        for (const char* value : {"-1", "60001", "soon"}) {
            const auto r = dpp::test::runTool(
                QStringLiteral("dppserver"),
                {QStringLiteral("--database"), QStringLiteral("/nonexistent/store.sqlite"),
                 QStringLiteral("--resolver-freshness-ms"), QString::fromLatin1(value)});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("--resolver-freshness-ms takes 0 to 60000 milliseconds"),
                     r.err.constData());
        }
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestDppserverResolver>(argc, argv);
}

#include "tst_dppserver_resolver.moc"
