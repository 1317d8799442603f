// The server side of the sync protocol against the real server on a loopback port with a
// real store (SQLite file, then PostgreSQL when DPP_TEST_PG_URL is set): Idempotency-Key
// replays, reuse, in-progress and expiry, also across two servers on one store; ETag and
// If-Match with 412 and the current resource on every versioned resource.
#include "httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <passport/apikey.h>
#include <server/apiroutes.h>
#include <server/server.h>
#include <store/apikeyrepository.h>
#include <store/idempotencykeyrepository.h>
#include <store/productrepository.h>

using namespace dpp;
using namespace dpp::server;
using dpp::test::NamReply;
using dpp::test::namSend;

namespace {

const QString kGtin = QStringLiteral("04006381333931");
const QString kGtin2 = QStringLiteral("09506000134352");

QByteArray productBody(const QString& gtin, const QString& name = QStringLiteral("Test wine"))
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("gtin"), gtin},
                           {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), name}}},
                           {QStringLiteral("category"), QStringLiteral("wine")}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSyncProtocol : public QObject
{
    Q_OBJECT

public:
    explicit TestSyncProtocol(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QString m_location;
    std::shared_ptr<store::Database> m_db;
    std::unique_ptr<Server> m_server;
    QNetworkAccessManager m_nam;
    QString m_url;
    QString m_tenantA, m_tenantB;
    QString m_keyA, m_keyAId, m_keyB;

    QString createKey(const QString& tenant, QString* id = nullptr)
    {
        auto created = store::ApiKeyRepository(*m_db, tenant)
                           .create(QStringLiteral("test"), passport::ApiKey::knownScopes(), false);
        if (!created.ok())
            return {};
        if (id)
            *id = created->key.id;
        return created->secret;
    }

    static std::unique_ptr<Server> startServer(const std::shared_ptr<store::Database>& db)
    {
        ServerConfig config;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 0;
        auto server = std::make_unique<Server>(config);
        server->setLogSink([](const QString&) {});
        ApiContext context;
        context.db = db;
        context.baseUrl = [] { return QStringLiteral("https://id.example.com"); };
        if (!ApiRoutes::install(*server, context).ok() || !server->start().ok())
            return nullptr;
        return server;
    }

    NamReply call(const QByteArray& method, const QString& path, const QString& key,
                  const QByteArray& body = {}, QList<QPair<QByteArray, QByteArray>> headers = {},
                  const QString& base = {})
    {
        headers.append({"Authorization", "Bearer " + key.toLatin1()});
        return namSend(m_nam, method, QUrl((base.isEmpty() ? m_url : base) + path), body, headers);
    }

    int productCount(const QString& tenant)
    {
        return store::ProductRepository(*m_db, tenant).count();
    }

    // One check for every versioned resource: the write answer's ETag is new, a stale
    // If-Match is 412 with the current resource and leaves it as it was.
    void checkVersionedPatch(const QString& path, const QByteArray& created,
                             const QByteArray& change, const QByteArray& otherChange,
                             const QString& field)
    {
        const NamReply read = call("GET", path, m_keyA);
        QCOMPARE(read.status, 200);
        const QByteArray etag = read.headers.value("etag");
        QVERIFY(!etag.isEmpty());
        QCOMPARE(etag, created);
        QCOMPARE(
            QByteArray('"' + QByteArray::number(read.json().value(u"version").toInteger()) + '"'),
            etag);
        const NamReply changed = call("PATCH", path, m_keyA, change, {{"If-Match", etag}});
        QCOMPARE(changed.status, 200);
        const QByteArray etag2 = changed.headers.value("etag");
        QVERIFY(!etag2.isEmpty() && etag2 != etag);
        QCOMPARE(call("GET", path, m_keyA).headers.value("etag"), etag2);
        const QJsonValue value = changed.json().value(field);

        const NamReply stale = call("PATCH", path, m_keyA, otherChange, {{"If-Match", etag}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.json()[u"error"][u"code"].toString(), QStringLiteral("version_mismatch"));
        QCOMPARE(stale.json()[u"error"][u"param"].toString(), QStringLiteral("If-Match"));
        QCOMPARE(stale.headers.value("etag"), etag2);
        QCOMPARE(stale.json()[u"current"][field], value);
        const NamReply after = call("GET", path, m_keyA);
        QCOMPARE(after.json().value(field), value);
        QCOMPARE(after.headers.value("etag"), etag2);
    }

private Q_SLOTS:
    void init()
    {
        test::TwoTenantStore fixture;
        if (const QString skip = fixture.open(m_test); !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(fixture.db, qPrintable(fixture.error));
        m_location = fixture.location;
        m_db = fixture.db;
        m_tenantA = fixture.tenantA;
        m_tenantB = fixture.tenantB;
        m_keyA = createKey(m_tenantA, &m_keyAId);
        m_keyB = createKey(m_tenantB);
        QVERIFY(!m_keyA.isEmpty() && !m_keyB.isEmpty());
        m_server = startServer(m_db);
        QVERIFY(m_server);
        m_url = m_server->listenUrl();
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
        m_test.drop();
    }

    // A retried create (same key, same body) makes one product and gets the first answer.
    void sameKeyTwiceReplaysTheFirstAnswer()
    {
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "create-1"}};
        const NamReply first =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin), key);
        QCOMPARE(first.status, 201);
        QVERIFY(!first.headers.contains("idempotent-replayed"));
        const NamReply again =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin), key);
        QCOMPARE(again.status, 201); // not 409 duplicate_gtin: the handler did not run again
        QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.headers.value("etag"), first.headers.value("etag"));
        QVERIFY(again.headers.value("content-type").startsWith("application/json"));
        QCOMPARE(productCount(m_tenantA), 1);

        // Without a key the same request runs: the GTIN exists now.
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin)).status,
                 409);
        // A 4xx answer is stored too: its replay is the same 409.
        const QList<QPair<QByteArray, QByteArray>> key2{{"Idempotency-Key", "create-2"}};
        const NamReply dup =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin), key2);
        QCOMPARE(dup.status, 409);
        const NamReply dupAgain =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin), key2);
        QCOMPARE(dupAgain.status, 409);
        QCOMPARE(dupAgain.headers.value("idempotent-replayed"), QByteArray("true"));

        // Keys belong to one principal: tenant B's key with the same name is its own.
        const NamReply other =
            call("POST", QStringLiteral("/v1/products"), m_keyB, productBody(kGtin), key);
        QCOMPARE(other.status, 201);
        QVERIFY(!other.headers.contains("idempotent-replayed"));
        QCOMPARE(productCount(m_tenantB), 1);
    }

    void sameKeyOtherRequestIsRefused()
    {
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "k-reuse"}};
        QCOMPARE(
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin), key).status,
            201);
        const NamReply otherBody =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin2), key);
        QCOMPARE(otherBody.status, 422);
        const QJsonObject e = otherBody.json().value(u"error").toObject();
        QCOMPARE(e.value(u"type").toString(), QStringLiteral("invalid_request_error"));
        QCOMPARE(e.value(u"code").toString(), QStringLiteral("idempotency_key_reused"));
        QCOMPARE(e.value(u"param").toString(), QStringLiteral("Idempotency-Key"));
        QCOMPARE(productCount(m_tenantA), 1); // nothing was created for the second body

        const QString id = store::ProductRepository(*m_db, m_tenantA).findByGtin(kGtin)->id;
        const NamReply otherPath = call("PATCH", QStringLiteral("/v1/products/%1").arg(id), m_keyA,
                                        productBody(kGtin), key);
        QCOMPARE(otherPath.status, 422);
        QCOMPARE(otherPath.json()[u"error"][u"code"].toString(),
                 QStringLiteral("idempotency_key_reused"));
    }

    void malformedKeyIsABadRequest()
    {
        for (const QByteArray& bad : {QByteArray(256, 'a'), QByteArray("caf\xc3\xa9")}) {
            const NamReply r = call("POST", QStringLiteral("/v1/products"), m_keyA,
                                    productBody(kGtin), {{"Idempotency-Key", bad}});
            QCOMPARE(r.status, 400);
            QCOMPARE(r.json()[u"error"][u"param"].toString(), QStringLiteral("Idempotency-Key"));
        }
        QCOMPARE(productCount(m_tenantA), 0);
        // 255 characters is the longest allowed.
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin),
                      {{"Idempotency-Key", QByteArray(255, 'a')}})
                     .status,
                 201);
    }

    // A request still running under the key (here: claimed by another server that has not
    // answered yet) makes the second one wait its turn with a 409.
    void keyInProgressIsAConflict()
    {
        store::IdempotencyKeyRepository keys(*m_db, m_tenantA, m_keyAId);
        const QByteArray body = productBody(kGtin);
        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
        const auto claimed = keys.claim(QStringLiteral("busy"), QStringLiteral("POST"),
                                        QStringLiteral("/v1/products"), sha);
        QVERIFY(claimed.ok());
        QVERIFY(!claimed->has_value());
        const NamReply r = call("POST", QStringLiteral("/v1/products"), m_keyA, body,
                                {{"Idempotency-Key", "busy"}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json()[u"error"][u"code"].toString(),
                 QStringLiteral("idempotency_key_in_progress"));
        QCOMPARE(productCount(m_tenantA), 0);

        // The claiming process died: after five minutes without an answer the claim is
        // abandoned, and the retry runs instead of waiting a day.
        QSqlQuery age = m_db->prepare(QStringLiteral(
            "UPDATE idempotency_keys SET created_at = :old WHERE idem_key = 'busy'"));
        age.bindValue(QStringLiteral(":old"),
                      QDateTime::currentDateTimeUtc().addSecs(-301).toString(Qt::ISODateWithMs));
        QVERIFY(store::Database::exec(age).ok());
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA, body,
                      {{"Idempotency-Key", "busy"}})
                     .status,
                 201);
        QCOMPARE(productCount(m_tenantA), 1);
    }

    // After 24 hours a key is forgotten: the same key runs a new request.
    void keysExpireAfterADay()
    {
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "old"}};
        QCOMPARE(
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin), key).status,
            201);
        // The claim itself keeps the key for exactly 24 hours.
        QSqlQuery kept = m_db->prepare(QStringLiteral(
            "SELECT created_at, expires_at FROM idempotency_keys WHERE idem_key = 'old'"));
        QVERIFY(store::Database::exec(kept).ok() && kept.next());
        QCOMPARE(QDateTime::fromString(kept.value(0).toString(), Qt::ISODateWithMs)
                     .secsTo(QDateTime::fromString(kept.value(1).toString(), Qt::ISODateWithMs)),
                 qint64(24 * 3600));
        QSqlQuery q = m_db->prepare(QStringLiteral(
            "UPDATE idempotency_keys SET created_at = :c, expires_at = :e WHERE idem_key = 'old'"));
        const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-25 * 3600);
        q.bindValue(QStringLiteral(":c"), past.toString(Qt::ISODateWithMs));
        q.bindValue(QStringLiteral(":e"), past.addSecs(24 * 3600).toString(Qt::ISODateWithMs));
        QVERIFY(store::Database::exec(q).ok());
        QCOMPARE(q.numRowsAffected(), 1);

        const NamReply fresh =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin2), key);
        QCOMPARE(fresh.status, 201); // not 422 reused: the old use has expired
        QVERIFY(!fresh.headers.contains("idempotent-replayed"));
        QCOMPARE(productCount(m_tenantA), 2);

        // The periodic purge removes expired keys of everyone, and only those.
        QSqlQuery age = m_db->prepare(
            QStringLiteral("UPDATE idempotency_keys SET expires_at = :e WHERE idem_key = 'old'"));
        age.bindValue(QStringLiteral(":e"), past.toString(Qt::ISODateWithMs));
        QVERIFY(store::Database::exec(age).ok());
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA,
                      productBody(QStringLiteral("05601234567892")), {{"Idempotency-Key", "new"}})
                     .status,
                 201);
        const auto purged = store::IdempotencyKeyRepository::purgeExpired(*m_db);
        QVERIFY(purged.ok());
        QCOMPARE(*purged, 1);
        QSqlQuery left = m_db->prepare(QStringLiteral("SELECT idem_key FROM idempotency_keys"));
        QVERIFY(store::Database::exec(left).ok());
        QVERIFY(left.next());
        QCOMPARE(left.value(0).toString(), QStringLiteral("new"));
        QVERIFY(!left.next());
    }

    // Two servers (as two dppserver processes) on one store share the keys.
    void keysHoldAcrossServers()
    {
        auto secondDb = store::Database::open(m_location);
        QVERIFY(secondDb.ok());
        auto second = startServer(*secondDb);
        QVERIFY(second);
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "shared"}};
        const NamReply first =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin), key);
        QCOMPARE(first.status, 201);
        const NamReply replay = call("POST", QStringLiteral("/v1/products"), m_keyA,
                                     productBody(kGtin), key, second->listenUrl());
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.headers.value("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(replay.body, first.body);
        QCOMPARE(productCount(m_tenantA), 1);
    }

    // Every PATCH changes the ETag; a stale If-Match is 412 with the current product and
    // changes nothing; the matching one (or *) goes through.
    void productVersions()
    {
        const NamReply created =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        const QByteArray etag1 = created.headers.value("etag");
        QVERIFY(etag1.startsWith('"') && etag1.endsWith('"'));
        QCOMPARE(created.json().value(u"version").toInteger(), 1);

        const NamReply got = call("GET", QStringLiteral("/v1/products/%1").arg(id), m_keyA);
        QCOMPARE(got.headers.value("etag"), etag1);

        const NamReply p1 = call("PATCH", QStringLiteral("/v1/products/%1").arg(id), m_keyA,
                                 R"({"name":{"en":"First"}})");
        QCOMPARE(p1.status, 200);
        const QByteArray etag2 = p1.headers.value("etag");
        QVERIFY(etag2 != etag1);
        QCOMPARE(p1.json().value(u"version").toInteger(), 2);
        QCOMPARE(
            call("GET", QStringLiteral("/v1/products/%1").arg(id), m_keyA).headers.value("etag"),
            etag2);

        // A client that read version 1 and edits: refused with what is there now.
        const NamReply stale = call("PATCH", QStringLiteral("/v1/products/%1").arg(id), m_keyA,
                                    R"({"name":{"en":"Stale edit"}})", {{"If-Match", etag1}});
        QCOMPARE(stale.status, 412);
        const QJsonObject e = stale.json().value(u"error").toObject();
        QCOMPARE(e.value(u"type").toString(), QStringLiteral("precondition_failed"));
        QCOMPARE(e.value(u"code").toString(), QStringLiteral("version_mismatch"));
        QCOMPARE(e.value(u"param").toString(), QStringLiteral("If-Match"));
        QCOMPARE(stale.headers.value("etag"), etag2);
        const QJsonObject current = stale.json().value(u"current").toObject();
        QCOMPARE(current.value(u"name").toObject().value(u"en").toString(),
                 QStringLiteral("First"));
        QCOMPARE(current.value(u"version").toInteger(), 2);
        const auto stored = store::ProductRepository(*m_db, m_tenantA).get(id);
        QCOMPARE(stored->displayName(), QStringLiteral("First"));
        QCOMPARE(stored->rowVersion, 2);

        const NamReply match = call("PATCH", QStringLiteral("/v1/products/%1").arg(id), m_keyA,
                                    R"({"name":{"en":"Second"}})", {{"If-Match", etag2}});
        QCOMPARE(match.status, 200);
        const QByteArray etag3 = match.headers.value("etag");
        QVERIFY(etag3 != etag2 && etag3 != etag1);
        QCOMPARE(match.json()[u"name"][u"en"].toString(), QStringLiteral("Second"));

        const NamReply any = call("PATCH", QStringLiteral("/v1/products/%1").arg(id), m_keyA,
                                  R"({"brand":"Acme"})", {{"If-Match", "*"}});
        QCOMPARE(any.status, 200);
        QVERIFY(any.headers.value("etag") != etag3);

        const NamReply weak =
            call("PATCH", QStringLiteral("/v1/products/%1").arg(id), m_keyA, R"({"brand":"X"})",
                 {{"If-Match", "W/" + any.headers.value("etag")}});
        QCOMPARE(weak.status, 412); // If-Match compares strongly
        const NamReply malformed = call("PATCH", QStringLiteral("/v1/products/%1").arg(id), m_keyA,
                                        R"({"brand":"X"})", {{"If-Match", "3"}});
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.json()[u"error"][u"param"].toString(), QStringLiteral("If-Match"));

        // A stale delete leaves the product in place.
        const NamReply staleDelete = call("DELETE", QStringLiteral("/v1/products/%1").arg(id),
                                          m_keyA, {}, {{"If-Match", etag1}});
        QCOMPARE(staleDelete.status, 412);
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1").arg(id), m_keyA).status, 200);
        const NamReply deleted = call("DELETE", QStringLiteral("/v1/products/%1").arg(id), m_keyA,
                                      {}, {{"If-Match", any.headers.value("etag")}});
        QCOMPARE(deleted.status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1").arg(id), m_keyA).status, 404);
    }

    void supplierLinkAndBatteryVersions()
    {
        const NamReply product =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin));
        QCOMPARE(product.status, 201);

        const NamReply supplier = call("POST", QStringLiteral("/v1/suppliers"), m_keyA,
                                       R"({"name":"Glassworks","role":"packaging"})");
        QCOMPARE(supplier.status, 201);
        checkVersionedPatch(
            QStringLiteral("/v1/suppliers/%1").arg(supplier.json().value(u"id").toString()),
            supplier.headers.value("etag"), R"({"name":"Glassworks Ltd","country":"PT"})",
            R"({"name":"Stale name"})", QStringLiteral("name"));
        const NamReply badSupplier =
            call("PATCH",
                 QStringLiteral("/v1/suppliers/%1").arg(supplier.json().value(u"id").toString()),
                 m_keyA, R"({"gln":"123"})");
        QCOMPARE(badSupplier.status, 422);
        QCOMPARE(badSupplier.json()[u"error"][u"param"].toString(), QStringLiteral("gln"));

        const NamReply link =
            call("POST", QStringLiteral("/v1/products/%1/links").arg(kGtin), m_keyA,
                 R"({"link_type":"gs1:pip","href":"https://pip.example.com/1",)"
                 R"("title":"Info"})");
        QCOMPARE(link.status, 201);
        const QString linkPath = QStringLiteral("/v1/products/%1/links/%2")
                                     .arg(kGtin, link.json().value(u"id").toString());
        checkVersionedPatch(linkPath, link.headers.value("etag"), R"({"title":"More info"})",
                            R"({"title":"Stale"})", QStringLiteral("title"));
        // Another link taking over "default" changes this one too: its ETag moves.
        const QByteArray before = call("GET", linkPath, m_keyA).headers.value("etag");
        QCOMPARE(call("POST", QStringLiteral("/v1/products/%1/links").arg(kGtin), m_keyA,
                      R"({"link_type":"gs1:dpp","href":"https://dpp.example.com/1",)"
                      R"("title":"DPP","default":true})")
                     .status,
                 201);
        const NamReply demoted = call("GET", linkPath, m_keyA);
        QCOMPARE(demoted.json().value(u"default").toBool(), false);
        QVERIFY(demoted.headers.value("etag") != before);
        QCOMPARE(call("DELETE", linkPath, m_keyA, {}, {{"If-Match", before}}).status, 412);
        QCOMPARE(call("DELETE", linkPath, m_keyA, {}, {{"If-Match", demoted.headers.value("etag")}})
                     .status,
                 204);

        const NamReply unit =
            call("POST", QStringLiteral("/v1/products/%1/battery-units").arg(kGtin), m_keyA,
                 R"({"unique_identifier":"urn:test:unit-1"})");
        QCOMPARE(unit.status, 201);
        checkVersionedPatch(
            QStringLiteral("/v1/battery-units/%1").arg(unit.json().value(u"id").toString()),
            unit.headers.value("etag"), R"({"status":"repurposed"})", R"({"status":"waste"})",
            QStringLiteral("status"));
    }

    void serialBatchVersions()
    {
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin)).status,
                 201);
        const NamReply batch =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"lot":"L1","prefix":"SN","count":3})");
        QCOMPARE(batch.status, 201);
        const QString path =
            QStringLiteral("/v1/serial-batches/%1").arg(batch.json().value(u"id").toString());
        const QByteArray etag1 = batch.headers.value("etag");
        QCOMPARE(call("GET", path, m_keyA).headers.value("etag"), etag1);
        // Assigning serials changes the batch's state counts, so its version.
        QCOMPARE(call("POST", path + QStringLiteral("/assign"), m_keyA, R"({"count":1})").status,
                 200);
        const NamReply after = call("GET", path, m_keyA);
        QVERIFY(after.headers.value("etag") != etag1);
        const NamReply stale = call("DELETE", path, m_keyA, {}, {{"If-Match", etag1}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.json()[u"current"][u"states"][u"assigned"].toInt(), 1);
        QCOMPARE(call("GET", path, m_keyA).status, 200);
    }

    // A passport's ETag is its published data's sha256; POST /v1/passports with If-Match
    // publishes only over the version the client read.
    void passportVersions()
    {
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin)).status,
                 201);
        const auto publish = [&](const char* data, QList<QPair<QByteArray, QByteArray>> h = {}) {
            return call("POST", QStringLiteral("/v1/passports"), m_keyA,
                        QByteArray(R"({"gtin":")") + kGtin.toLatin1() + "\",\"data\":" + data + "}",
                        h);
        };
        const NamReply v1 = publish(R"({"note":"one"})");
        QCOMPARE(v1.status, 201);
        const QByteArray etag1 = v1.headers.value("etag");
        QCOMPARE(etag1, '"' + v1.json().value(u"sha256").toString().toLatin1() + '"');
        const NamReply read =
            call("GET", QStringLiteral("/v1/products/%1/passport").arg(kGtin), m_keyA);
        QCOMPARE(read.headers.value("etag"), etag1);

        const NamReply v2 = publish(R"({"note":"two"})", {{"If-Match", etag1}});
        QCOMPARE(v2.status, 201);
        QCOMPARE(v2.json().value(u"version").toInt(), 2);
        const QByteArray etag2 = v2.headers.value("etag");
        QVERIFY(etag2 != etag1);

        const NamReply stale = publish(R"({"note":"three"})", {{"If-Match", etag1}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.json()[u"error"][u"code"].toString(), QStringLiteral("version_mismatch"));
        QCOMPARE(stale.json()[u"current"][u"version"].toInt(), 2);
        QCOMPARE(stale.headers.value("etag"), etag2);
        const NamReply still =
            call("GET", QStringLiteral("/v1/products/%1/passport").arg(kGtin), m_keyA);
        QCOMPARE(still.json()[u"passport"][u"version"].toInt(), 2);
    }

    // The repository enforces the version for every caller (GUI, CLI), not only the API.
    void repositoryChecksTheVersion()
    {
        store::ProductRepository products(*m_db, m_tenantA);
        auto created = products.create(QJsonDocument::fromJson(productBody(kGtin)).object());
        QVERIFY(created.ok());
        QCOMPARE(created->rowVersion, 1);
        const QJsonObject patch{{QStringLiteral("brand"), QStringLiteral("Acme")}};
        const auto stale = products.update(created->id, patch, 7);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, QStringLiteral("version_mismatch"));
        QCOMPARE(products.get(created->id)->rowVersion, 1);
        const auto ok = products.update(created->id, patch, 1);
        QVERIFY(ok.ok());
        QCOMPARE(ok->rowVersion, 2);
        QCOMPARE(products.get(created->id)->rowVersion, 2);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestSyncProtocol>(argc, argv);
}

#include "tst_syncprotocol.moc"
