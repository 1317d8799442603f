// Outbound and inbound webhooks against a real server on loopback, a real receiver
// (tests/webhookreceiver.h) and a real store (SQLite and PostgreSQL): events from the
// change journal arrive signed (checked with the core helper and recomputed here with
// QMessageAuthenticationCode), a failing receiver gets six attempts then a failed delivery,
// private targets are refused without the flag, a DatoCMS payload creates/updates the
// product and publishes a passport version, and a scan threshold fires once.
#include "httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <algorithm>
#include <passport/apikey.h>
#include <server/apiroutes.h>
#include <server/scanrecorder.h>
#include <server/server.h>
#include <server/webhookdispatcher.h>
#include <store/apikeyrepository.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>
#include <webhooks/webhooksignature.h>

using namespace dpp;
using namespace dpp::server;
using dpp::test::NamReply;
using dpp::test::waitUntil;
using dpp::test::WebhookReceiver;
using dpp::webhooks::WebhookSignature;

namespace {

const QByteArray kWine = R"({"alcoholPct":13.5,"netContentMl":750,"vintage":2019,
 "wineCategory":"wine","sugarContent":"dry","ingredients":[{"name":"grapes",
 "category":"raw_material"},{"name":"sulphites","category":"preservative","allergen":true}],
 "allergens":["sulphites"],"nutrition":{"energyKj":330,"energyKcal":79,"fat":0,"saturates":0,
 "carbohydrate":0.6,"sugars":0.4,"protein":0,"salt":0},"origin":{"country":"PT","region":"Dão"}})";

// The EUlabel inbound example (DatoCMS), with the GTIN and energy as parameters.
QByteArray datoPayload(const QString& gtin, const QString& energy)
{
    return QStringLiteral(R"({"event_type":"item.update","entity_type":"item","entity":{
 "id":"Kq7rxxPPS32ErMA8nxxMTA","type":"product","attributes":{
 "product_name":"Quinta dos Carvalhais Alfrocheiro 2019",
 "barcode":[{"barcode_number":"%1","capacity_value":"750 mL","vintage_year":2019}],
 "list_of_ingredient":[{"ingredient_name":"Grapes","quantity":"99.986%"},
   {"ingredient_name":"Sulphites","quantity":"0.014%"}],
 "contains_sulfites":true,"energy_value_kj":"%2","alcohol_content_by_volume":"13.5%vol.",
 "product_country":"PT","product_region":"Dao"}}})")
        .arg(gtin, energy)
        .toUtf8();
}

// HMAC-SHA256 recomputed without the core helper: the receiver's side of the contract.
bool independentlyValid(const QByteArray& secret, const WebhookReceiver::Received& r)
{
    const QByteArray ts = r.headers.value("x-webhook-timestamp");
    const QByteArray mac =
        QMessageAuthenticationCode::hash(ts + "." + r.body, secret, QCryptographicHash::Sha256)
            .toHex();
    return !ts.isEmpty() && r.headers.value("x-webhook-signature") == "sha256=" + mac;
}

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

