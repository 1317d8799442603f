// The public passport viewer (/passport/…) against the real server on a free loopback port
// with a real store (temporary SQLite file, then PostgreSQL when DPP_TEST_PG_URL is set)
// seeded with the bundled samples: status codes and headers, language negotiation, the
// consumer/recycler/regulator views, restricted fields by API key and tenant, the embedded
// JSON-LD against the API's, the wine e-label's no-tracking rule and escaping.
#include "httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <export/jsonldwriter.h>
#include <export/sampleseeder.h>
#include <passport/apikey.h>
#include <server/accountservice.h>
#include <server/apiroutes.h>
#include <server/server.h>
#include <store/apikeyrepository.h>
#include <store/batteryunitrepository.h>
#include <store/passportrepository.h>
#include <store/productrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::server;
using dpp::test::NamReply;
using dpp::test::namSend;

namespace {

const QString kWine = QStringLiteral("05601012012200");     // EUlabel sample, en/pt
const QString kRiesling = QStringLiteral("09506000134352"); // en/de names
const QString kBattery = QStringLiteral("08523456790018");  // DPP.GS EV battery
const QString kBase = QStringLiteral("https://id.example.com");

QString text(const NamReply& r)
{
    return QString::fromUtf8(r.body);
}

// The JSON of the page's <script type="application/ld+json"> block.
QJsonObject embeddedJsonLd(const QString& html, int* blocks = nullptr)
{
    static const QRegularExpression re(
        QStringLiteral("<script type=\"application/ld\\+json\">(.*?)</script>"),
        QRegularExpression::DotMatchesEverythingOption);
    QJsonObject out;
    int n = 0;
    for (auto it = re.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(m.captured(1).toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            out = doc.object();
        ++n;
    }
    if (blocks)
        *blocks = n;
    return out;
}

} // namespace

class TestViewer : public QObject
{
    Q_OBJECT

public:
    explicit TestViewer(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    std::shared_ptr<store::Database> m_db;
    std::unique_ptr<Server> m_server;
    QNetworkAccessManager m_nam;
    QString m_url;
    QString m_tenantA, m_tenantB;
    QString m_keyA, m_keyB, m_keyANoPassports;

    QString createKey(const QString& tenant, const QStringList& scopes)
    {
        auto created =
            store::ApiKeyRepository(*m_db, tenant).create(QStringLiteral("viewer"), scopes, false);
        return created.ok() ? created->secret : QString();
    }

    NamReply get(const QString& path, QList<QPair<QByteArray, QByteArray>> headers = {},
                 const QString& key = {}, const QByteArray& method = "GET")
    {
        if (!key.isEmpty())
            headers.append({"Authorization", "Bearer " + key.toLatin1()});
        return namSend(m_nam, method, QUrl(m_url + path), {}, headers);
    }

    // A product with a published passport in tenant A, through the same repositories the
    // API uses.
    bool publish(const QJsonObject& product, const QString& kind, const QJsonObject& data,
                 bool doPublish = true)
    {
        auto saved = store::ProductRepository(*m_db, m_tenantA).save(product);
        if (!saved.ok()) {
            qWarning("%s", qPrintable(saved.error().message));
            return false;
        }
        store::PassportRepository passports(*m_db, m_tenantA);
        auto draft = passports.createDraft(saved->product.id, kind, data);
        if (!draft.ok()) {
            qWarning("%s", qPrintable(draft.error().message));
            return false;
        }
        return !doPublish || passports.publish(draft->id).ok();
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
        QVERIFY(exporting::SampleSeeder::seed(*m_db, m_tenantA).ok());
        m_keyA = createKey(m_tenantA, passport::ApiKey::knownScopes());
        m_keyB = createKey(m_tenantB, passport::ApiKey::knownScopes());
        m_keyANoPassports = createKey(m_tenantA, {QStringLiteral("products:read")});
        QVERIFY(!m_keyA.isEmpty() && !m_keyB.isEmpty() && !m_keyANoPassports.isEmpty());

        ServerConfig config;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 0;
        m_server = std::make_unique<Server>(config);
        m_server->setLogSink([](const QString&) {});
        ApiContext context;
        context.db = m_db;
        context.baseUrl = [] { return kBase; };
        QVERIFY(ApiRoutes::install(*m_server, context).ok());
        QVERIFY(m_server->start().ok());
        m_url = m_server->listenUrl();
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
        m_test.drop();
    }

    void statusAndHeaders()
    {
        const NamReply r = get(QStringLiteral("/passport/") + kWine);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("text/html; charset=utf-8"));
        const QByteArray csp = r.headers.value("content-security-policy");
        QVERIFY2(csp.contains("style-src 'self'") && csp.contains("script-src 'self'"),
                 csp.constData());
        QVERIFY(!csp.contains("unsafe-inline"));
        QVERIFY(!r.headers.contains("set-cookie"));
        QCOMPARE(r.headers.value("content-language"), QByteArray("en"));
        QVERIFY(r.headers.value("vary").contains("Accept-Language"));

        // The page works under that CSP: the only script is the JSON-LD data block, no
        // inline style attributes or blocks, the stylesheet is our own route.
        const QString html = text(r);
        QCOMPARE(html.count(QStringLiteral("<script")), 1);
        QVERIFY(html.contains(QStringLiteral("<script type=\"application/ld+json\">")));
        QVERIFY(!html.contains(QStringLiteral(" style=")));
        QVERIFY(!html.contains(QStringLiteral("<style")));
        QVERIFY(
            html.contains(QStringLiteral("<link rel=\"stylesheet\" href=\"/viewer/viewer.css\">")));
        QVERIFY(html.contains(QStringLiteral("name=\"viewport\"")));

        const NamReply css = get(QStringLiteral("/viewer/viewer.css"));
        QCOMPARE(css.status, 200);
        QVERIFY(css.headers.value("content-type").startsWith("text/css"));
        QVERIFY(css.body.contains("@media"));

        // HEAD: the GET answer's headers without a body.
        const NamReply head = get(QStringLiteral("/passport/") + kWine, {}, {}, "HEAD");
        QCOMPARE(head.status, 200);
        QCOMPARE(head.headers.value("content-type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(head.headers.value("content-length").toInt(), r.body.size());
        QVERIFY(head.body.isEmpty());
    }

    void errorsAreHtmlWithTheRightStatus_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("param");
        QTest::newRow("short gtin") << "/passport/123" << 400 << "gtin";
        QTest::newRow("check digit") << "/passport/05601012012201" << 400 << "gtin";
        QTest::newRow("letters") << "/passport/0560101201220X" << 400 << "gtin";
        QTest::newRow("dl check digit") << "/passport/01/08523456790019" << 400 << "gtin";
        QTest::newRow("bad lot") << "/passport/01/08523456790018/10/LOT%202026" << 400 << "batch";
        QTest::newRow("bad batch query")
            << "/passport/08523456790018?batch=a%20b" << 400 << "batch";
        QTest::newRow("long serial")
            << "/passport/08523456790018?serial=" + QString(21, u'1') << 400 << "serial";
        QTest::newRow("bad view") << "/passport/05601012012200?view=admin" << 400 << "view";
        QTest::newRow("bad lang") << "/passport/05601012012200?lang=%3Cx%3E" << 400 << "lang";
        QTest::newRow("unknown gtin") << "/passport/04006381333931" << 404 << "gtin";
        QTest::newRow("unknown dl") << "/passport/01/04006381333931/10/A1" << 404 << "gtin";
    }

    void errorsAreHtmlWithTheRightStatus()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, param);
        const NamReply r = get(path);
        QCOMPARE(r.status, status);
        QCOMPARE(r.headers.value("content-type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.headers.contains("content-security-policy"));
        const QString html = text(r);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY2(html.contains(QStringLiteral("<code>%1</code>").arg(param)), qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("application/ld+json")));
    }

