// The GS1-conformant resolver (GS1 Resolver Standard 1.2, R1–R25 of research gs1.md §2.2)
// and the link management API, against the real server on a free loopback port with a
// real store: SQLite over HTTP, SQLite over HTTPS (throw-away certificate), then
// PostgreSQL over HTTP when DPP_TEST_PG_URL is set. One test function per requirement.
// Linksets are checked with ajv against the GS1 linkset schema from DPP_SHARED_DIR.
#include "httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <passport/apikey.h>
#include <passport/linktypes.h>
#include <server/apiroutes.h>
#include <server/server.h>
#include <store/apikeyrepository.h>
#include <store/productrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::server;

namespace {

const QString kGtin = QStringLiteral("09506000134352");
const QString kOtherGtin = QStringLiteral("04006381333931"); // valid, no links

struct Reply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QByteArray header(const char* name) const { return headers.value(name); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class SinkForTest : public ScanSink
{
public:
    void record(RawScan scan) override { scans.append(std::move(scan)); }
    QList<RawScan> scans;
};

} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

public:
    TestResolver(QString backend, bool tls) : m_test(std::move(backend)), m_tls(tls) {}

private:
    test::TestDatabase m_test;
    bool m_tls;
    QTemporaryDir m_certDir;
    std::shared_ptr<store::Database> m_db;
    std::shared_ptr<SinkForTest> m_sink;
    std::unique_ptr<Server> m_server;
    QNetworkAccessManager m_nam;
    QString m_url;
    QString m_tenant, m_productId, m_key, m_otherKey, m_readKey;
    QHash<QString, QString> m_href; // fixture link name → href

    Reply send(const QByteArray& method, const QString& pathAndQuery,
               const QList<QPair<QByteArray, QByteArray>>& headers = {},
               const QByteArray& body = {})
    {
        QNetworkRequest request(QUrl(m_url + pathAndQuery, QUrl::TolerantMode));
        // The resolver's answer itself is under test: never follow its redirects.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("Accept-Language", "en");
        for (const auto& [k, v] : headers)
            request.setRawHeader(k, v);
        if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
            request.setRawHeader("Content-Type", "application/json");
        QNetworkReply* reply =
            method == "HEAD" ? m_nam.head(request) : m_nam.sendCustomRequest(request, method, body);
        // The test server's certificate is self-signed and made a minute ago.
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply](const QList<QSslError>&) { reply->ignoreSslErrors(); });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        for (const auto& [k, v] : reply->rawHeaderPairs())
            r.headers.insert(k.toLower(), v);
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }

    Reply api(const QByteArray& method, const QString& path, const QJsonObject& body = {},
              const QString& key = {})
    {
        return send(method, path,
                    {{"Authorization", "Bearer " + (key.isEmpty() ? m_key : key).toLatin1()}},
                    body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    }

    QString addLink(const QString& name, const QJsonObject& fields)
    {
        QJsonObject body = fields;
        const Reply r = api("POST", QStringLiteral("/v1/products/%1/links").arg(m_productId), body);
        if (r.status != 201) {
            qWarning("link %s: %d %s", qPrintable(name), r.status, r.body.constData());
            return {};
        }
        m_href.insert(name, fields.value(u"href").toString());
        return r.json().value(u"id").toString();
    }

    static QJsonObject link(const char* type, const char* href, const char* title,
                            const QStringList& languages = {}, const char* media = "text/html")
    {
        QJsonObject o{{QStringLiteral("link_type"), QString::fromLatin1(type)},
                      {QStringLiteral("href"), QString::fromLatin1(href)},
                      {QStringLiteral("title"), QString::fromLatin1(title)}};
        if (!languages.isEmpty())
            o.insert(QStringLiteral("languages"), QJsonArray::fromStringList(languages));
        if (media && *media)
            o.insert(QStringLiteral("media_type"), QString::fromLatin1(media));
        return o;
    }

    QString dl(const QString& rest = {}) const { return QStringLiteral("/01/") + kGtin + rest; }

    // Validates linkset bodies with ajv; empty string when valid, the errors otherwise.
    QString schemaProblems(const QList<QByteArray>& bodies)
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString toolDir = test::sourceDir() + QStringLiteral("/tests/node");
        const QString schema = test::sharedDir() + QStringLiteral("/gs1/gs1-linkset-schema.json");
        if (node.isEmpty() || !QFile::exists(toolDir + QStringLiteral("/node_modules/ajv")) ||
            !QFile::exists(schema))
            return QStringLiteral("SKIP");
        QTemporaryDir dir;
        QStringList args{toolDir + QStringLiteral("/validate-linkset.mjs"), schema};
        for (qsizetype i = 0; i < bodies.size(); ++i) {
            QFile f(dir.filePath(QStringLiteral("linkset%1.json").arg(i)));
            if (!f.open(QIODevice::WriteOnly))
                return QStringLiteral("cannot write");
            f.write(bodies[i]);
            args.append(f.fileName());
        }
        QProcess p;
        p.setWorkingDirectory(toolDir);
        p.start(node, args);
        p.waitForFinished(60000);
        if (p.exitCode() == 0)
            return {};
        return QString::fromUtf8(p.readAllStandardError() + p.readAllStandardOutput());
    }

    bool makeCertificate(QString* cert, QString* key)
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            return false;
        *cert = m_certDir.filePath(QStringLiteral("cert.pem"));
        *key = m_certDir.filePath(QStringLiteral("key.pem"));
        if (QFile::exists(*cert))
            return true;
        QProcess gen;
        gen.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   *key, QStringLiteral("-out"), *cert, QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        return gen.waitForFinished(60000) && gen.exitCode() == 0;
    }