public:
    explicit TestWebhooks(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QString m_location;
    std::shared_ptr<store::Database> m_db;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
    std::shared_ptr<ScanRecorder> m_recorder;
    QNetworkAccessManager m_nam;
    QString m_url, m_tenantA, m_tenantB, m_keyA, m_keyB;
    QStringList m_logs;

    NamReply call(const QByteArray& method, const QString& path, const QString& key,
                  const QByteArray& body = {}, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        if (!key.isEmpty())
            headers.append({"Authorization", "Bearer " + key.toLatin1()});
        return test::namSend(m_nam, method, QUrl(m_url + path), body, headers);
    }

    void startServer(bool allowPrivate)
    {
        m_server.reset();
        ServerConfig config;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 0;
        m_server = std::make_unique<Server>(config);
        m_server->setLogSink([](const QString&) {});
        ApiContext context;
        context.db = m_db;
        context.scans = m_recorder;
        context.allowPrivateWebhooks = allowPrivate;
        context.baseUrl = [] { return QStringLiteral("https://id.example.com"); };
        QVERIFY(ApiRoutes::install(*m_server, context).ok());
        QVERIFY(m_server->start().ok());
        m_url = m_server->listenUrl();
    }

    // POST /v1/webhooks for `receiver`; returns {id, secret}.
    std::pair<QString, QByteArray> subscribe(const WebhookReceiver& receiver,
                                             const QByteArray& events = R"(["*"])")
    {
        const NamReply r =
            call("POST", QStringLiteral("/v1/webhooks"), m_keyA,
                 "{\"url\":\"" + receiver.url().toUtf8() + "\",\"events\":" + events + "}");
        if (r.status != 201)
            qWarning() << r.body;
        return {r.json().value(u"id").toString(), r.json().value(u"secret").toString().toUtf8()};
    }

private Q_SLOTS:
    void init()
    {
        if (QLatin1String(QTest::currentTestFunction()) == u"signatureHelper")
            return;
        test::TwoTenantStore fixture;
        if (const QString skip = fixture.open(m_test); !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(fixture.db, qPrintable(fixture.error));
        m_db = fixture.db;
        m_location = fixture.location;
        m_tenantA = fixture.tenantA;
        m_tenantB = fixture.tenantB;
        auto a = store::ApiKeyRepository(*m_db, m_tenantA)
                     .create(QStringLiteral("a"), passport::ApiKey::knownScopes(), false);
        auto b = store::ApiKeyRepository(*m_db, m_tenantB)
                     .create(QStringLiteral("b"), passport::ApiKey::knownScopes(), false);
        QVERIFY(a.ok() && b.ok());
        m_keyA = a->secret;
        m_keyB = b->secret;
        ScanRecorder::Options options;
        options.database = m_location;
        auto recorder = ScanRecorder::start(options);
        QVERIFY(recorder.ok());
        m_recorder = *recorder;
        startServer(true);
        WebhookDispatcher::Options hooks;
        hooks.retryScale = 0.0002; // 30 s … 4 h become 6 ms … 2.9 s
        hooks.pollIntervalMs = 50;
        hooks.allowPrivateTargets = true; // the receivers are on loopback
        m_dispatcher = std::make_unique<WebhookDispatcher>(m_db, hooks);
        m_logs.clear();
        m_dispatcher->setLogSink([this](const QString& line) { m_logs.append(line); });
        m_dispatcher->start();
    }

    void cleanup()
    {
        m_dispatcher.reset();
        m_server.reset();
        m_recorder.reset();
        m_db.reset();
        m_test.drop();
    }

    void signatureHelper()
    {
        const QByteArray secret = "whsec_test";
        const QByteArray body = R"({"id":"evt_1","type":"product.created"})";
        const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray header = WebhookSignature::sign(secret, ts, body);
        QVERIFY(header.startsWith("sha256="));
        QCOMPARE(header.size(), 71);
        // The documented construction, recomputed independently.
        QCOMPARE(header, "sha256=" + QMessageAuthenticationCode::hash(ts + "." + body, secret,
                                                                      QCryptographicHash::Sha256)
                                         .toHex());
        QCOMPARE(WebhookSignature::verify(secret, ts, body, header),
                 WebhookSignature::Check::Valid);
        QCOMPARE(WebhookSignature::verify(secret, ts, body,
                                          header.toUpper().replace("SHA256=", "sha256=")),
                 WebhookSignature::Check::Valid);
        QByteArray tampered = body;
        tampered.replace("created", "deleted");
        QCOMPARE(WebhookSignature::verify(secret, ts, tampered, header),
                 WebhookSignature::Check::Mismatch);
        QCOMPARE(WebhookSignature::verify("whsec_other", ts, body, header),
                 WebhookSignature::Check::Mismatch);
        // Replays: the timestamp is signed and must be recent.
        const QByteArray old = QByteArray::number(QDateTime::currentSecsSinceEpoch() - 301);
        QCOMPARE(
            WebhookSignature::verify(secret, old, body, WebhookSignature::sign(secret, old, body)),
            WebhookSignature::Check::Expired);
        const QByteArray later = QByteArray::number(ts.toLongLong() + 1);
        QCOMPARE(WebhookSignature::verify(secret, later, body, header),
                 WebhookSignature::Check::Mismatch);
        QCOMPARE(WebhookSignature::verify(secret, ts, body, ""), WebhookSignature::Check::Missing);
        QCOMPARE(WebhookSignature::verify(secret, ts, body, "sha1=abc"),
                 WebhookSignature::Check::Malformed);
        // The plain form (no timestamp) some PIMs send: HMAC of the body alone.
        const QByteArray plain = WebhookSignature::sign(secret, {}, body);
        QCOMPARE(
            plain,
            "sha256=" +
                QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex());
        QVERIFY(WebhookSignature::isValid(secret, {}, body, plain));
        QVERIFY(WebhookSignature::constantTimeEquals("abc", "abc"));
        QVERIFY(!WebhookSignature::constantTimeEquals("abc", "abd"));
        QVERIFY(!WebhookSignature::constantTimeEquals("abc", "abcd"));
    }

    void eventsArriveSigned()
    {
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const auto [hookId, secret] = subscribe(receiver);
        QVERIFY(!hookId.isEmpty());
        QVERIFY(secret.startsWith("whsec_"));
        // The secret is shown once: never in reads or lists.
        QVERIFY(!call("GET", QStringLiteral("/v1/webhooks/") + hookId, m_keyA)
                     .json()
                     .contains(u"secret"));
        QVERIFY(!call("GET", QStringLiteral("/v1/webhooks"), m_keyA).body.contains(secret));

        const QString gtin = QStringLiteral("05601012012200");
        NamReply p =
            call("POST", QStringLiteral("/v1/products"), m_keyA,
                 R"({"gtin":"05601012012200","name":{"en":"Alfrocheiro"},"category":"wine"})");
        QCOMPARE(p.status, 201);
        const QString productId = p.json().value(u"id").toString();
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), m_keyA,
                      R"({"gtin":"05601012012200","kind":"wine","data":)" + kWine + "}")
                     .status,
                 201);
        QByteArray v2 = kWine;
        v2.replace("\"alcoholPct\":13.5", "\"alcoholPct\":14");
        const NamReply second =
            call("POST", QStringLiteral("/v1/passports"), m_keyA,
                 R"({"gtin":"05601012012200","kind":"wine","data":)" + v2 + "}");
        QVERIFY2(second.status == 201 || second.status == 200, second.body.constData());
        const NamReply batch =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(productId), m_keyA,
                 R"({"lot":"L1","prefix":"SN","count":2})");
        QCOMPARE(batch.status, 201);
        store::SerialRepository serials(*m_db, m_tenantA);
        QVERIFY(serials.assign(batch.json().value(u"id").toString(), 1).ok());
        // One serial set through the API, then the same state again: one more event only.
        const QString serialPath = QStringLiteral("/v1/serial-batches/%1/serials/SN000002")
                                       .arg(batch.json().value(u"id").toString());
        for (int i = 0; i < 2; ++i)
            QCOMPARE(call("PATCH", serialPath, m_keyA, R"({"state":"assigned"})").status, 200);
        QVERIFY(store::ProductRepository(*m_db, m_tenantA).remove(productId).ok());

        const QStringList expected = {"product.created", "passport.created",     "passport.updated",
                                      "batch.created",   "serial.state_changed", "product.deleted",
                                      "passport.deleted"};
        QVERIFY2(waitUntil(
                     [&] {
                         for (const QString& t : expected)
                             if (receiver.ofType(t).isEmpty())
                                 return false;
                         return true;
                     },
                     20000),
                 qPrintable(QStringLiteral("got %1 requests").arg(receiver.requests.size())));
        QSet<QString> ids;
        for (const auto& r : receiver.requests) {
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.path, QByteArray("/hook"));
            QVERIFY(WebhookSignature::isValid(secret, r.headers.value("x-webhook-timestamp"),
                                              r.body, r.headers.value("x-webhook-signature")));
            QVERIFY(independentlyValid(secret, r));
            const QJsonObject e = r.json();
            QVERIFY(e.value(u"id").toString().startsWith(u"evt_"));
            QCOMPARE(e.value(u"type").toString(),
                     QString::fromUtf8(r.headers.value("x-webhook-event")));
            QCOMPARE(e.value(u"tenant").toString(), m_tenantA);
            QVERIFY(
                QDateTime::fromString(e.value(u"created").toString(), Qt::ISODateWithMs).isValid());
            ids.insert(e.value(u"id").toString());
        }
        QCOMPARE(ids.size(), receiver.requests.size()); // each event once
        // A tampered body no longer verifies.
        const auto any = receiver.requests.first();
        QByteArray tampered = any.body;
        tampered.replace(m_tenantA.toUtf8(), m_tenantB.toUtf8());
        QVERIFY(!WebhookSignature::isValid(secret, any.headers.value("x-webhook-timestamp"),
                                           tampered, any.headers.value("x-webhook-signature")));

        const QJsonObject updated =
            receiver.ofType(QStringLiteral("passport.updated")).first().json();
        QCOMPARE(updated.value(u"gtin").toString(), gtin);
        QCOMPARE(updated.value(u"data").toObject().value(u"version").toInt(), 2);
        const QJsonArray changes = updated.value(u"changes").toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].toObject().value(u"path").toString(), QStringLiteral("alcoholPct"));
        QCOMPARE(changes[0].toObject().value(u"before").toDouble(), 13.5);
        QCOMPARE(changes[0].toObject().value(u"after").toDouble(), 14.0);
        const QJsonObject created =
            receiver.ofType(QStringLiteral("passport.created")).first().json();
        QCOMPARE(created.value(u"data").toObject().value(u"kind").toString(),
                 QStringLiteral("wine"));
        QCOMPARE(receiver.ofType(QStringLiteral("serial.state_changed")).size(), 2);
        const QJsonObject state =
            receiver.ofType(QStringLiteral("serial.state_changed")).first().json();
        QCOMPARE(state.value(u"data").toObject().value(u"to").toString(),
                 QStringLiteral("assigned"));
        QCOMPARE(receiver.ofType(QStringLiteral("product.deleted"))
                     .first()
                     .json()
                     .value(u"data")
                     .toObject()
                     .value(u"product_id")
                     .toString(),
                 productId);

        // The deliveries list shows them delivered (once the dispatcher has read the last
        // answer); another tenant sees nothing of it.
        NamReply list;
        QVERIFY(waitUntil([&] {
            list = call("GET", QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId), m_keyA);
            const QJsonArray all = list.json().value(u"data").toArray();
            return std::all_of(all.begin(), all.end(), [](const QJsonValue& d) {
                return d.toObject().value(u"status").toString() == u"delivered";
            });
        }));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(u"data").toArray().size(), receiver.requests.size());
        for (const auto& d : list.json().value(u"data").toArray()) {
            QCOMPARE(d.toObject().value(u"status").toString(), QStringLiteral("delivered"));
            QCOMPARE(d.toObject().value(u"last_status_code").toInt(), 200);
        }
        QCOMPARE(
            call("GET", QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId), m_keyB).status,
            404);
        QCOMPARE(call("GET", QStringLiteral("/v1/webhooks/") + hookId, m_keyB).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/webhooks/") + hookId, m_keyB).status, 404);
    }

    void eventFilterAndPatch()
    {
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const auto [hookId, secret] = subscribe(receiver, R"(["passport.created"])");
        QVERIFY(!hookId.isEmpty());
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA,
                      R"({"gtin":"09506000134352","name":{"en":"Sandbox"}})")
                     .status,
                 201);
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), m_keyA,
                      R"({"gtin":"09506000134352","kind":"product","data":{"note":"a"}})")
                     .status,
                 201);
        QVERIFY(waitUntil([&] { return !receiver.requests.isEmpty(); }));
        QTest::qWait(300);
        QCOMPARE(receiver.requests.size(), 1); // product.created was not subscribed
        QCOMPARE(receiver.requests.first().headers.value("x-webhook-event"),
                 QByteArray("passport.created"));

        // A test event reaches the endpoint whatever its event filter.
        const NamReply test =
            call("POST", QStringLiteral("/v1/webhooks/%1/test").arg(hookId), m_keyA);
        QCOMPARE(test.status, 202);
        QVERIFY(waitUntil([&] { return receiver.requests.size() == 2; }));
        QCOMPARE(receiver.requests[1].headers.value("x-webhook-event"), QByteArray("webhook.test"));
        QCOMPARE(receiver.requests[1].json().value(u"id").toString(),
                 test.json().value(u"event_id").toString());
        QVERIFY(independentlyValid(secret, receiver.requests[1]));
        QCOMPARE(call("POST", QStringLiteral("/v1/webhooks/%1/test").arg(hookId), m_keyB).status,
                 404);

        // PATCH with a stale If-Match is refused; with the current version it applies.
        NamReply stale = call("PATCH", QStringLiteral("/v1/webhooks/") + hookId, m_keyA,
                              R"({"active":false})", {{"If-Match", "\"7\""}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.json().value(u"error").toObject().value(u"code").toString(),
                 QStringLiteral("version_mismatch"));
        QCOMPARE(stale.json().value(u"current").toObject().value(u"version").toInt(), 1);
        NamReply off = call("PATCH", QStringLiteral("/v1/webhooks/") + hookId, m_keyA,
                            R"({"active":false})", {{"If-Match", "\"1\""}});
        QCOMPARE(off.status, 200);
        QCOMPARE(off.json().value(u"active").toBool(), false);
        QCOMPARE(off.json().value(u"version").toInt(), 2);
        NamReply bad = call("PATCH", QStringLiteral("/v1/webhooks/") + hookId, m_keyA,
                            R"({"events":["passport.exploded"]})");
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("events[0]"));
        QCOMPARE(call("DELETE", QStringLiteral("/v1/webhooks/") + hookId, m_keyA).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/webhooks/") + hookId, m_keyA).status, 404);
    }

    void failingReceiverGetsSixAttempts()
    {
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.status = 500;
        const auto [hookId, secret] = subscribe(receiver, R"(["product.created"])");
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA,
                      R"({"gtin":"09506000134352","name":{"en":"Sandbox"}})")
                     .status,
                 201);
        QVERIFY2(waitUntil([&] { return receiver.requests.size() >= 6; }, 30000),
                 qPrintable(QString::number(receiver.requests.size())));
        QVERIFY(waitUntil([&] {
            return call("GET", QStringLiteral("/v1/webhooks/") + hookId, m_keyA)
                       .json()
                       .value(u"failure_count")
                       .toInt() == 1;
        }));
        QTest::qWait(300);
        QCOMPARE(receiver.requests.size(), 6); // and no seventh
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(receiver.requests[i].headers.value("x-webhook-attempt"),
                     QByteArray::number(i + 1));
            // The same event (id and bytes) on every attempt.
            QCOMPARE(receiver.requests[i].body, receiver.requests[0].body);
            QVERIFY(independentlyValid(secret, receiver.requests[i]));
        }
        const QJsonArray deliveries =
            call("GET", QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId), m_keyA)
                .json()
                .value(u"data")
                .toArray();
        QCOMPARE(deliveries.size(), 1);
        const QJsonObject d = deliveries[0].toObject();
        QCOMPARE(d.value(u"status").toString(), QStringLiteral("failed"));
        QCOMPARE(d.value(u"attempts").toInt(), 6);
        QCOMPARE(d.value(u"last_status_code").toInt(), 500);
        QCOMPARE(d.value(u"event_type").toString(), QStringLiteral("product.created"));
        QVERIFY(m_logs.join(u'\n').contains(QStringLiteral("failed after 6 attempts")));
        QCOMPARE(WebhookDispatcher::retryDelaySeconds(1), 30);
        QCOMPARE(WebhookDispatcher::retryDelaySeconds(5), 14400);
        QCOMPARE(WebhookDispatcher::retryDelaySeconds(6), -1);
    }

    void privateTargetsAndValidation()
    {
        startServer(false); // as dppserver without --allow-private-webhooks
        for (const char* url : {"http://127.0.0.1:9/x", "http://localhost/x", "http://10.1.2.3/",
                                "http://192.168.0.10/", "http://169.254.169.254/latest",
                                "http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/"}) {
            const NamReply r = call("POST", QStringLiteral("/v1/webhooks"), m_keyA,
                                    QByteArray("{\"url\":\"") + url + "\",\"events\":[\"*\"]}");
            QVERIFY2(r.status == 422, url);
            QCOMPARE(r.json().value(u"error").toObject().value(u"param").toString(),
                     QStringLiteral("url"));
        }
        const auto param = [&](const QByteArray& body) {
            const NamReply r = call("POST", QStringLiteral("/v1/webhooks"), m_keyA, body);
            return std::make_pair(r.status,
                                  r.json().value(u"error").toObject().value(u"param").toString());
        };
        QCOMPARE(param("{\"url\":\"ftp://example.com/x\",\"events\":[\"*\"]}"),
                 std::make_pair(422, QStringLiteral("url")));
        QCOMPARE(param(R"({"events":["*"]})"), std::make_pair(422, QStringLiteral("url")));
        QCOMPARE(param("{\"url\":\"https://example.com/x\"}"),
                 std::make_pair(422, QStringLiteral("events")));
        QCOMPARE(param("{\"url\":\"https://example.com/x\",\"events\":[\"nope\"]}"),
                 std::make_pair(422, QStringLiteral("events[0]")));
        QCOMPARE(param("{\"url\":\"https://example.com/x\",\"events\":\"*\"}"),
                 std::make_pair(422, QStringLiteral("events")));
        QCOMPARE(param("{\"url\":\"https://example.com/x\",\"events\":[\"*\"],\"evnts\":1}"),
                 std::make_pair(422, QStringLiteral("evnts")));
        QCOMPARE(call("POST", QStringLiteral("/v1/webhooks"), m_keyA, "{nope").status, 400);
        QCOMPARE(call("GET", QStringLiteral("/v1/webhooks"), QString()).status, 401);
        QVERIFY(call("GET", QStringLiteral("/v1/webhooks"), m_keyA)
                    .json()
                    .value(u"data")
                    .toArray()
                    .isEmpty());
    }

    void inboundDatoCms()
    {
        // The secret: set once, shown once.
        const NamReply secretReply =
            call("POST", QStringLiteral("/v1/webhooks/ingest/datocms/secret"), m_keyA);
        QCOMPARE(secretReply.status, 201);
        const QByteArray secret = secretReply.json().value(u"secret").toString().toUtf8();
        QVERIFY(!secret.isEmpty());
        const QString ingest = QStringLiteral("/v1/webhooks/ingest/datocms?tenant=") + m_tenantA;
        const auto post = [&](const QByteArray& body, const QByteArray& signature,
                              const QByteArray& ts = {}) {
            QList<QPair<QByteArray, QByteArray>> h{{"X-Webhook-Signature", signature}};
            if (!ts.isEmpty())
                h.append({"X-Webhook-Timestamp", ts});
            return call("POST", ingest, QString(), body, h);
        };
        store::ProductRepository products(*m_db, m_tenantA);

        // A bad signature: 401 and nothing stored.
        const QByteArray body =
            datoPayload(QStringLiteral("5601012012200"), QStringLiteral("351 kJ/100mL"));
        const NamReply forged = post(body, WebhookSignature::sign("whin_wrong", {}, body));
        QCOMPARE(forged.status, 401);
        QCOMPARE(post(body, {}).status, 401);
        QCOMPARE(call("POST", QStringLiteral("/v1/webhooks/ingest/datocms?tenant=") + m_tenantB,
                      QString(), body,
                      {{"X-Webhook-Signature", WebhookSignature::sign(secret, {}, body)}})
                     .status,
                 401); // tenant B has no secret (and A's does not open B)
        QCOMPARE(products.count(), 0);

        // An existing wine passport is updated: a new version with the PIM's values.
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA,
                      R"({"gtin":"05601012012200","name":{"en":"Old name"},"category":"wine"})")
                     .status,
                 201);
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), m_keyA,
                      R"({"gtin":"05601012012200","kind":"wine","data":)" + kWine + "}")
                     .status,
                 201);
        const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const NamReply updated = post(body, WebhookSignature::sign(secret, ts, body), ts);
        QVERIFY2(updated.status == 200, updated.body.constData());
        const QJsonObject out = updated.json();
        QCOMPARE(out.value(u"product_created").toBool(), false);
        QCOMPARE(out.value(u"gtin").toString(), QStringLiteral("05601012012200"));
        QCOMPARE(out.value(u"passport").toObject().value(u"version").toInt(), 2);
        QStringList unmapped;
        for (const auto& u : out.value(u"unmapped").toArray())
            unmapped.append(u.toObject().value(u"field").toString());
        QVERIFY2(unmapped.contains(QStringLiteral("list_of_ingredient[0].quantity")) &&
                     unmapped.contains(QStringLiteral("list_of_ingredient[1].quantity")),
                 qPrintable(unmapped.join(u',')));
        QCOMPARE(unmapped.size(), 2);
        const NamReply passport =
            call("GET", QStringLiteral("/v1/products/05601012012200/passports"), m_keyA);
        QCOMPARE(passport.status, 200);
        const QJsonArray versions = passport.json().value(u"data").toArray();
        QCOMPARE(versions.size(), 2);
        const QJsonObject data = versions.last().toObject().value(u"data").toObject();
        QCOMPARE(data.value(u"nutrition").toObject().value(u"energyKj").toDouble(), 351.0);
        QCOMPARE(data.value(u"nutrition").toObject().value(u"energyKcal").toDouble(), 84.0);
        QCOMPARE(data.value(u"nutrition").toObject().value(u"sugars").toDouble(), 0.4); // kept
        QCOMPARE(data.value(u"ingredients").toArray().at(1).toObject().value(u"name").toString(),
                 QStringLiteral("Sulphites"));
        QCOMPARE(data.value(u"origin").toObject().value(u"region").toString(),
                 QStringLiteral("Dao"));
        QCOMPARE(
            products.findByGtin(QStringLiteral("05601012012200"))->name.value(QStringLiteral("en")),
            QStringLiteral("Quinta dos Carvalhais Alfrocheiro 2019"));

        // A value the mapping cannot parse is reported, and the rest still applies.
        const QByteArray odd =
            datoPayload(QStringLiteral("5601012012200"), QStringLiteral("unknown"));
        const NamReply oddReply = post(odd, WebhookSignature::sign(secret, {}, odd));
        QCOMPARE(oddReply.status, 200);
        QVERIFY(oddReply.body.contains("energy_value_kj"));
        QVERIFY(oddReply.body.contains("no number in"));

        // A new product: created, with the passport fields the PIM lacks from the
        // tenant's mapping defaults.
        const NamReply mapping =
            call("GET", QStringLiteral("/v1/webhooks/ingest/datocms/mapping"), m_keyA);
        QCOMPARE(mapping.status, 200);
        QCOMPARE(mapping.json().value(u"preset").toBool(), true);
        QJsonObject m = mapping.json().value(u"mapping").toObject();
        m.insert(QStringLiteral("defaults"),
                 QJsonObject{{QStringLiteral("product"),
                              QJsonObject{{QStringLiteral("category"), QStringLiteral("wine")}}},
                             {QStringLiteral("passport"),
                              QJsonObject{{QStringLiteral("nutrition"),
                                           QJsonObject{{QStringLiteral("fat"), 0},
                                                       {QStringLiteral("saturates"), 0},
                                                       {QStringLiteral("carbohydrate"), 0.6},
                                                       {QStringLiteral("sugars"), 0.4},
                                                       {QStringLiteral("protein"), 0},
                                                       {QStringLiteral("salt"), 0}}}}}});
        QCOMPARE(call("PUT", QStringLiteral("/v1/webhooks/ingest/datocms/mapping"), m_keyA,
                      QJsonDocument(m).toJson())
                     .status,
                 200);
        const QByteArray fresh =
            datoPayload(QStringLiteral("09506000134352"), QStringLiteral("351 kJ/100mL"));
        const NamReply created = post(fresh, WebhookSignature::sign(secret, {}, fresh));
        QVERIFY2(created.status == 201, created.body.constData());
        QCOMPARE(created.json().value(u"product_created").toBool(), true);
        QCOMPARE(created.json().value(u"passport").toObject().value(u"version").toInt(), 1);
        QVERIFY(products.findByGtin(QStringLiteral("09506000134352")).has_value());

        // Without the defaults a new product's wine passport misses mandatory values: 422
        // naming the passport field, and nothing stored.
        QCOMPARE(call("PUT", QStringLiteral("/v1/webhooks/ingest/datocms/mapping"), m_keyA,
                      R"({"preset":true})")
                     .status,
                 200);
        const QByteArray incomplete =
            datoPayload(QStringLiteral("04006381333931"), QStringLiteral("351 kJ/100mL"));
        const NamReply refused = post(incomplete, WebhookSignature::sign(secret, {}, incomplete));
        QCOMPARE(refused.status, 422);
        QVERIFY2(refused.json().value(u"error").toObject().value(u"param").toString().startsWith(
                     u"passport.nutrition."),
                 refused.body.constData());
        QVERIFY(!products.findByGtin(QStringLiteral("04006381333931")).has_value());

        // Mapping validation names the key.
        const NamReply badMapping =
            call("PUT", QStringLiteral("/v1/webhooks/ingest/datocms/mapping"), m_keyA,
                 R"({"kind":"wine","fields":{"x":{"to":"elsewhere.y"}}})");
        QCOMPARE(badMapping.status, 422);
        QCOMPARE(badMapping.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("fields.x.to"));
        QCOMPARE(
            call("POST", QStringLiteral("/v1/webhooks/ingest/Bad%20Name/secret"), m_keyA).status,
            422);
    }

    void inboundGenericSource()
    {
        // Any source other than datocms gets the generic mapping: our own field names.
        const QByteArray secret =
            call("POST", QStringLiteral("/v1/webhooks/ingest/akeneo/secret"), m_keyA)
                .json()
                .value(u"secret")
                .toString()
                .toUtf8();
        const QByteArray body = R"({"gtin":"4006381333931","name":"Pen","brand":"Stabilo",
            "colour":"red","passport":{"note":"recycled plastic"}})";
        const NamReply r = call(
            "POST", QStringLiteral("/v1/webhooks/ingest/akeneo?tenant=") + m_tenantA, QString(),
            body, {{"X-Webhook-Signature", WebhookSignature::sign(secret, {}, body)}});
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.json().value(u"passport").toObject().value(u"kind").toString(),
                 QStringLiteral("product"));
        const QJsonArray unmapped = r.json().value(u"unmapped").toArray();
        QCOMPARE(unmapped.size(), 1);
        QCOMPARE(unmapped[0].toObject().value(u"field").toString(), QStringLiteral("colour"));
        QCOMPARE(unmapped[0].toObject().value(u"value").toString(), QStringLiteral("red"));
        const auto p =
            store::ProductRepository(*m_db, m_tenantA).findByGtin(QStringLiteral("04006381333931"));
        QVERIFY(p.has_value());
        QCOMPARE(p->attributes.value(u"brand").toString(), QStringLiteral("Stabilo"));
        // A payload without the GTIN names the field the mapping reads it from.
        const QByteArray noGtin = R"({"name":"Pen"})";
        const NamReply bad = call(
            "POST", QStringLiteral("/v1/webhooks/ingest/akeneo?tenant=") + m_tenantA, QString(),
            noGtin, {{"X-Webhook-Signature", WebhookSignature::sign(secret, {}, noGtin)}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("gtin"));
        QCOMPARE(call("POST", QStringLiteral("/v1/webhooks/ingest/akeneo"), QString(), body,
                      {{"X-Webhook-Signature", WebhookSignature::sign(secret, {}, body)}})
                     .json()
                     .value(u"error")
                     .toObject()
                     .value(u"param")
                     .toString(),
                 QStringLiteral("tenant"));
    }

    void scanThresholdFiresOnce()
    {
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const auto [hookId, secret] = subscribe(receiver, R"(["scan.threshold"])");
        NamReply p = call("POST", QStringLiteral("/v1/products"), m_keyA,
                          R"({"gtin":"09506000134352","name":{"en":"Sandbox"}})");
        QCOMPARE(p.status, 201);
        const QString productId = p.json().value(u"id").toString();
        const NamReply defaults =
            call("GET", QStringLiteral("/v1/products/09506000134352/scan-thresholds"), m_keyA);
        QCOMPARE(defaults.json().value(u"thresholds").toArray(), QJsonArray({100, 1000, 10000}));
        QCOMPARE(call("PUT", QStringLiteral("/v1/products/09506000134352/scan-thresholds"), m_keyA,
                      R"({"thresholds":[100,0]})")
                     .json()
                     .value(u"error")
                     .toObject()
                     .value(u"param")
                     .toString(),
                 QStringLiteral("thresholds[1]"));
        QCOMPARE(call("GET", QStringLiteral("/v1/products/09506000134352/scan-thresholds"), m_keyB)
                     .status,
                 404);

        const auto scans = [&](int n) {
            for (int i = 0; i < n; ++i) {
                RawScan s;
                s.tenantId = m_tenantA;
                s.productId = productId;
                s.gtin = QStringLiteral("09506000134352");
                s.at = QDateTime::currentDateTimeUtc();
                m_recorder->record(s);
            }
            QVERIFY(m_recorder->flush(20000));
        };
        // 99, then one more: the crossing scan is the 100th whatever batches the writer
        // thread makes of them (it may commit a flush in several transactions, so a
        // crossing inside a larger flush would report any total from 100 up).
        scans(99);
        QTest::qWait(200);
        QVERIFY(receiver.requests.isEmpty());
        scans(1);
        QVERIFY(waitUntil([&] { return !receiver.requests.isEmpty(); }));
        scans(30);
        QTest::qWait(400);
        QCOMPARE(receiver.requests.size(), 1);
        const QJsonObject e = receiver.requests.first().json();
        QCOMPARE(e.value(u"type").toString(), QStringLiteral("scan.threshold"));
        QCOMPARE(e.value(u"data").toObject().value(u"threshold").toInt(), 100);
        QCOMPARE(e.value(u"data").toObject().value(u"total_scans").toInt(), 100);
        QCOMPARE(e.value(u"gtin").toString(), QStringLiteral("09506000134352"));
        QVERIFY(independentlyValid(secret, receiver.requests.first()));
        const NamReply after =
            call("GET", QStringLiteral("/v1/products/09506000134352/scan-thresholds"), m_keyA);
        QCOMPARE(after.json().value(u"fired").toArray(), QJsonArray({100}));
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestWebhooks>(argc, argv);
}

#include "tst_webhooks.moc"