    void deletedOrUnpublishedProductsAre404()
    {
        // Soft-deleted: the sample Riesling goes away from the public page.
        store::ProductRepository products(*m_db, m_tenantA);
        const auto riesling = products.findByGtin(kRiesling);
        QVERIFY(riesling);
        QCOMPARE(get(QStringLiteral("/passport/") + kRiesling).status, 200);
        QVERIFY(products.remove(riesling->id).ok());
        const NamReply gone = get(QStringLiteral("/passport/") + kRiesling);
        QCOMPARE(gone.status, 404);
        QVERIFY(text(gone).contains(QStringLiteral("Passport not found")));

        // A product with a draft passport only.
        QVERIFY(publish(QJsonObject{{QStringLiteral("gtin"), QStringLiteral("04006381333931")},
                                    {QStringLiteral("name"),
                                     QJsonObject{{QStringLiteral("en"), QStringLiteral("Draft")}}},
                                    {QStringLiteral("category"), QStringLiteral("other")}},
                        QStringLiteral("product"), {}, false));
        QCOMPARE(get(QStringLiteral("/passport/04006381333931")).status, 404);
    }

    void languageSelection()
    {
        const QString path = QStringLiteral("/passport/") + kRiesling;
        const NamReply de = get(path, {{"Accept-Language", "de-DE,de;q=0.9,en;q=0.5"}});
        QCOMPARE(de.status, 200);
        QString html = text(de);
        QVERIFY(html.contains(QStringLiteral("<html lang=\"de\">")));
        QVERIFY(html.contains(QStringLiteral("<h1 lang=\"de\">Beispiel Riesling trocken</h1>")));
        QVERIFY(html.contains(QStringLiteral("Zutaten")));
        QVERIFY(html.contains(QStringLiteral("Nährwertdeklaration je 100 ml")));
        QVERIFY(html.contains(QStringLiteral("0,6 g"))); // German decimal comma
        QCOMPARE(de.headers.value("content-language"), QByteArray("de"));

        const NamReply en = get(path, {{"Accept-Language", "en-GB,en;q=0.8"}});
        html = text(en);
        QVERIFY(html.contains(QStringLiteral("<h1 lang=\"en\">Example Riesling dry</h1>")));
        QVERIFY(html.contains(QStringLiteral("Nutrition declaration per 100 ml")));
        QVERIFY(html.contains(QStringLiteral("0.6 g")));

        // q-values, not header order, decide.
        html = text(get(path, {{"Accept-Language", "en;q=0.2, de;q=0.8"}}));
        QVERIFY(html.contains(QStringLiteral("Beispiel Riesling trocken")));
        // q=0 means "not this one".
        html = text(get(path, {{"Accept-Language", "de;q=0, en;q=0.1"}}));
        QVERIFY(html.contains(QStringLiteral("Example Riesling dry")));

        // Nothing we have: the product's default language (English name, English chrome).
        const NamReply ja = get(path, {{"Accept-Language", "ja-JP, zh;q=0.5"}});
        html = text(ja);
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en\">")));
        QVERIFY(html.contains(QStringLiteral("Example Riesling dry")));

        // ?lang= beats the header.
        html = text(get(path + QStringLiteral("?lang=de"), {{"Accept-Language", "en"}}));
        QVERIFY(html.contains(QStringLiteral("Beispiel Riesling trocken")));
        QVERIFY(html.contains(QStringLiteral("Allergene")));

        // Chrome in French although the product has no French name: name falls back.
        html = text(get(path, {{"Accept-Language", "fr-CH, fr;q=0.9"}}));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"fr\">")));
        QVERIFY(html.contains(QStringLiteral("Ingrédients")));
        QVERIFY(html.contains(QStringLiteral("<h1 lang=\"en\">Example Riesling dry</h1>")));

        // Slovak and Portuguese chrome and names.
        html = text(get(QStringLiteral("/passport/") + kBattery, {{"Accept-Language", "sk"}}));
        QVERIFY(html.contains(QStringLiteral("Inteligentná batéria")));
        QVERIFY(html.contains(QStringLiteral("Chémia batérie")));
        html = text(get(QStringLiteral("/passport/") + kWine, {{"Accept-Language", "pt-PT"}}));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"pt\">")));
        QVERIFY(html.contains(QStringLiteral("Ingredientes")));
        QVERIFY(html.contains(QStringLiteral("Declaração nutricional por 100 ml")));
    }

    void wineConsumerView()
    {
        const NamReply r = get(QStringLiteral("/passport/") + kRiesling);
        QCOMPARE(r.status, 200);
        const QString html = text(r);
        QVERIFY(html.contains(QStringLiteral("Wine e-label")));
        QVERIFY(html.contains(QStringLiteral("no advertising")));
        QVERIFY(html.contains(QStringLiteral("<h2>")));
        QVERIFY(html.contains(QStringLiteral("Ingredients")));
        // Allergens emphasised inside the ingredient statement and listed on their own.
        QVERIFY(html.contains(QStringLiteral("<strong class=\"allergen\">sulphites</strong>")));
        QVERIFY(html.contains(QStringLiteral("<strong>Contains: Sulphites</strong>")));
        for (const char* row : {"<th scope=\"row\">Energy</th><td>296 kJ / 71 kcal</td>",
                                "<th scope=\"row\">Fat</th><td>0 g</td>",
                                "<th scope=\"row\">of which saturates</th><td>0 g</td>",
                                "<th scope=\"row\">Carbohydrate</th><td>0.6 g</td>",
                                "<th scope=\"row\">of which sugars</th><td>0.6 g</td>",
                                "<th scope=\"row\">Protein</th><td>0 g</td>",
                                "<th scope=\"row\">Salt</th><td>0 g</td>",
                                "<th scope=\"row\">Alcohol</th><td>12.5 % vol</td>",
                                "<th scope=\"row\">Region</th><td>Mosel</td>"})
            QVERIFY2(html.contains(QLatin1String(row)), row);
        QVERIFY(html.contains(QStringLiteral("Bottled under a protective atmosphere")));
        // Icons are inline SVG (no image requests): one per section and the kind.
        QVERIFY(html.count(QStringLiteral("<svg class=\"icon\"")) >= 5);

        // No marketing, no tracking: links only to this page's own views and languages,
        // no images, no cookies, no script but the data block.
        static const QRegularExpression hrefs(QStringLiteral("href=\"([^\"]*)\""));
        int links = 0;
        for (auto it = hrefs.globalMatch(html); it.hasNext(); ++links) {
            const QString href = it.next().captured(1);
            QVERIFY2(href.startsWith(u'/') && !href.startsWith(QLatin1String("//")),
                     qPrintable(href));
        }
        QVERIFY(links >= 8); // stylesheet, three views, five languages
        QVERIFY(!html.contains(QStringLiteral("<img")));
        QVERIFY(!html.contains(QStringLiteral("<iframe")));
        // Outside the JSON-LD block (whose @context names vocabularies by URL) no address
        // of another host appears at all.
        QString markup = html;
        markup.remove(QRegularExpression(QStringLiteral("<script[^>]*>.*</script>"),
                                         QRegularExpression::DotMatchesEverythingOption));
        QVERIFY(!markup.contains(QStringLiteral("http://")));
        QVERIFY(!markup.contains(QStringLiteral("https://")));
        QVERIFY(!r.headers.contains("set-cookie"));
    }

    void batteryConsumerView()
    {
        const NamReply r = get(QStringLiteral("/passport/") + kBattery);
        QCOMPARE(r.status, 200);
        const QString html = text(r);
        QVERIFY(html.contains(QStringLiteral("Battery passport")));
        QVERIFY(
            html.contains(QStringLiteral("<th scope=\"row\">Battery chemistry</th><td>NMC</td>")));
        QVERIFY(html.contains(QStringLiteral("Electric vehicle battery")));
        QVERIFY(html.contains(
            QStringLiteral("<th scope=\"row\">Rated capacity (Ah)</th><td>200</td>")));
        QVERIFY(html.contains(QStringLiteral(
            "<th scope=\"row\">Carbon footprint (kg CO₂e per kWh)</th><td>72</td>")));
        QVERIFY(html.contains(QStringLiteral("<td>16 %</td>"))); // recycled cobalt
        // Battery Regulation groups, in order.
        const qsizetype general = html.indexOf(QStringLiteral("id=\"batteryGeneral\""));
        const qsizetype performance = html.indexOf(QStringLiteral("id=\"batteryPerformance\""));
        const qsizetype carbon = html.indexOf(QStringLiteral("id=\"batteryCarbon\""));
        const qsizetype recycled = html.indexOf(QStringLiteral("id=\"batteryRecycled\""));
        const qsizetype eol = html.indexOf(QStringLiteral("id=\"batteryEndOfLife\""));
        QVERIFY(general > 0 && general < performance && performance < carbon && carbon < recycled &&
                recycled < eol);
        // Restricted battery data stays out of the public page and its JSON-LD.
        QVERIFY(!html.contains(QStringLiteral("LiNi0.8Mn0.1Co0.1O2"))); // cathode (LI+A)
        QVERIFY(!html.contains(QStringLiteral("test-report.pdf")));     // notified bodies only
        QVERIFY(!html.contains(QStringLiteral("Disconnect the high-voltage")));
        // The battery page is not a wine label: its public links (DoC) may point elsewhere.
        QVERIFY(!html.contains(QStringLiteral("Wine e-label")));
    }

    void recyclerView()
    {
        const QString path = QStringLiteral("/passport/%1?view=recycler").arg(kBattery);
        const NamReply anonymous = get(path);
        QCOMPARE(anonymous.status, 200);
        QString html = text(anonymous);
        QVERIFY(html.contains(QStringLiteral("aluminium housing")));
        QVERIFY(html.contains(QStringLiteral("Substances of concern")));
        QVERIFY(html.contains(QStringLiteral("CAS 7440-48-4")));
        QVERIFY(html.contains(QStringLiteral("Removal instructions")));
        QVERIFY(html.contains(QStringLiteral("available to authorised parties only")));
        QVERIFY(!html.contains(QStringLiteral("Disconnect the high-voltage service plug")));
        QVERIFY(!html.contains(QStringLiteral("LiNi0.8Mn0.1Co0.1O2")));

        const NamReply owner = get(path, {}, m_keyA);
        QCOMPARE(owner.status, 200);
        html = text(owner);
        QVERIFY(html.contains(QStringLiteral("Disconnect the high-voltage service plug")));
        QVERIFY(html.contains(QStringLiteral("Warning: High voltage")));
        QVERIFY(html.contains(QStringLiteral("LiNi0.8Mn0.1Co0.1O2")));
        QVERIFY(html.contains(QStringLiteral("Authorised view")));
        QVERIFY(!html.contains(QStringLiteral("available to authorised parties only")));
        QCOMPARE(owner.headers.value("cache-control"), QByteArray("private, no-store"));

        // Another tenant's key, or one without passports:read: the public subset.
        for (const QString& key : {m_keyB, m_keyANoPassports}) {
            const NamReply other = get(path, {}, key);
            QCOMPARE(other.status, 200);
            html = text(other);
            QVERIFY(!html.contains(QStringLiteral("Disconnect the high-voltage service plug")));
            QVERIFY(html.contains(QStringLiteral("available to authorised parties only")));
        }

        // A key that does not check out is said to fail, in HTML, not quietly ignored.
        const NamReply bad = get(path, {}, QStringLiteral("sk_live_not_a_real_key"));
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.headers.value("content-type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(text(bad).contains(QStringLiteral("Not authorised")));
        QVERIFY(!text(bad).contains(QStringLiteral("aluminium housing")));
    }

    void regulatorView()
    {
        const QString path = QStringLiteral("/passport/01/%1?view=regulator").arg(kBattery);
        QString html = text(get(path));
        QVERIFY(html.contains(QStringLiteral("Compliance")));
        QVERIFY(html.contains(QStringLiteral("<th scope=\"row\">CE marking</th><td>Yes</td>")));
        // DoC link (public data).
        QVERIFY(html.contains(QStringLiteral("<a href=\"https://example.com/sb-75/doc.pdf\"")));
        QVERIFY(html.contains(QStringLiteral("available to authorised parties only")));
        QVERIFY(!html.contains(QStringLiteral("test-report.pdf")));

        const NamReply owner = get(path, {}, m_keyA);
        html = text(owner);
        QVERIFY(html.contains(QStringLiteral("test-report.pdf")));
        QVERIFY(html.contains(QStringLiteral("Disconnect the high-voltage service plug")));
        QVERIFY(!html.contains(QStringLiteral("available to authorised parties only")));

        html = text(get(path, {}, m_keyB));
        QVERIFY(!html.contains(QStringLiteral("test-report.pdf")));
        QVERIFY(!html.contains(QStringLiteral("Disconnect the high-voltage service plug")));

        // X-API-Key works like Authorization: Bearer.
        html = text(get(path, {{"X-API-Key", m_keyA.toLatin1()}}));
        QVERIFY(html.contains(QStringLiteral("test-report.pdf")));
    }

    // Annex XIII point 4 (the individual battery: status, state of health) only for a
    // legitimate-interest session of the owner, in the recycler view of that serial.
    void batteryUnitDataForLegitimateInterestOnly()
    {
        const auto product = store::ProductRepository(*m_db, m_tenantA).findByGtin(kBattery);
        QVERIFY(product);
        store::BatteryUnitRepository units(*m_db, m_tenantA);
        passport::BatteryUnit unit;
        unit.productId = product->id;
        unit.uniqueIdentifier = QStringLiteral("urn:test:battery:SN000001");
        unit.serialNumber = QStringLiteral("SN000001");
        unit.lot = QStringLiteral("LOT2026A");
        auto created = units.create(unit);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        passport::SohReading reading;
        reading.measuredAt = QDateTime(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
        reading.stateOfHealthPct = 87.5;
        reading.cycleCount = 412;
        QVERIFY(units.addReading(created->id, reading).ok());

        const QString path =
            QStringLiteral("/passport/01/%1/10/LOT2026A/21/SN000001?view=recycler").arg(kBattery);
        QString html = text(get(path, {}, m_keyA));
        QVERIFY(
            html.contains(QStringLiteral("<th scope=\"row\">State of health</th><td>87.5 %</td>")));
        QVERIFY(html.contains(QStringLiteral("<td>412</td>")));
        QVERIFY(html.contains(QStringLiteral("urn:test:battery:SN000001")));
        for (const QString& key : {QString(), m_keyB}) {
            html = text(get(path, {}, key));
            QVERIFY(!html.contains(QStringLiteral("State of health")));
            QVERIFY(!html.contains(QStringLiteral("urn:test:battery")));
        }
        // Another serial: no unit data.
        html = text(get(QStringLiteral("/passport/01/%1/21/SN000002?view=recycler").arg(kBattery),
                        {}, m_keyA));
        QVERIFY(!html.contains(QStringLiteral("State of health")));
        // The consumer view never shows it.
        html = text(get(QStringLiteral("/passport/01/%1/21/SN000001").arg(kBattery), {}, m_keyA));
        QVERIFY(!html.contains(QStringLiteral("State of health")));
    }

    // A login session of the owner's tenant unlocks the same fields as its API key; after
    // logout the token is refused (401 page), never silently shown the public view.
    void loginSessionAuthorises()
    {
        AccountService accounts(m_db, false);
        const auto user = accounts.createUser(
            m_tenantA, passport::ApiKey::knownScopes(),
            {{QStringLiteral("email"), QStringLiteral("auditor@example.com")},
             {QStringLiteral("password"), QStringLiteral("long enough secret 1")},
             {QStringLiteral("role"), QStringLiteral("compliance_officer")}});
        QVERIFY2(user.ok(), qPrintable(user.ok() ? QString() : user.error().message));
        const auto login =
            accounts.login({{QStringLiteral("email"), QStringLiteral("auditor@example.com")},
                            {QStringLiteral("password"), QStringLiteral("long enough secret 1")}},
                           QStringLiteral("127.0.0.1"));
        QVERIFY2(login.ok(), qPrintable(login.ok() ? QString() : login.error().message));
        const QString path = QStringLiteral("/passport/%1?view=regulator").arg(kBattery);
        QVERIFY(
            text(get(path, {}, login->sessionToken)).contains(QStringLiteral("test-report.pdf")));
        QVERIFY(accounts.logout(login->sessionToken).ok());
        QCOMPARE(get(path, {}, login->sessionToken).status, 401);
    }

    void digitalLinkForm()
    {
        const NamReply r =
            get(QStringLiteral("/passport/01/%1/10/LOT2026A/21/SN000001?lang=en").arg(kBattery));
        QCOMPARE(r.status, 200);
        const QString html = text(r);
        QVERIFY(html.contains(QStringLiteral("<dt>Batch</dt><dd>LOT2026A</dd>")));
        QVERIFY(html.contains(QStringLiteral("<dt>Serial number</dt><dd>SN000001</dd>")));
        // The page's own links keep the key.
        QVERIFY(html.contains(QStringLiteral("href=\"/passport/01/08523456790018/10/LOT2026A/21/"
                                             "SN000001?view=recycler&amp;lang=en\"")));

        // Query form and GTIN-13 give the same product.
        const NamReply q =
            get(QStringLiteral("/passport/8523456790018?batch=LOT2026A&serial=SN000001"));
        QCOMPARE(q.status, 200);
        QVERIFY(text(q).contains(QStringLiteral("<dd>SN000001</dd>")));
        QCOMPARE(get(QStringLiteral("/passport/01/%1/21/X1").arg(kBattery)).status, 200);
        // A lot with a slash travels percent-encoded in the path and stays one value.
        const NamReply slash = get(QStringLiteral("/passport/01/%1/10/A%2FB").arg(kBattery));
        QCOMPARE(slash.status, 200);
        QVERIFY(text(slash).contains(QStringLiteral("<dt>Batch</dt><dd>A/B</dd>")));
        QVERIFY(
            text(slash).contains(QStringLiteral("href=\"/passport/01/08523456790018/10/A%2FB?")));
        QCOMPARE(get(QStringLiteral("/passport/01/%1/10/A1").arg(kBattery)).status, 200);
    }

    void jsonLdEqualsTheApi()
    {
        int blocks = 0;
        const QJsonObject page =
            embeddedJsonLd(text(get(QStringLiteral("/passport/") + kWine)), &blocks);
        QCOMPARE(blocks, 1);
        QVERIFY(!page.isEmpty());
        const NamReply api = get(QStringLiteral("/v1/products/%1/passport").arg(kWine),
                                 {{"Accept", "application/ld+json"}}, m_keyA);
        QCOMPARE(api.status, 200);
        QCOMPARE(page, api.json());

        // For a battery the page carries the public projection: the same writer, the public
        // audience, the same base URL.
        const QJsonObject battery =
            embeddedJsonLd(text(get(QStringLiteral("/passport/") + kBattery)));
        const auto product = store::ProductRepository(*m_db, m_tenantA).findByGtin(kBattery);
        QVERIFY(product);
        const auto version = store::PassportRepository(*m_db, m_tenantA).published(product->id);
        QCOMPARE(battery, exporting::JsonLdWriter::passport(*product, version,
                                                            passport::Audience::Public, kBase));
        QVERIFY(!QJsonDocument(battery).toJson().contains("LiNi0.8"));
    }

    // A machine client that follows the gs1:dpp link with Accept: application/ld+json gets
    // the JSON-LD itself, and API-shaped errors.
    void jsonLdByContentNegotiation()
    {
        const QString path = QStringLiteral("/passport/") + kWine;
        const NamReply ld = get(path, {{"Accept", "application/ld+json"}});
        QCOMPARE(ld.status, 200);
        QCOMPARE(ld.headers.value("content-type"), QByteArray("application/ld+json"));
        QVERIFY(ld.headers.value("vary").contains("Accept"));
        QCOMPARE(ld.json(), embeddedJsonLd(text(get(path))));
        // A browser's Accept names text/html: the page.
        const NamReply page = get(path, {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
        QVERIFY(page.headers.value("content-type").startsWith("text/html"));

        const NamReply bad = get(QStringLiteral("/passport/123"), {{"Accept", "application/json"}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("gtin"));
        const NamReply missing =
            get(QStringLiteral("/passport/04006381333931"), {{"Accept", "application/ld+json"}});
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value(u"error").toObject().value(u"code").toString(),
                 QStringLiteral("not_found"));
    }

    void hostileTextIsEscaped()
    {
        const QString hostile =
            QStringLiteral("<script>alert(1)</script> \"Bad\" & 'Co' </script><!--");
        QVERIFY(publish(
            QJsonObject{{QStringLiteral("gtin"), QStringLiteral("04006381333931")},
                        {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), hostile}}},
                        {QStringLiteral("brand"), QStringLiteral("<img src=x onerror=alert(2)>")},
                        {QStringLiteral("category"), QStringLiteral("other")},
                        {QStringLiteral("materials"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("name"), QStringLiteral("<b>steel</b>")}}}}},
            QStringLiteral("product"), {}));
        const NamReply r = get(QStringLiteral("/passport/04006381333931?view=recycler"));
        QCOMPARE(r.status, 200);
        const QString html = text(r);
        QVERIFY(!html.contains(QStringLiteral("<script>alert")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        QVERIFY(!html.contains(QStringLiteral("<b>steel")));
        QVERIFY(html.contains(QStringLiteral(
            "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Bad&quot; &amp; &#39;Co&#39;")));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;steel&lt;/b&gt;")));
        // Nothing in the data block ends it early; it still parses to the original name.
        QCOMPARE(html.count(QStringLiteral("</script>")), 1);
        QVERIFY(!html.contains(QStringLiteral("<!--")));
        const QJsonObject ld = embeddedJsonLd(html);
        QVERIFY(QJsonDocument(ld).toJson().contains("alert(1)"));
        QCOMPARE(ld.value(u"productName").toObject().value(u"en").toString(), hostile);
    }

    void publicPagesAreRateLimitedPerIp()
    {
        ServerConfig config;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 3;
        Server limited(config);
        limited.setLogSink([](const QString&) {});
        ApiContext context;
        context.db = m_db;
        context.baseUrl = [] { return kBase; };
        QVERIFY(ApiRoutes::install(limited, context).ok());
        QVERIFY(limited.start().ok());
        const QUrl url(limited.listenUrl() + QStringLiteral("/passport/") + kWine);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(namSend(m_nam, "GET", url).status, 200);
        const NamReply r = namSend(m_nam, "GET", url);
        QCOMPARE(r.status, 429);
        QVERIFY(r.headers.contains("retry-after"));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestViewer>(argc, argv);
}

#include "tst_viewer.moc"