private Q_SLOTS:
    void init()
    {
        test::TwoTenantStore fixture;
        if (const QString skip = fixture.open(m_test); !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(fixture.db, qPrintable(fixture.error));
        m_db = fixture.db;
        m_tenant = fixture.tenantA;
        m_key = store::ApiKeyRepository(*m_db, m_tenant)
                    .create(QStringLiteral("t"), passport::ApiKey::knownScopes(), false)
                    ->secret;
        m_readKey = store::ApiKeyRepository(*m_db, m_tenant)
                        .create(QStringLiteral("r"), {QStringLiteral("products:read")}, false)
                        ->secret;
        m_otherKey = store::ApiKeyRepository(*m_db, fixture.tenantB)
                         .create(QStringLiteral("o"), passport::ApiKey::knownScopes(), false)
                         ->secret;
        auto product =
            store::ProductRepository(*m_db, m_tenant)
                .create(QJsonObject{
                    {QStringLiteral("gtin"), kGtin},
                    {QStringLiteral("name"),
                     QJsonObject{{QStringLiteral("en"), QStringLiteral("Douro red 2024")}}},
                    {QStringLiteral("category"), QStringLiteral("wine")}});
        QVERIFY2(product.ok(), qPrintable(product.ok() ? QString() : product.error().message));
        m_productId = product->id;

        ServerConfig config;
        config.port = 0;
        config.rateLimitPerMinute = 0;
        if (m_tls) {
            if (!makeCertificate(&config.tlsCertificate, &config.tlsKey))
                QSKIP("openssl CLI not installed (installer/deps-debian.sh installs it)");
        }
        m_server = std::make_unique<Server>(config);
        m_server->setLogSink([](const QString&) {});
        m_sink = std::make_shared<SinkForTest>();
        ApiContext context;
        context.db = m_db;
        context.baseUrl = [] { return QStringLiteral("https://id.example.com"); };
        context.scans = m_sink;
        QVERIFY(ApiRoutes::install(*m_server, context).ok());
        QVERIFY(m_server->start().ok());
        m_url = m_server->listenUrl();
        QCOMPARE(m_url.startsWith(QStringLiteral("https://")), m_tls);

        // The fixture: every shape of link the requirements talk about.
        m_href.clear();
        QVERIFY(!addLink("dpp-en", link("gs1:dpp", "https://dpp.example.com/p/1", "Passport",
                                        {QStringLiteral("en")}))
                     .isEmpty());
        QVERIFY(!addLink("dpp-fr", link("gs1:dpp", "https://dpp.example.com/p/1/fr", "Passeport",
                                        {QStringLiteral("fr")}))
                     .isEmpty());
        QVERIFY(
            !addLink("pip-en", link("https://ref.gs1.org/voc/pip", "https://pip.example.com/en?x=1",
                                    "Product information", {QStringLiteral("en")}))
                 .isEmpty());
        QVERIFY(!addLink("pip-fr", link("gs1:pip", "https://pip.example.com/fr",
                                        "Informations produit", {QStringLiteral("fr")}))
                     .isEmpty());
        QVERIFY(!addLink("pip-de", link("https://gs1.org/voc/pip", "https://pip.example.com/de",
                                        "Produktinformation", {QStringLiteral("de")}))
                     .isEmpty());
        QVERIFY(!addLink("cert-pdf",
                         link("gs1:certificationInfo", "https://cert.example.com/a.pdf",
                              "Certificate (PDF)", {QStringLiteral("en")}, "application/pdf"))
                     .isEmpty());
        QVERIFY(
            !addLink("cert-html", link("gs1:certificationInfo", "https://cert.example.com/a.html",
                                       "Certificate", {QStringLiteral("en")}))
                 .isEmpty());
        QJsonObject consumer =
            link("gs1:safetyInfo", "https://safe.example.com/consumer", "Safety for consumers");
        consumer.insert(QStringLiteral("context"), QStringLiteral("consumer"));
        QVERIFY(!addLink("safe-consumer", consumer).isEmpty());
        QJsonObject recycler =
            link("gs1:safetyInfo", "https://safe.example.com/recycler", "Safety for recyclers");
        recycler.insert(QStringLiteral("context"), QStringLiteral("recycler"));
        QVERIFY(!addLink("safe-recycler", recycler).isEmpty());
        for (const auto& [name, device, href] :
             {std::tuple{"app-ios", "ios", "https://apps.apple.com/app/id1"},
              std::tuple{"app-android", "android", "https://play.google.com/store/apps/x"},
              std::tuple{"app-any", "any", "https://app.example.com/"}}) {
            QJsonObject o = link("gs1:appDownload", href, "Our app");
            o.insert(QStringLiteral("device"), QString::fromLatin1(device));
            QVERIFY(!addLink(QString::fromLatin1(name), o).isEmpty());
        }
        QVERIFY(!addLink("recipe-1", link("gs1:recipeInfo", "https://recipes.example.com/1",
                                          "Recipe", {QStringLiteral("en")}))
                     .isEmpty());
        QVERIFY(!addLink("recipe-2", link("gs1:recipeInfo", "https://recipes.example.com/2",
                                          "Recipe", {QStringLiteral("en")}))
                     .isEmpty());
        QJsonObject lot = link("gs1:traceability", "https://trace.example.com/LOT2026A",
                               "Traceability of this lot");
        lot.insert(QStringLiteral("level"), QStringLiteral("lot"));
        lot.insert(QStringLiteral("qualifier"), QStringLiteral("LOT2026A"));
        QVERIFY(!addLink("lot", lot).isEmpty());
        QJsonObject serial =
            link("gs1:dpp", "https://dpp.example.com/sn/SN000001", "Passport of this unit");
        serial.insert(QStringLiteral("level"), QStringLiteral("serial"));
        serial.insert(QStringLiteral("qualifier"), QStringLiteral("SN000001"));
        QVERIFY(!addLink("serial", serial).isEmpty());
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
        m_test.drop();
    }

    void r01_getHeadOptionsOnEveryDlPath()
    {
        for (const QString& path : {dl(), dl(QStringLiteral("/10/LOT2026A/21/SN000001"))}) {
            const Reply get = send("GET", path);
            QCOMPARE(get.status, 307);
            const Reply head = send("HEAD", path);
            QCOMPARE(head.status, 307);
            QCOMPARE(head.header("location"), get.header("location"));
            QVERIFY(head.body.isEmpty());
            const Reply options = send("OPTIONS", path);
            QVERIFY(options.status == 204 || options.status == 200);
            QCOMPARE(options.header("allow"), QByteArray("GET, HEAD, OPTIONS"));
        }
        const Reply post = send("POST", dl(), {}, "{}");
        QCOMPARE(post.status, 405);
        QCOMPARE(post.header("allow"), QByteArray("GET, HEAD, OPTIONS"));
    }

    void r02_httpsServesTheSameAnswers()
    {
        if (!m_tls)
            QSKIP("checked in the https run of this suite");
        const Reply r = send("GET", dl());
        QCOMPARE(r.status, 307);
        QCOMPARE(r.header("location"), m_href.value("dpp-en").toUtf8());
        const Reply set = send("GET", dl(QStringLiteral("?linkType=linkset")));
        QCOMPARE(
            set.json().value(u"linkset").toArray().first().toObject().value(u"anchor").toString(),
            m_url + dl());
        QVERIFY(set.header("strict-transport-security").contains("max-age"));
        QCOMPARE(send("GET", QStringLiteral("/.well-known/gs1resolver")).status, 200);
    }

    void r03_corsOnEveryAnswer()
    {
        const QList<QPair<QByteArray, QByteArray>> origin{{"Origin", "https://scanner.example"}};
        for (const QString& path :
             QStringList{dl(), dl(QStringLiteral("/foo")), QStringLiteral("/01/") + kOtherGtin,
                         dl(QStringLiteral("?linkType=linkset")),
                         QStringLiteral("/.well-known/gs1resolver"),
                         dl(QStringLiteral("?linkType=gs1:recallStatus"))}) {
            for (const auto& headers : {origin, QList<QPair<QByteArray, QByteArray>>{}}) {
                const Reply r = send("GET", path, headers);
                QVERIFY2(r.header("access-control-allow-origin") == "*",
                         qPrintable(path + QStringLiteral(" %1").arg(r.status)));
            }
        }
        const Reply pre =
            send("OPTIONS", dl(),
                 {{"Origin", "https://scanner.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(pre.header("access-control-allow-origin"), QByteArray("*"));
        const QByteArray methods = pre.header("access-control-allow-methods");
        for (const char* m : {"GET", "HEAD", "OPTIONS"})
            QVERIFY2(methods.contains(m), methods.constData());
        QVERIFY(
            send("GET", dl(), origin).header("access-control-expose-headers").contains("Location"));
    }

    void r04_descriptionFile()
    {
        const Reply r = send("GET", QStringLiteral("/.well-known/gs1resolver"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("application/json"));
        const QJsonObject d = r.json();
        QCOMPARE(d.value(u"resolverRoot").toString(), m_url);
        QVERIFY(d.value(u"supportedPrimaryKeys").toArray().contains(QStringLiteral("01")));
        QCOMPARE(
            d.value(u"supportedLinkType").toArray().first().toObject().value(u"prefix").toString(),
            QStringLiteral("gs1:"));
        QVERIFY(!d.contains(u"_id"));
        const QString context = d.value(u"jsonLdContextLocation").toString();
        QVERIFY(context.startsWith(m_url));
        const Reply ctx = send("GET", context.mid(m_url.size()));
        QCOMPARE(ctx.status, 200);
        QVERIFY(ctx.json().contains(u"@context"));
    }

    void r05_invalidDlGives400()
    {
        for (const QString& path :
             {dl(QStringLiteral("/foo")), QStringLiteral("/01/09506000134353"),
              QStringLiteral("/01/0950600013435"), dl(QStringLiteral("/21/SN1/10/LOT1")),
              dl(QStringLiteral("?17=991399"))}) {
            const Reply r = send("GET", path);
            QVERIFY2(r.status == 400, qPrintable(path + QStringLiteral(" → %1").arg(r.status)));
            const QJsonObject e = r.json().value(u"error").toObject();
            QCOMPARE(e.value(u"code").toString(), QStringLiteral("invalid_digital_link"));
            QVERIFY(!e.value(u"message").toString().isEmpty());
            QVERIFY(r.header("location").isEmpty());
        }
        // The error names the component that is wrong.
        const QJsonObject e =
            send("GET", QStringLiteral("/01/09506000134353")).json().value(u"error").toObject();
        QVERIFY2(e.value(u"message")
                     .toString()
                     .contains(QStringLiteral("check digit"), Qt::CaseInsensitive),
                 qPrintable(e.value(u"message").toString()));
    }

    void r06_neverAnErrorWith200()
    {
        for (const QString& path :
             QStringList{dl(QStringLiteral("/foo")), QStringLiteral("/01/") + kOtherGtin,
                         dl(QStringLiteral("?linkType=gs1:nosuchlt")), QStringLiteral("/01/abc"),
                         dl(QStringLiteral("?linkType=gs1:recallStatus"))}) {
            for (const QByteArray& accept :
                 {QByteArray("text/html"), QByteArray("application/json"),
                  QByteArray("application/linkset+json")}) {
                const Reply r = send("GET", path, {{"Accept", accept}});
                QVERIFY2(r.status >= 400, qPrintable(path + QStringLiteral(" %1").arg(r.status)));
                QVERIFY(r.json().value(u"error").toObject().contains(u"message"));
            }
        }
    }

    void r07_validButUnknownGives404()
    {
        QCOMPARE(send("GET", QStringLiteral("/01/") + kOtherGtin).status, 404);
        QCOMPARE(send("GET", QStringLiteral("/01/") + kOtherGtin + QStringLiteral("/10/A1")).status,
                 404);
        // Other primary keys are valid Digital Links this resolver holds nothing for.
        QCOMPARE(send("GET", QStringLiteral("/414/9520123456788")).status, 404);
        QCOMPARE(send("GET", QStringLiteral("/00/095060001343520017")).status, 404);
        QCOMPARE(m_sink->scans.size(), 0); // unknown keys are not scans of our products
    }

    void r08_linksetWithoutRedirect()
    {
        for (const auto& [query, accept, type] :
             {std::tuple{"?linkType=linkset", "", "application/linkset+json"},
              std::tuple{"?linkType=all", "", "application/linkset+json"},
              std::tuple{"?linktype=LINKSET", "", "application/linkset+json"},
              std::tuple{"", "application/linkset+json", "application/linkset+json"},
              std::tuple{"", "application/json", "application/json"}}) {
            QList<QPair<QByteArray, QByteArray>> h;
            if (*accept)
                h.append(qMakePair(QByteArray("Accept"), QByteArray(accept)));
            const Reply r = send("GET", dl(QString::fromLatin1(query)), h);
            QCOMPARE(r.status, 200);
            QVERIFY(r.header("location").isEmpty());
            QCOMPARE(r.header("content-type"), QByteArray(type));
            QVERIFY(r.json().value(u"linkset").isArray());
        }
    }

    void r09_linksetValidatesAgainstGs1Schema()
    {
        QList<QByteArray> bodies;
        for (const QString& path : {dl(QStringLiteral("?linkType=linkset")),
                                    dl(QStringLiteral("/10/LOT2026A/21/SN000001?linkType=linkset")),
                                    dl(QStringLiteral("/10/LOT2026A?linkType=linkset")),
                                    dl(QStringLiteral("/10/NOSUCHLOT?linkType=linkset"))}) {
            const Reply r = send("GET", path);
            QCOMPARE(r.status, 200);
            bodies.append(r.body);
        }
        bodies.append(send("GET", dl(QStringLiteral("?linkType=gs1:recipeInfo")),
                           {{"Accept", "application/linkset+json"}})
                          .body); // the 300 body is a linkset too
        const QString problems = schemaProblems(bodies);
        if (problems == QLatin1String("SKIP"))
            QSKIP("node + ajv (tests/node/install.sh) or DPP_SHARED_DIR missing");
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        // And the schema does catch what we must never send: a CURIE key.
        QByteArray bad = bodies.first();
        bad.replace("https://ref.gs1.org/voc/pip", "gs1:pip");
        QVERIFY(!schemaProblems({bad}).isEmpty());
    }

    void r10_linksetCoversEveryLevelUpAnchoredAtTheRequest()
    {
        const QString path = dl(QStringLiteral("/10/LOT2026A/21/SN000001"));
        const QJsonArray set = send("GET", path + QStringLiteral("?linkType=linkset"))
                                   .json()
                                   .value(u"linkset")
                                   .toArray();
        QCOMPARE(set.size(), 3);
        QCOMPARE(set[0].toObject().value(u"anchor").toString(), m_url + path);
        QCOMPARE(set[1].toObject().value(u"anchor").toString(),
                 m_url + dl(QStringLiteral("/10/LOT2026A")));
        QCOMPARE(set[2].toObject().value(u"anchor").toString(), m_url + dl());
        QCOMPARE(set[2].toObject().value(u"itemDescription").toString(),
                 QStringLiteral("Douro red 2024"));
        QVERIFY(set[0].toObject().value(u"itemDescription").toString().contains(u"SN000001"));
        // Full-URI keys and hreflang arrays.
        const QJsonArray pip = set[2].toObject().value(u"https://ref.gs1.org/voc/pip").toArray();
        QCOMPARE(pip.size(), 3);
        QVERIFY(pip.first().toObject().value(u"hreflang").isArray());
    }

    void r11_jsonLdContextLinkHeader()
    {
        const Reply r = send("GET", dl(QStringLiteral("?linkType=linkset")));
        const QByteArray link = r.header("link");
        QVERIFY2(link.contains("rel=\"http://www.w3.org/ns/json-ld#context\""), link.constData());
        QVERIFY(link.contains("type=\"application/ld+json\""));
        const qsizetype start = link.indexOf('<') + 1;
        const QString contextUrl = QString::fromUtf8(link.mid(start, link.indexOf('>') - start));
        QVERIFY(contextUrl.startsWith(m_url));
        QCOMPARE(send("GET", contextUrl.mid(m_url.size())).status, 200);
        // application/ld+json gets the context embedded.
        const Reply ld = send("GET", dl(), {{"Accept", "application/ld+json"}});
        QCOMPARE(ld.status, 200);
        QVERIFY(ld.json().value(u"@context").isObject());
        // A browser asking for the linkset gets HTML with the linkset as JSON-LD.
        const Reply html = send("GET", dl(QStringLiteral("?linkType=linkset")),
                                {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
        QCOMPARE(html.status, 200);
        QVERIFY(html.header("content-type").startsWith("text/html"));
        QVERIFY(html.body.contains("<script type=\"application/ld+json\">{\"linkset\""));
    }

    void r12_linksetLinkOnRedirectAndOptions()
    {
        const QByteArray expected = "<" + (m_url + dl()).toUtf8() +
                                    "?linkType=linkset>; rel=\"linkset\"; "
                                    "type=\"application/linkset+json\"";
        const Reply r = send("GET", dl());
        QCOMPARE(r.status, 307);
        QCOMPARE(r.header("link"), expected);
        QCOMPARE(send("OPTIONS", dl(), {{"Origin", "https://a.example"}}).header("link"), expected);
        // No legacy list of every gs1: link in the header.
        QVERIFY(!r.header("link").contains("gs1.org/voc/pip"));
    }

    void r13_exactlyOneDefaultLinkTitleOnly()
    {
        const QJsonObject gtinLevel = send("GET", dl(QStringLiteral("?linkType=linkset")))
                                          .json()
                                          .value(u"linkset")
                                          .toArray()
                                          .first()
                                          .toObject();
        const QJsonArray def = gtinLevel.value(u"https://ref.gs1.org/voc/defaultLink").toArray();
        QCOMPARE(def.size(), 1);
        QCOMPARE(def.first().toObject().keys(), (QStringList{"href", "title"}));
        const QString href = def.first().toObject().value(u"href").toString();
        QCOMPARE(href, m_href.value("dpp-en"));
        bool listedUnderType = false;
        for (const QJsonValue& v : gtinLevel.value(u"https://ref.gs1.org/voc/dpp").toArray())
            listedUnderType = listedUnderType || v.toObject().value(u"href").toString() == href;
        QVERIFY(listedUnderType);
        // Every level of the walk has its own single default.
        for (const QJsonValue& level :
             send("GET", dl(QStringLiteral("/10/LOT2026A/21/SN000001?linkType=linkset")))
                 .json()
                 .value(u"linkset")
                 .toArray())
            QCOMPARE(
                level.toObject().value(u"https://ref.gs1.org/voc/defaultLink").toArray().size(), 1);
    }

    void r14_redirectsToTheDefaultLink()
    {
        const Reply r = send("GET", dl());
        QCOMPARE(r.status, 307);
        QCOMPARE(r.header("location"), m_href.value("dpp-en").toUtf8());
        QCOMPARE(send("GET", dl(QStringLiteral("?linkType=gs1:defaultLink"))).header("location"),
                 m_href.value("dpp-en").toUtf8() + "?linkType=gs1:defaultLink");
    }

    void r15_linkTypeRedirectsOr404()
    {
        for (const char* type :
             {"gs1:pip", "https://gs1.org/voc/pip", "https://ref.gs1.org/voc/pip"}) {
            const Reply r =
                send("GET", dl(QStringLiteral("?linkType=") + QString::fromLatin1(type)));
            QCOMPARE(r.status, 307);
            QVERIFY2(r.header("location").startsWith("https://pip.example.com/en?x=1&linkType="),
                     r.header("location").constData());
        }
        QCOMPARE(send("GET", dl(QStringLiteral("?linkType=gs1:nosuchlt"))).status, 404);
        // Ratified, but this item has no such link.
        QCOMPARE(send("GET", dl(QStringLiteral("?linkType=gs1:recallStatus"))).status, 404);
    }

    void r16_oneTrailingSlashTolerated()
    {
        for (const QString& path : {dl(), dl(QStringLiteral("/10/LOT2026A"))}) {
            const Reply plain = send("GET", path);
            const Reply slash = send("GET", path + u'/');
            QCOMPARE(slash.status, plain.status);
            QCOMPARE(slash.header("location"), plain.header("location"));
        }
        QCOMPARE(send("GET", dl(QStringLiteral("//"))).status, 400);
    }

    void r17_rawQueryStringPassedOn()
    {
        const Reply r = send("GET", dl(QStringLiteral("?foo=bar;baz&flag&x=%2Fy")));
        QCOMPARE(r.status, 307);
        QCOMPARE(r.header("location"),
                 m_href.value("dpp-en").toUtf8() + "?foo=bar;baz&flag&x=%2Fy");
        // A target that has a query already gets '&'.
        const Reply pip = send("GET", dl(QStringLiteral("?linkType=gs1:pip&foo=bar")));
        QCOMPARE(pip.header("location"),
                 QByteArray("https://pip.example.com/en?x=1&linkType=gs1:pip&foo=bar"));
    }

    void r18_languageMediaTypeAndContextChoice()
    {
        const auto pipFor = [&](const QByteArray& languages) {
            return send("GET", dl(QStringLiteral("?linkType=gs1:pip")),
                        {{"Accept-Language", languages}})
                .header("location");
        };
        QVERIFY(pipFor("fr-CA, en;q=0.5").startsWith("https://pip.example.com/fr"));
        QVERIFY(pipFor("de;q=0.4, en;q=0.9").startsWith("https://pip.example.com/en"));
        QVERIFY(pipFor("it, de-AT;q=0.8").startsWith("https://pip.example.com/de"));
        QVERIFY(pipFor("fr;q=0, de").startsWith("https://pip.example.com/de"));
        // By Accept.
        QCOMPARE(send("GET", dl(QStringLiteral("?linkType=gs1:certificationInfo")),
                      {{"Accept", "application/pdf"}})
                     .header("location"),
                 QByteArray("https://cert.example.com/a.pdf?linkType=gs1:certificationInfo"));
        QCOMPARE(send("GET", dl(QStringLiteral("?linkType=gs1:certificationInfo")),
                      {{"Accept", "text/html"}})
                     .header("location"),
                 QByteArray("https://cert.example.com/a.html?linkType=gs1:certificationInfo"));
        // By context (audience).
        QVERIFY(send("GET", dl(QStringLiteral("?linkType=gs1:safetyInfo&context=recycler")))
                    .header("location")
                    .startsWith("https://safe.example.com/recycler"));
        QVERIFY(send("GET", dl(QStringLiteral("?linkType=gs1:safetyInfo&context=consumer")))
                    .header("location")
                    .startsWith("https://safe.example.com/consumer"));
        // By device (User-Agent).
        const auto app = [&](const QByteArray& ua) {
            return send("GET", dl(QStringLiteral("?linkType=gs1:appDownload")),
                        {{"User-Agent", ua}})
                .header("location");
        };
        QVERIFY(app("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)")
                    .startsWith("https://apps.apple.com/"));
        QVERIFY(
            app("Mozilla/5.0 (Linux; Android 14; Pixel 8)").startsWith("https://play.google.com/"));
        QVERIFY(app("Mozilla/5.0 (X11; Linux x86_64)").startsWith("https://app.example.com/"));
        QCOMPARE(send("GET", dl()).header("vary"), QByteArray("Accept, Accept-Language"));
        // Two links nothing could tell apart: 300 with the candidates as a linkset …
        const Reply multiple = send("GET", dl(QStringLiteral("?linkType=gs1:recipeInfo")));
        QCOMPARE(multiple.status, 300);
        QVERIFY(multiple.header("location").isEmpty());
        const QJsonArray recipes = multiple.json()
                                       .value(u"linkset")
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(u"https://ref.gs1.org/voc/recipeInfo")
                                       .toArray();
        QCOMPARE(recipes.size(), 2);
        // … or as HTML for a browser.
        const Reply page =
            send("GET", dl(QStringLiteral("?linkType=gs1:recipeInfo")), {{"Accept", "text/html"}});
        QCOMPARE(page.status, 300);
        QVERIFY(page.body.contains("https://recipes.example.com/2"));
    }

    void r19_defaultLinkMulti()
    {
        QCOMPARE(send("GET", dl(), {{"Accept-Language", "fr-FR,fr;q=0.9"}}).header("location"),
                 m_href.value("dpp-fr").toUtf8());
        // No language match, or none sent: the gs1:defaultLink, never a 300.
        for (const QByteArray& languages : {QByteArray("ja"), QByteArray("*")}) {
            const Reply r = send("GET", dl(), {{"Accept-Language", languages}});
            QCOMPARE(r.status, 307);
            QCOMPARE(r.header("location"), m_href.value("dpp-en").toUtf8());
        }
        const QJsonObject gtinLevel = send("GET", dl(QStringLiteral("?linkType=linkset")))
                                          .json()
                                          .value(u"linkset")
                                          .toArray()
                                          .first()
                                          .toObject();
        const QJsonArray multi =
            gtinLevel.value(u"https://ref.gs1.org/voc/defaultLinkMulti").toArray();
        QCOMPARE(multi.size(), 2);
        for (const QJsonValue& v : multi)
            QVERIFY(!v.toObject().value(u"hreflang").toArray().isEmpty());
    }

    void r20_walkUpWithoutRedirects()
    {
        const auto target = [&](const QString& rest, const QString& query = {}) {
            const Reply r = send("GET", dl(rest) + query);
            return QPair<int, QByteArray>(r.status, r.header("location"));
        };
        using P = QPair<int, QByteArray>;
        QCOMPARE(target(QStringLiteral("/10/KL8G")), P(307, m_href.value("dpp-en").toUtf8()));
        QCOMPARE(target(QStringLiteral("/10/LOT2026A")), P(307, m_href.value("lot").toUtf8()));
        QCOMPARE(target(QStringLiteral("/10/LOT2026A/21/SN000001")),
                 P(307, m_href.value("serial").toUtf8()));
        QCOMPARE(target(QStringLiteral("/10/LOT2026A/21/SN999")),
                 P(307, m_href.value("lot").toUtf8()));
        QCOMPARE(target(QStringLiteral("/21/SN000001")), P(307, m_href.value("serial").toUtf8()));
        QCOMPARE(target(QStringLiteral("/22/V1/10/KL8G/21/X")),
                 P(307, m_href.value("dpp-en").toUtf8()));
        // A type the serial level lacks is found further up, in one answer.
        const auto pip =
            target(QStringLiteral("/10/LOT2026A/21/SN000001"), QStringLiteral("?linkType=gs1:pip"));
        QCOMPARE(pip.first, 307);
        QVERIFY(pip.second.startsWith("https://pip.example.com/en"));
    }

    void r21_compressedDigitalLink()
    {
        // GS1 vector (digital-link.js): HxHKVAdpQgZzjr-hCDKigI is
        // /01/09780345418913/10/231/21/345345?15=120820.
        passport::ResolverLink book;
        book.gtin = QStringLiteral("09780345418913");
        book.linkType = QStringLiteral("gs1:pip");
        book.href = QStringLiteral("https://books.example.com/p?id=7");
        book.title = QStringLiteral("The book");
        QVERIFY(store::ResolverLinkRepository(*m_db, m_tenant).create(book).ok());
        const QString uncompressed =
            m_url + QStringLiteral("/01/09780345418913/10/231/21/345345?15=120820");

        const Reply r = send("GET", QStringLiteral("/HxHKVAdpQgZzjr-hCDKigI?src=qr"));
        QCOMPARE(r.status, 307); // answered here, not redirected to the uncompressed URI
        QCOMPARE(r.header("location"),
                 QByteArray("https://books.example.com/p?id=7&15=120820&src=qr"));
        QVERIFY2(r.header("link").contains(
                     QByteArray("<" + uncompressed.toUtf8() + ">; rel=\"owl:sameAs\"")),
                 r.header("link").constData());
        QCOMPARE(send("GET", QStringLiteral("/HxHKVAdpQgZzjr-hCDKigI/")).status, 307);
        // The linkset is anchored at the uncompressed URI (only the GTIN level has links).
        const Reply set = send("GET", QStringLiteral("/HxHKVAdpQgZzjr-hCDKigI?linkType=linkset"));
        QCOMPARE(set.status, 200);
        const QJsonArray levels = set.json().value(u"linkset").toArray();
        QCOMPARE(levels.size(), 1);
        QCOMPARE(levels.first().toObject().value(u"anchor").toString(),
                 m_url + QStringLiteral("/01/09780345418913"));
        // Base64-looking paths that are not compressed Digital Links are unknown paths.
        QCOMPARE(send("GET", QStringLiteral("/sAAAAAAAAAAA")).status, 404);
        QCOMPARE(send("GET", QStringLiteral("/HxHKVAdp")).status, 404);
    }

    void r22_linkTypesFromTheGs1Vocabulary()
    {
        const QJsonObject gtinLevel = send("GET", dl(QStringLiteral("?linkType=linkset")))
                                          .json()
                                          .value(u"linkset")
                                          .toArray()
                                          .first()
                                          .toObject();
        for (const QString& key : gtinLevel.keys()) {
            if (key == u"anchor" || key == u"itemDescription")
                continue;
            QVERIFY2(key.startsWith(QStringLiteral("https://ref.gs1.org/voc/")), qPrintable(key));
            QVERIFY2(passport::LinkTypes::all().contains(QStringLiteral("gs1:") + key.mid(24)),
                     qPrintable(key));
        }
        const Reply bad = api("POST", QStringLiteral("/v1/products/%1/links").arg(m_productId),
                              link("gs1:productPassport", "https://x.example.com", "X"));
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("link_type"));
        QCOMPARE(passport::LinkTypes::all().size(), 60);
    }

    void r23_noDelegation()
    {
        // R23 binds resolvers that hand requests on to another resolver; this one answers
        // everything itself, so no answer is annotated gs1:handledBy.
        for (const QString& path :
             {dl(QStringLiteral("?linkType=linkset")),
              dl(QStringLiteral("/10/LOT2026A/21/SN000001?linkType=linkset"))})
            QVERIFY(!send("GET", path).body.contains("handledBy"));
        QVERIFY(send("GET", dl()).header("location").startsWith("https://dpp.example.com/"));
    }

    void r24_linkRecordsAreValidated()
    {
        const QString links = QStringLiteral("/v1/products/%1/links").arg(m_productId);
        const auto param = [&](const QJsonObject& body) {
            const Reply r = api("POST", links, body);
            return QPair<int, QString>(
                r.status, r.json().value(u"error").toObject().value(u"param").toString());
        };
        using P = QPair<int, QString>;
        QJsonObject noTitle = link("gs1:pip", "https://x.example.com", "");
        QCOMPARE(param(noTitle), P(422, QStringLiteral("title")));
        QCOMPARE(param(link("gs1:pip", "ftp://x.example.com/a", "T")),
                 P(422, QStringLiteral("href")));
        QCOMPARE(param(link("gs1:pip", "not a url", "T")), P(422, QStringLiteral("href")));
        QCOMPARE(param(link("gs1:pip", "https://x.example.com", "T", {}, "html")),
                 P(422, QStringLiteral("media_type")));
        QCOMPARE(param(link("gs1:pip", "https://x.example.com", "T", {QStringLiteral("english")})),
                 P(422, QStringLiteral("languages[0]")));
        QCOMPARE(param(link("gs1:pip", "https://x.example.com", "T", {QStringLiteral("es-419")})),
                 P(422, QStringLiteral("languages[0]")));
        QJsonObject device = link("gs1:pip", "https://x.example.com", "T");
        device.insert(QStringLiteral("device"), QStringLiteral("windows"));
        QCOMPARE(param(device), P(422, QStringLiteral("device")));
        QJsonObject level = link("gs1:pip", "https://x.example.com", "T");
        level.insert(QStringLiteral("level"), QStringLiteral("serial"));
        QCOMPARE(param(level), P(422, QStringLiteral("qualifier")));
        QCOMPARE(param(link("gs1:defaultLink", "https://x.example.com", "T")),
                 P(422, QStringLiteral("link_type")));
        QJsonObject numericTitle = link("gs1:pip", "https://x.example.com", "T");
        numericTitle.insert(QStringLiteral("title"), 42);
        QCOMPARE(param(numericTitle), P(422, QStringLiteral("title")));
        // Nothing of that reached the resolver.
        QVERIFY(
            !send("GET", dl(QStringLiteral("?linkType=linkset"))).body.contains("x.example.com"));
    }

    void r25_caseHandling()
    {
        QVERIFY(send("GET", dl(QStringLiteral("?LINKTYPE=gs1:pip")))
                    .header("location")
                    .startsWith("https://pip.example.com/en"));
        QVERIFY(send("GET", dl(QStringLiteral("?linktype=GS1:PIP")))
                    .header("location")
                    .startsWith("https://pip.example.com/en"));
        // AI values are case-sensitive: lot2026a is not LOT2026A (walks up to the GTIN).
        QCOMPARE(send("GET", dl(QStringLiteral("/10/lot2026a"))).header("location"),
                 m_href.value("dpp-en").toUtf8());
    }

    void scansRecordedForKnownKeys()
    {
        m_sink->scans.clear();
        send("GET", dl(QStringLiteral("/10/LOT2026A/21/SN000001")),
             {{"User-Agent", "ScannerApp/1.0"}, {"Referer", "https://shop.example/x"}});
        QCOMPARE(m_sink->scans.size(), 1);
        const RawScan s = m_sink->scans.first();
        QCOMPARE(s.tenantId, m_tenant);
        QCOMPARE(s.productId, m_productId);
        QCOMPARE(s.gtin, kGtin);
        QCOMPARE(s.keyLevel, QStringLiteral("serial"));
        QCOMPARE(s.lot, QStringLiteral("LOT2026A"));
        QCOMPARE(s.serial, QStringLiteral("SN000001"));
        QCOMPARE(s.linkType, QStringLiteral("gs1:defaultLink"));
        QCOMPARE(s.userAgent, QByteArray("ScannerApp/1.0"));
        QCOMPARE(s.referer, QByteArray("https://shop.example/x"));
        QVERIFY(s.at.isValid());
        send("GET", dl(QStringLiteral("/10/OTHER?linkType=linkset")));
        QCOMPARE(m_sink->scans.size(), 2);
        QCOMPARE(m_sink->scans.last().keyLevel, QStringLiteral("gtin"));
        QCOMPARE(m_sink->scans.last().linkType, QStringLiteral("linkset"));
        // Errors and unknown keys are not scans.
        send("GET", dl(QStringLiteral("/foo")));
        send("GET", QStringLiteral("/01/") + kOtherGtin);
        send("HEAD", dl());
        QCOMPARE(m_sink->scans.size(), 2);
    }

    void linkApiDefaults()
    {
        const QString links = QStringLiteral("/v1/products/%1/links").arg(m_productId);
        const Reply list = api("GET", links);
        QCOMPARE(list.status, 200);
        const auto defaultsOf = [&](const QString& levelKey) {
            QStringList ids;
            for (const QJsonValue& v : api("GET", links).json().value(u"data").toArray()) {
                const QJsonObject o = v.toObject();
                const QString key =
                    o.value(u"level").toString() + u':' + o.value(u"qualifier").toString();
                if (key == levelKey && o.value(u"default").toBool())
                    ids.append(o.value(u"id").toString());
            }
            return ids;
        };
        const QStringList before = defaultsOf(QStringLiteral("gtin:"));
        QCOMPARE(before.size(), 1);
        // A new default replaces the old one in one step.
        QJsonObject fresh = link("gs1:homepage", "https://brand.example.com", "Brand");
        fresh.insert(QStringLiteral("default"), true);
        const Reply created = api("POST", links, fresh);
        QCOMPARE(created.status, 201);
        const QString newId = created.json().value(u"id").toString();
        QCOMPARE(defaultsOf(QStringLiteral("gtin:")), QStringList{newId});
        QCOMPARE(send("GET", dl()).header("location"), QByteArray("https://brand.example.com"));
        // Unsetting the default is refused; the store is unchanged.
        const Reply unset =
            api("PATCH", links + u'/' + newId, QJsonObject{{QStringLiteral("default"), false}});
        QCOMPARE(unset.status, 422);
        QCOMPARE(unset.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("default"));
        QCOMPARE(defaultsOf(QStringLiteral("gtin:")), QStringList{newId});
        // PATCH another link to default.
        const Reply patched = api("PATCH", links + u'/' + before.first(),
                                  QJsonObject{{QStringLiteral("default"), true},
                                              {QStringLiteral("title"), QStringLiteral("DPP")}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(u"title").toString(), QStringLiteral("DPP"));
        QCOMPARE(defaultsOf(QStringLiteral("gtin:")), QStringList{before.first()});
        // Deleting the default promotes another link of the level (same type first).
        QCOMPARE(api("DELETE", links + u'/' + before.first()).status, 204);
        const QStringList promoted = defaultsOf(QStringLiteral("gtin:"));
        QCOMPARE(promoted.size(), 1);
        QCOMPARE(api("GET", links + u'/' + promoted.first()).json().value(u"link_type").toString(),
                 QStringLiteral("gs1:dpp"));
        QCOMPARE(send("GET", dl()).header("location"), m_href.value("dpp-fr").toUtf8());
        // The key of a link is fixed.
        const Reply move = api("PATCH", links + u'/' + newId,
                               QJsonObject{{QStringLiteral("level"), QStringLiteral("lot")},
                                           {QStringLiteral("qualifier"), QStringLiteral("L1")}});
        QCOMPARE(move.status, 422);
        QCOMPARE(move.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("level"));
        // Deleting the last link of a level leaves nothing to serve there: walk-up.
        const QString lotLinks = QStringLiteral("/v1/products/%1/links").arg(kGtin);
        for (const QJsonValue& v : api("GET", lotLinks).json().value(u"data").toArray())
            if (v.toObject().value(u"level").toString() == u"lot")
                QCOMPARE(
                    api("DELETE", lotLinks + u'/' + v.toObject().value(u"id").toString()).status,
                    204);
        QCOMPARE(send("GET", dl(QStringLiteral("/10/LOT2026A"))).header("location"),
                 m_href.value("dpp-fr").toUtf8());
    }

    void linkApiErrorsAndTenants()
    {
        const QString links = QStringLiteral("/v1/products/%1/links").arg(m_productId);
        const QString someId = api("GET", links)
                                   .json()
                                   .value(u"data")
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(u"id")
                                   .toString();
        QCOMPARE(api("GET", links, {}, m_otherKey).status, 404);
        QCOMPARE(
            api("POST", links, link("gs1:pip", "https://evil.example.com", "X"), m_otherKey).status,
            404);
        QCOMPARE(api("PATCH", links + u'/' + someId,
                     QJsonObject{{QStringLiteral("title"), QStringLiteral("X")}}, m_otherKey)
                     .status,
                 404);
        QCOMPARE(api("DELETE", links + u'/' + someId, {}, m_otherKey).status, 404);
        QCOMPARE(api("DELETE", links + QStringLiteral("/no-such-link")).status, 404);
        QCOMPARE(
            api("POST", links, link("gs1:pip", "https://x.example.com", "X"), m_readKey).status,
            403);
        QCOMPARE(send("GET", links).status, 401);
        const Reply malformed =
            send("POST", links, {{"Authorization", "Bearer " + m_key.toLatin1()}}, "{nope");
        QCOMPARE(malformed.status, 400);
        const Reply unknownType =
            api("POST", links, link("gs1:nosuchtype", "https://x.example.com", "X"));
        QCOMPARE(unknownType.status, 422);
        QCOMPARE(unknownType.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("link_type"));
        // Lookup by GTIN works as well as by id; the list has every link of the fixture.
        QCOMPARE(api("GET", QStringLiteral("/v1/products/9506000134352/links"))
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 m_href.size());
        // The other tenant's view of the resolver is the same public one: still our links.
        QCOMPARE(send("GET", dl()).header("location"), m_href.value("dpp-en").toUtf8());
    }

    void publishingCreatesDefaultLinks()
    {
        auto product = store::ProductRepository(*m_db, m_tenant)
                           .create(QJsonObject{
                               {QStringLiteral("gtin"), kOtherGtin},
                               {QStringLiteral("name"),
                                QJsonObject{{QStringLiteral("en"), QStringLiteral("Vinho verde")}}},
                               {QStringLiteral("category"), QStringLiteral("wine")}});
        QVERIFY(product.ok());
        QCOMPARE(send("GET", QStringLiteral("/01/") + kOtherGtin).status, 404);
        const QJsonObject passport{{QStringLiteral("gtin"), kOtherGtin},
                                   {QStringLiteral("kind"), QStringLiteral("product")},
                                   {QStringLiteral("data"), QJsonObject{}}};
        QCOMPARE(api("POST", QStringLiteral("/v1/passports"), passport).status, 201);
        const QString viewer = QStringLiteral("https://id.example.com/passport/") + kOtherGtin;
        const Reply r = send("GET", QStringLiteral("/01/") + kOtherGtin);
        QCOMPARE(r.status, 307);
        QCOMPARE(QString::fromUtf8(r.header("location")), viewer);
        QCOMPARE(QString::fromUtf8(send("GET", QStringLiteral("/01/") + kOtherGtin +
                                                   QStringLiteral("?linkType=gs1:pip"))
                                       .header("location")),
                 viewer + QStringLiteral("?linkType=gs1:pip"));
        // Publishing the same data again adds nothing: no version (200, not 201), no links.
        QCOMPARE(api("POST", QStringLiteral("/v1/passports"), passport).status, 200);
        const QJsonArray links = api("GET", QStringLiteral("/v1/products/%1/links").arg(kOtherGtin))
                                     .json()
                                     .value(u"data")
                                     .toArray();
        QCOMPARE(links.size(), 2);
        // Our own fixture product: the user's gs1:dpp default stays, gs1:pip links stay.
        const QJsonObject own{{QStringLiteral("gtin"), kGtin},
                              {QStringLiteral("kind"), QStringLiteral("product")},
                              {QStringLiteral("data"), QJsonObject{}}};
        const int before = m_href.size();
        QCOMPARE(api("POST", QStringLiteral("/v1/passports"), own).status, 201);
        QCOMPARE(api("GET", QStringLiteral("/v1/products/%1/links").arg(m_productId))
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 before);
        QCOMPARE(send("GET", dl()).header("location"), m_href.value("dpp-en").toUtf8());
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int rc = 0;
    {
        TestResolver http(QStringLiteral("sqlite"), false);
        rc |= QTest::qExec(&http, argc, argv);
    }
    {
        TestResolver https(QStringLiteral("sqlite"), true);
        rc |= QTest::qExec(&https, argc, argv);
    }
    {
        TestResolver pg(QStringLiteral("postgresql"), false);
        rc |= QTest::qExec(&pg, argc, argv);
    }
    return rc;
}

#include "tst_resolver.moc"
