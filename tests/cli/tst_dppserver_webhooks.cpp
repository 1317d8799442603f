// dppserver's webhooks as operators run them: a delivery that failed is still pending
// after SIGTERM and is delivered by the next start on the same store (SQLite and
// PostgreSQL); without --allow-private-webhooks a loopback target is refused (422, url),
// and a stored target whose name now resolves to loopback is refused at every attempt;
// --webhook-retry-scale is checked like every other option.
#include "server/httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QProcess>
#include <csignal>
#include <passport/apikey.h>
#include <store/apikeyrepository.h>
#include <store/tenantrepository.h>
#include <store/webhooksubscriptionrepository.h>
#include <webhooks/webhooksignature.h>

using namespace dpp;
using dpp::test::NamReply;
using dpp::test::waitUntil;

namespace {

int terminate(QProcess& p)
{
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(30000))
        return -100;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestDppserverWebhooks : public QObject
{
    Q_OBJECT

public:
    explicit TestDppserverWebhooks(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QString m_location;
    QString m_key;
    QString m_tenant;
    QNetworkAccessManager m_nam;

    NamReply call(const QString& base, const QByteArray& method, const QString& path,
                  const QByteArray& body = {})
    {
        return test::namSend(m_nam, method, QUrl(base + path), body,
                             {{"Authorization", "Bearer " + m_key.toLatin1()}});
    }

private Q_SLOTS:
    void init()
    {
        QString why;
        m_location = m_test.create(&why);
        if (m_location.isEmpty())
            QSKIP(qPrintable(why));
        auto db = store::Database::open(m_location);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        auto tenant = store::TenantRepository(**db).create(QStringLiteral("Acme"), {});
        QVERIFY(tenant.ok());
        m_tenant = tenant->id;
        auto key = store::ApiKeyRepository(**db, tenant->id)
                       .create(QStringLiteral("k"), passport::ApiKey::knownScopes(), false);
        QVERIFY(key.ok());
        m_key = key->secret;
    }

    void cleanup() { m_test.drop(); }

    void badRetryScaleIsAUsageError()
    {
        const auto r =
            test::runTool(QStringLiteral("dppserver"),
                          {QStringLiteral("--database"), m_location,
                           QStringLiteral("--webhook-retry-scale"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--webhook-retry-scale"), r.err.constData());
    }

    void pendingDeliverySurvivesRestart()
    {
        test::WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.status = 503;
        const QStringList args = {QStringLiteral("--database"),
                                  m_location,
                                  QStringLiteral("--rate-limit"),
                                  QStringLiteral("0"),
                                  QStringLiteral("--allow-private-webhooks"),
                                  QStringLiteral("--webhook-retry-scale"),
                                  QStringLiteral("0.2")};
        QProcess first;
        QByteArray line;
        const QString url = test::startDppserver(first, args, &line);
        QVERIFY2(!url.isEmpty(), line.constData());
        const NamReply hook =
            call(url, "POST", QStringLiteral("/v1/webhooks"),
                 "{\"url\":\"" + receiver.url().toUtf8() + "\",\"events\":[\"product.created\"]}");
        QCOMPARE(hook.status, 201);
        const QString hookId = hook.json().value(u"id").toString();
        const QByteArray secret = hook.json().value(u"secret").toString().toUtf8();
        QCOMPARE(call(url, "POST", QStringLiteral("/v1/products"),
                      R"({"gtin":"09506000134352","name":{"en":"Sandbox"}})")
                     .status,
                 201);
        // The first attempt fails (503); the next is due 6 s later (30 s × 0.2).
        QVERIFY(waitUntil([&] { return receiver.requests.size() >= 1; }, 20000));
        // Stop once the failed attempt is on record (a request still in flight at SIGTERM is
        // given back to the queue uncounted).
        QVERIFY(waitUntil([&] {
            const QJsonArray d =
                call(url, "GET", QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId))
                    .json()
                    .value(u"data")
                    .toArray();
            return d.size() == 1 && d[0].toObject().value(u"attempts").toInt() == 1;
        }));
        QCOMPARE(terminate(first), 0);
        QCOMPARE(receiver.requests.size(), 1);

        receiver.status = 200;
        QProcess second;
        const QString url2 = test::startDppserver(second, args, &line);
        QVERIFY2(!url2.isEmpty(), line.constData());
        QVERIFY(waitUntil([&] { return receiver.requests.size() >= 2; }, 30000));
        const auto& a = receiver.requests[0];
        const auto& b = receiver.requests[1];
        QCOMPARE(b.headers.value("x-webhook-id"), a.headers.value("x-webhook-id"));
        QCOMPARE(b.body, a.body);
        QCOMPARE(b.headers.value("x-webhook-attempt"), QByteArray("2"));
        QVERIFY(webhooks::WebhookSignature::isValid(secret, b.headers.value("x-webhook-timestamp"),
                                                    b.body,
                                                    b.headers.value("x-webhook-signature")));
        QVERIFY(waitUntil([&] {
            const QJsonArray d =
                call(url2, "GET", QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId))
                    .json()
                    .value(u"data")
                    .toArray();
            return d.size() == 1 && d[0].toObject().value(u"status").toString() == u"delivered";
        }));
        const QJsonObject d =
            call(url2, "GET", QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId))
                .json()
                .value(u"data")
                .toArray()
                .at(0)
                .toObject();
        QCOMPARE(d.value(u"attempts").toInt(), 2);
        QCOMPARE(d.value(u"last_status_code").toInt(), 200);
        const NamReply health =
            test::namSend(m_nam, "GET", QUrl(url2 + QStringLiteral("/v1/health")));
        QVERIFY2(health.body.contains("\"webhooks\""), health.body.constData());
        QCOMPARE(terminate(second), 0);
        QTest::qWait(200);
        QCOMPARE(receiver.requests.size(), 2);
    }

    // The whole path in dppserver: resolver hits → scan recorder thread (its own store
    // connection) → threshold crossed in its transaction → dispatcher → signed delivery.
    void resolverHitsFireAThreshold()
    {
        test::WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        QProcess server;
        QByteArray line;
        const QString url = test::startDppserver(
            server,
            {QStringLiteral("--database"), m_location, QStringLiteral("--rate-limit"),
             QStringLiteral("0"), QStringLiteral("--allow-private-webhooks")},
            &line);
        QVERIFY2(!url.isEmpty(), line.constData());
        const NamReply hook =
            call(url, "POST", QStringLiteral("/v1/webhooks"),
                 "{\"url\":\"" + receiver.url().toUtf8() + "\",\"events\":[\"scan.threshold\"]}");
        QCOMPARE(hook.status, 201);
        QCOMPARE(call(url, "POST", QStringLiteral("/v1/products"),
                      R"({"gtin":"09506000134352","name":{"en":"Sandbox"}})")
                     .status,
                 201);
        QCOMPARE(call(url, "POST", QStringLiteral("/v1/passports"),
                      R"({"gtin":"09506000134352","kind":"product","data":{"note":"x"}})")
                     .status,
                 201);
        QCOMPARE(call(url, "PUT", QStringLiteral("/v1/products/09506000134352/scan-thresholds"),
                      R"({"thresholds":[3,10]})")
                     .status,
                 200);
        for (int i = 0; i < 4; ++i) {
            QNetworkRequest request(QUrl(url + QStringLiteral("/01/09506000134352")));
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                 QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply* reply = m_nam.get(request);
            QVERIFY(waitUntil([reply] { return reply->isFinished(); }));
            QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() < 400,
                     reply->readAll().constData());
            reply->deleteLater();
        }
        QVERIFY(waitUntil([&] { return !receiver.requests.isEmpty(); }, 20000));
        QTest::qWait(500);
        QCOMPARE(receiver.requests.size(), 1); // 3 fired once; 10 not reached
        const QJsonObject e = receiver.requests.first().json();
        QCOMPARE(e.value(u"type").toString(), QStringLiteral("scan.threshold"));
        QCOMPARE(e.value(u"data").toObject().value(u"threshold").toInt(), 3);
        QVERIFY(webhooks::WebhookSignature::isValid(
            hook.json().value(u"secret").toString().toUtf8(),
            receiver.requests.first().headers.value("x-webhook-timestamp"),
            receiver.requests.first().body,
            receiver.requests.first().headers.value("x-webhook-signature")));
        QCOMPARE(terminate(server), 0);
    }

    void privateTargetRefusedWithoutTheFlag()
    {
        test::WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        QProcess server;
        QByteArray line;
        const QString url =
            test::startDppserver(server,
                                 {QStringLiteral("--database"), m_location,
                                  QStringLiteral("--rate-limit"), QStringLiteral("0")},
                                 &line);
        QVERIFY2(!url.isEmpty(), line.constData());
        const NamReply r = call(url, "POST", QStringLiteral("/v1/webhooks"),
                                "{\"url\":\"" + receiver.url().toUtf8() + "\",\"events\":[\"*\"]}");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(u"error").toObject().value(u"param").toString(),
                 QStringLiteral("url"));
        QVERIFY(r.json()
                    .value(u"error")
                    .toObject()
                    .value(u"message")
                    .toString()
                    .contains(u"--allow-private-webhooks"));
        QCOMPARE(terminate(server), 0);
    }

    // DNS rebinding: a subscription accepted while its name resolved to a public address
    // later resolves to loopback. Written through the repository (as the API stored it
    // after its check), then the server, started without --allow-private-webhooks,
    // resolves the name again before each attempt and refuses to send.
    void targetRecheckedAtSendTime()
    {
        test::WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        QString hookId;
        {
            auto db = store::Database::open(m_location);
            QVERIFY(db.ok());
            passport::WebhookSubscription draft;
            draft.url = QStringLiteral("http://localhost:%1/hook").arg(receiver.port());
            draft.events = {QStringLiteral("product.created")};
            auto made = store::WebhookSubscriptionRepository(**db, m_tenant).create(draft);
            QVERIFY(made.ok());
            hookId = made->id;
        }
        QProcess server;
        QByteArray line;
        const QString url = test::startDppserver(
            server,
            {QStringLiteral("--database"), m_location, QStringLiteral("--rate-limit"),
             QStringLiteral("0"), QStringLiteral("--webhook-retry-scale"), QStringLiteral("0.001")},
            &line);
        QVERIFY2(!url.isEmpty(), line.constData());
        QCOMPARE(call(url, "POST", QStringLiteral("/v1/products"),
                      R"({"gtin":"09506000134352","name":{"en":"Rebound"}})")
                     .status,
                 201);
        // Refused attempts follow the normal schedule (30 s, 2 min … × 0.001): wait for
        // the third, each with the reason on record.
        QJsonObject d;
        QVERIFY(waitUntil(
            [&] {
                d = call(url, "GET", QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId))
                        .json()
                        .value(u"data")
                        .toArray()
                        .at(0)
                        .toObject();
                return d.value(u"attempts").toInt() >= 3;
            },
            30000));
        const QString reason = d.value(u"last_error").toString();
        QVERIFY2(reason.contains(u"target refused at send time") &&
                     reason.contains(u"localhost resolves to") &&
                     (reason.contains(u"127.0.0.1") || reason.contains(u"::1")),
                 qPrintable(reason));
        QCOMPARE(d.value(u"status").toString(), d.value(u"attempts").toInt() < 6
                                                    ? QStringLiteral("pending")
                                                    : QStringLiteral("failed"));
        QCOMPARE(receiver.requests.size(), 0);
        QCOMPARE(terminate(server), 0);
        QCOMPARE(receiver.requests.size(), 0);
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestDppserverWebhooks>(argc, argv);
}

#include "tst_dppserver_webhooks.moc"
