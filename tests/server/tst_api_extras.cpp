// The REST API extras of issue #5 against the real server on a free loopback port with a
// real store (temporary SQLite, then PostgreSQL when DPP_TEST_PG_URL is set): serial batch
// deletion and CSV upload, supplier links, per-key rate limits, trusted proxies, the
// streamed serials.zip, and entity rules answered from core (422 with param).
#include "httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QTcpSocket>
#include <export/batchzipstream.h>
#include <passport/apikey.h>
#include <passport/batteryunit.h>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <server/apiroutes.h>
#include <server/clientaddress.h>
#include <server/server.h>
#include <store/apikeyrepository.h>
#include <store/serialrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::server;
using dpp::test::NamReply;

namespace {

const QString kGtin = QStringLiteral("04006381333931");
const QString kGtin2 = QStringLiteral("09506000134352");

QByteArray productBody(const QString& gtin)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("gtin"), gtin},
                                     {QStringLiteral("name"),
                                      QJsonObject{{QStringLiteral("en"), QStringLiteral("Item")}}},
                                     {QStringLiteral("category"), QStringLiteral("wine")}})
        .toJson(QJsonDocument::Compact);
}

QByteArray multipart(const QByteArray& csv, const QByteArray& lot = {})
{
    QByteArray body;
    if (!lot.isEmpty())
        body += "--XyZ\r\nContent-Disposition: form-data; name=\"lot\"\r\n\r\n" + lot + "\r\n";
    body += "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"serials.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n" +
            csv + "\r\n--XyZ--\r\n";
    return body;
}

// Warnings Qt Sql logs (PostgreSQL's "current transaction is aborted") while a test runs.
QStringList g_warnings;
void captureWarnings(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings.append(message);
}

} // namespace

class TestApiExtras : public QObject
{
    Q_OBJECT

public:
    explicit TestApiExtras(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QString m_location;
    std::shared_ptr<store::Database> m_db;
    std::unique_ptr<Server> m_server;
    QNetworkAccessManager m_nam;
    QString m_url;
    QString m_tenantA, m_tenantB;
    QString m_keyA, m_keyB;
    QStringList m_log;

    QString createKey(const QString& tenant, const QStringList& scopes, QString* id = nullptr)
    {
        auto created =
            store::ApiKeyRepository(*m_db, tenant).create(QStringLiteral("test"), scopes, false);
        if (!created.ok())
            return {};
        if (id)
            *id = created->key.id;
        return created->secret;
    }

    std::unique_ptr<Server> startServer(ServerConfig config, std::shared_ptr<store::Database> db)
    {
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        auto server = std::make_unique<Server>(config);
        server->setLogSink([this](const QString& line) { m_log.append(line); });
        ApiContext context;
        context.db = std::move(db);
        context.baseUrl = [] { return QStringLiteral("https://id.example.com"); };
        if (!ApiRoutes::install(*server, context).ok() || !server->start().ok())
            return {};
        return server;
    }

    NamReply call(const QByteArray& method, const QString& path, const QString& key,
                  const QByteArray& body = {}, QList<QPair<QByteArray, QByteArray>> headers = {},
                  const QString& base = {})
    {
        if (!key.isEmpty())
            headers.append({"Authorization", "Bearer " + key.toLatin1()});
        return test::namSend(m_nam, method, QUrl((base.isEmpty() ? m_url : base) + path), body,
                             headers);
    }

    NamReply upload(const QString& product, const QByteArray& csv, const QByteArray& lot = {})
    {
        return call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(product), m_keyA,
                    multipart(csv, lot), {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
    }

    QString createProduct(const QString& gtin)
    {
        const NamReply r = call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(gtin));
        return r.status == 201 ? r.json().value(u"id").toString() : QString();
    }

    int count(const QString& sql)
    {
        QSqlQuery q = m_db->prepare(sql);
        return store::Database::exec(q).ok() && q.next() ? q.value(0).toInt() : -1;
    }

    static QString param(const NamReply& r) { return r.json()[u"error"][u"param"].toString(); }
    static QString message(const NamReply& r) { return r.json()[u"error"][u"message"].toString(); }

private Q_SLOTS:
    void init()
    {
        test::TwoTenantStore fixture;
        if (const QString skip = fixture.open(m_test); !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(fixture.db, qPrintable(fixture.error));
        m_db = fixture.db;
        m_location = fixture.location;
        m_tenantA = fixture.tenantA;
        m_tenantB = fixture.tenantB;
        m_keyA = createKey(m_tenantA, passport::ApiKey::knownScopes());
        m_keyB = createKey(m_tenantB, passport::ApiKey::knownScopes());
        QVERIFY(!m_keyA.isEmpty() && !m_keyB.isEmpty());
        ServerConfig config;
        config.rateLimitPerMinute = 0;
        m_server = startServer(config, m_db);
        QVERIFY(m_server);
        m_url = m_server->listenUrl();
        m_log.clear();
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
        m_test.drop();
    }

    // DELETE /v1/serial-batches/{id}: allowed while every serial is available, 409 naming
    // why once one was assigned; both audited; the other tenant sees 404.
    void serialBatchDeleteRule()
    {
        QVERIFY(!createProduct(kGtin).isEmpty());
        const auto make = [&](const char* body) {
            return call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                        body)
                .json()
                .value(u"id")
                .toString();
        };
        const QString unused = make(R"({"lot":"L1","prefix":"A","count":4})");
        const QString used = make(R"({"lot":"L2","prefix":"B","count":4})");
        QVERIFY(!unused.isEmpty() && !used.isEmpty());
        QCOMPARE(call("POST", QStringLiteral("/v1/serial-batches/%1/assign").arg(used), m_keyA,
                      R"({"count":1})")
                     .status,
                 200);

        QCOMPARE(call("DELETE", QStringLiteral("/v1/serial-batches/%1").arg(unused), m_keyB).status,
                 404);
        const NamReply refused =
            call("DELETE", QStringLiteral("/v1/serial-batches/%1").arg(used), m_keyA);
        QCOMPARE(refused.status, 409);
        QCOMPARE(param(refused), QStringLiteral("id"));
        QVERIFY2(message(refused).contains(u"1 assigned"), qPrintable(message(refused)));
        // Refused: the batch and all its serials are still there.
        const NamReply still =
            call("GET", QStringLiteral("/v1/serial-batches/%1").arg(used), m_keyA);
        QCOMPARE(still.status, 200);
        QCOMPARE(still.json()[u"states"][u"available"].toInt(), 3);
        QCOMPARE(still.json()[u"states"][u"assigned"].toInt(), 1);

        const NamReply deleted =
            call("DELETE", QStringLiteral("/v1/serial-batches/%1").arg(unused), m_keyA);
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json().value(u"deleted").toBool(), true);
        QCOMPARE(call("GET", QStringLiteral("/v1/serial-batches/%1").arg(unused), m_keyA).status,
                 404);
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM serials WHERE batch_id = '%1'").arg(unused)),
            0);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/serial-batches/%1").arg(unused), m_keyA).status,
                 404);
        // The serials of a deleted batch are free again for the product.
        QVERIFY(!make(R"({"lot":"L3","prefix":"A","count":4})").isEmpty());

        const auto trail = store::SerialRepository(*m_db, m_tenantA).audit(unused);
        QCOMPARE(trail.size(), 2);
        QCOMPARE(trail[0].action, QStringLiteral("created"));
        QCOMPARE(trail[1].action, QStringLiteral("deleted"));
        QVERIFY(!trail[1].actor.isEmpty());
        const auto usedTrail = store::SerialRepository(*m_db, m_tenantA).audit(used);
        QCOMPARE(usedTrail.size(), 2);
        QCOMPARE(usedTrail[1].action, QStringLiteral("assigned"));
    }

    // CSV upload: one serial per row, optional header; every serial checked as AI (21);
    // duplicates in the file and against stored serials named by row; nothing stored on
    // error.
    void serialCsvUpload()
    {
        const QString product = createProduct(kGtin);
        QVERIFY(!product.isEmpty());
        const NamReply created = upload(kGtin, "serial\r\nA-1\r\nA-2\r\n\r\nA/3\r\n", "LOT9");
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(u"mode").toString(), QStringLiteral("uploaded"));
        QCOMPARE(created.json().value(u"lot").toString(), QStringLiteral("LOT9"));
        QCOMPARE(created.json()[u"states"][u"available"].toInt(), 3);
        const QString id = created.json().value(u"id").toString();
        const NamReply manifest =
            call("GET", QStringLiteral("/v1/serial-batches/%1/manifest.csv").arg(id), m_keyA);
        QVERIFY(manifest.body.contains(",LOT9,A/3,available"));

        const int batches = count(QStringLiteral("SELECT COUNT(*) FROM serial_batches"));
        const int serials = count(QStringLiteral("SELECT COUNT(*) FROM serials"));

        // No header: every row is data; a bad character is named with its row.
        const NamReply badChar = upload(kGtin, "B1\nB2\nB 3\n");
        QCOMPARE(badChar.status, 422);
        QCOMPARE(param(badChar), QStringLiteral("file"));
        QVERIFY2(message(badChar).startsWith(u"row 3:"), qPrintable(message(badChar)));

        const NamReply tooLong = upload(kGtin, "serial\nC123456789012345678901\n");
        QCOMPARE(tooLong.status, 422);
        QVERIFY2(message(tooLong).contains(u"row 2"), qPrintable(message(tooLong)));

        const NamReply dupInFile = upload(kGtin, "serial\nD1\nD2\nD1\n");
        QCOMPARE(dupInFile.status, 422);
        QCOMPARE(param(dupInFile), QStringLiteral("file"));
        QVERIFY2(message(dupInFile).contains(u"row 4") && message(dupInFile).contains(u"row 2"),
                 qPrintable(message(dupInFile)));

        // Against what the GTIN already has, on PostgreSQL too without aborting the
        // transaction (which Qt would log as a warning).
        g_warnings.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureWarnings);
        const NamReply dupStored = upload(kGtin, "serial\nE1\nA-2\nE2\nA/3\n");
        const NamReply dupSequential =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"prefix":"A-","start":1,"count":3,"width":1})");
        qInstallMessageHandler(previous);
        QCOMPARE(dupStored.status, 409);
        QCOMPARE(param(dupStored), QStringLiteral("file"));
        QVERIFY2(message(dupStored).contains(u"row 3 (\"A-2\")") &&
                     message(dupStored).contains(u"row 5 (\"A/3\")") &&
                     message(dupStored).startsWith(u"2 serial"),
                 qPrintable(message(dupStored)));
        QCOMPARE(dupSequential.status, 409);
        QCOMPARE(param(dupSequential), QStringLiteral("start"));
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));

        QCOMPARE(upload(kGtin, "serial\n\n").status, 422);
        const NamReply noFile =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 "--XyZ\r\nContent-Disposition: form-data; name=\"lot\"\r\n\r\nL\r\n--XyZ--\r\n",
                 {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
        QCOMPARE(noFile.status, 422);
        QCOMPARE(param(noFile), QStringLiteral("file"));
        const NamReply broken =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nA",
                 {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
        QCOMPARE(broken.status, 400);

        // The same serials for another GTIN are fine: serials are unique per GTIN.
        QVERIFY(!createProduct(kGtin2).isEmpty());
        QCOMPARE(upload(kGtin2, "A-1\nA-2\n").status, 201);

        // JSON list form: errors name the element.
        const NamReply jsonDup =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"serials":["F1","A-1"]})");
        QCOMPARE(jsonDup.status, 409);
        QCOMPARE(param(jsonDup), QStringLiteral("serials[1]"));

        // Nothing of the failed uploads was stored (the kGtin2 batch is the only addition).
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM serial_batches")), batches + 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM serials")), serials + 2);
    }

    void productSupplierLinks()
    {
        const QString product = createProduct(kGtin);
        QVERIFY(!product.isEmpty());
        const auto supplier = [&](const char* body, const QString& key) {
            return call("POST", QStringLiteral("/v1/suppliers"), key, body)
                .json()
                .value(u"id")
                .toString();
        };
        const QString cells = supplier(R"({"name":"CellCo","role":"component"})", m_keyA);
        const QString glass = supplier(R"({"name":"Glassworks","role":"packaging"})", m_keyA);
        const QString foreign = supplier(R"({"name":"Elsewhere","role":"packaging"})", m_keyB);
        QVERIFY(!cells.isEmpty() && !glass.isEmpty() && !foreign.isEmpty());
        const QString path = QStringLiteral("/v1/products/%1/suppliers").arg(kGtin);

        const NamReply linked =
            call("POST", path, m_keyA,
                 QJsonDocument(QJsonObject{{QStringLiteral("supplierId"), cells},
                                           {QStringLiteral("role"), QStringLiteral("cells")}})
                     .toJson());
        QCOMPARE(linked.status, 201);
        QCOMPARE(linked.json().value(u"role").toString(), QStringLiteral("cells"));
        QCOMPARE(linked.json()[u"supplier"][u"name"].toString(), QStringLiteral("CellCo"));
        QCOMPARE(
            call("POST", path, m_keyA,
                 QJsonDocument(QJsonObject{{QStringLiteral("supplierId"), glass},
                                           {QStringLiteral("role"), QStringLiteral("packaging")}})
                     .toJson())
                .status,
            201);

        const auto rejected = [&](const QJsonObject& body, int status, const char* field) {
            const NamReply r = call("POST", path, m_keyA, QJsonDocument(body).toJson());
            QCOMPARE(r.status, status);
            QCOMPARE(param(r), QString::fromLatin1(field));
        };
        rejected(
            {{QStringLiteral("supplierId"), cells}, {QStringLiteral("role"), QStringLiteral("x")}},
            409, "supplierId");
        rejected({{QStringLiteral("supplierId"), glass},
                  {QStringLiteral("role"), QStringLiteral("Bad Role")}},
                 422, "role");
        rejected({{QStringLiteral("role"), QStringLiteral("cells")}}, 422, "supplierId");
        rejected({{QStringLiteral("supplierId"), glass}}, 422, "role");
        rejected(
            {{QStringLiteral("supplierId"), 7}, {QStringLiteral("role"), QStringLiteral("cells")}},
            422, "supplierId");
        // Another tenant's supplier does not exist for this one.
        rejected({{QStringLiteral("supplierId"), foreign},
                  {QStringLiteral("role"), QStringLiteral("cells")}},
                 422, "supplierId");
        QCOMPARE(call("POST", path, m_keyA, "{bad").status, 400);

        const NamReply list = call("GET", path, m_keyA);
        QCOMPARE(list.status, 200);
        const QJsonArray data = list.json().value(u"data").toArray();
        QCOMPARE(data.size(), 2); // failed attempts stored nothing
        QCOMPARE(call("GET", path, m_keyB).status, 404);

        const NamReply products =
            call("GET", QStringLiteral("/v1/suppliers/%1/products").arg(cells), m_keyA);
        QCOMPARE(products.status, 200);
        QCOMPARE(products.json().value(u"data").toArray().size(), 1);
        QCOMPARE(products.json()[u"data"][0][u"product"][u"gtin"].toString(), kGtin);
        QCOMPARE(products.json()[u"data"][0][u"role"].toString(), QStringLiteral("cells"));
        QCOMPARE(call("GET", QStringLiteral("/v1/suppliers/%1/products").arg(cells), m_keyB).status,
                 404);
        // products:read is the scope of the supplier → products view.
        const QString suppliersOnly = createKey(m_tenantA, {QStringLiteral("suppliers:read")});
        QCOMPARE(call("GET", QStringLiteral("/v1/suppliers/%1/products").arg(cells), suppliersOnly)
                     .status,
                 403);
        QCOMPARE(call("GET", path, suppliersOnly).status, 200);

        QCOMPARE(call("DELETE", path + u'/' + cells, m_keyB).status, 404);
        QCOMPARE(call("DELETE", path + u'/' + cells, m_keyA).status, 200);
        const NamReply again = call("DELETE", path + u'/' + cells, m_keyA);
        QCOMPARE(again.status, 404);
        QCOMPARE(param(again), QStringLiteral("supplierId"));
        QCOMPARE(call("GET", path, m_keyA).json().value(u"data").toArray().size(), 1);
        QCOMPARE(call("GET", QStringLiteral("/v1/suppliers/%1/products").arg(cells), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 0);
        // A soft-deleted product leaves the supplier's list.
        QCOMPARE(call("DELETE", QStringLiteral("/v1/products/%1").arg(kGtin), m_keyA).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/suppliers/%1/products").arg(glass), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 0);
    }

    // rate_limit_per_minute on key creation; honoured per key; a change made in the store
    // (here through another connection, as another process would) applies on the next
    // request of a server that did not make it.
    void perKeyRateLimit()
    {
        const QString admin = createKey(m_tenantA, passport::ApiKey::knownScopes());
        const auto create = [&](const QJsonValue& limit) {
            QJsonObject body{
                {QStringLiteral("name"), QStringLiteral("limited")},
                {QStringLiteral("scopes"), QJsonArray{QStringLiteral("products:read")}}};
            if (!limit.isUndefined())
                body.insert(QStringLiteral("rate_limit_per_minute"), limit);
            return call("POST", QStringLiteral("/v1/auth/api-keys"), admin,
                        QJsonDocument(body).toJson());
        };
        for (const QJsonValue& bad : {QJsonValue(0), QJsonValue(-5), QJsonValue(2.5),
                                      QJsonValue(QStringLiteral("10")), QJsonValue(10000001)}) {
            const NamReply r = create(bad);
            QCOMPARE(r.status, 422);
            QCOMPARE(param(r), QStringLiteral("rate_limit_per_minute"));
        }
        const int keys = count(QStringLiteral("SELECT COUNT(*) FROM api_keys"));
        const NamReply created = create(3);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(u"rate_limit_per_minute").toInt(), 3);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM api_keys")), keys + 1);
        const QString key = created.json().value(u"key").toString();
        const QString keyId = created.json().value(u"id").toString();

        // A second server on its own connection to the same store, like another process.
        auto db2 = store::Database::open(m_location);
        QVERIFY(db2.ok());
        ServerConfig config;
        config.rateLimitPerMinute = 100;
        auto other = startServer(config, *db2);
        QVERIFY(other);
        const QString otherUrl = other->listenUrl();

        for (int i = 0; i < 3; ++i) {
            const NamReply ok = call("GET", QStringLiteral("/v1/products"), key, {}, {}, otherUrl);
            QCOMPARE(ok.status, 200);
            QCOMPARE(ok.headers.value("x-ratelimit-limit"), QByteArray("3"));
        }
        const NamReply limited = call("GET", QStringLiteral("/v1/products"), key, {}, {}, otherUrl);
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.headers.value("retry-after").toInt() >= 1);
        // Another key of the tenant has its own bucket with the server default.
        const NamReply adminCall =
            call("GET", QStringLiteral("/v1/products"), admin, {}, {}, otherUrl);
        QCOMPARE(adminCall.status, 200);
        QCOMPARE(adminCall.headers.value("x-ratelimit-limit"), QByteArray("100"));

        // Raised through the first store connection: the other server obeys at once.
        QVERIFY(store::ApiKeyRepository(*m_db, m_tenantA).setRateLimit(keyId, 50).ok());
        const NamReply raised = call("GET", QStringLiteral("/v1/products"), key, {}, {}, otherUrl);
        QCOMPARE(raised.status, 200);
        QCOMPARE(raised.headers.value("x-ratelimit-limit"), QByteArray("50"));
        // Back to the server default (null).
        QVERIFY(store::ApiKeyRepository(*m_db, m_tenantA).setRateLimit(keyId, 0).ok());
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), key, {}, {}, otherUrl)
                     .headers.value("x-ratelimit-limit"),
                 QByteArray("100"));
        QVERIFY(!store::ApiKeyRepository(*m_db, m_tenantA).setRateLimit(keyId, -1).ok());
        QVERIFY(!store::ApiKeyRepository(*m_db, m_tenantB).setRateLimit(keyId, 5).ok());
        other.reset();
    }

    void clientAddressRules()
    {
        const auto subnet = [](const char* cidr) {
            return ClientAddress::parseSubnet(QString::fromLatin1(cidr)).value();
        };
        const QList<ClientAddress::Subnet> trusted = {subnet("10.0.0.0/8"), subnet("127.0.0.1"),
                                                      subnet("2001:db8::/32")};
        const QHostAddress proxy(QStringLiteral("10.1.2.3"));
        const QHostAddress stranger(QStringLiteral("198.51.100.7"));
        const auto resolve = [&](const QHostAddress& peer,
                                 QList<QPair<QByteArray, QByteArray>> headers,
                                 const QList<ClientAddress::Subnet>& t) {
            return ClientAddress::resolve(peer, headers, t).toString();
        };
        // Untrusted peer: headers ignored, whatever they say.
        QCOMPARE(resolve(stranger, {{"x-forwarded-for", "1.2.3.4"}}, trusted),
                 QStringLiteral("198.51.100.7"));
        // No trusted proxies configured (the default): headers ignored.
        QCOMPARE(resolve(proxy, {{"x-forwarded-for", "1.2.3.4"}}, {}), QStringLiteral("10.1.2.3"));
        // Right-most untrusted address; trusted hops skipped; a spoofed left part ignored.
        QCOMPARE(resolve(proxy, {{"x-forwarded-for", "6.6.6.6, 203.0.113.9, 10.9.9.9"}}, trusted),
                 QStringLiteral("203.0.113.9"));
        // Several header lines are one list, in order.
        QCOMPARE(resolve(proxy,
                         {{"x-forwarded-for", "6.6.6.6"}, {"x-forwarded-for", "203.0.113.10"}},
                         trusted),
                 QStringLiteral("203.0.113.10"));
        // Forwarded wins over X-Forwarded-For; quoted, bracketed, with ports.
        QCOMPARE(
            resolve(proxy,
                    {{"x-forwarded-for", "1.1.1.1"},
                     {"forwarded", "for=\"[2001:db8:cafe::17]:4711\", for=192.0.2.60;proto=https"
                                   ";by=10.0.0.1"}},
                    trusted),
            QStringLiteral("192.0.2.60"));
        QCOMPARE(resolve(proxy, {{"forwarded", "for=\"192.0.2.43:47011\""}}, trusted),
                 QStringLiteral("192.0.2.43"));
        QCOMPARE(resolve(proxy, {{"forwarded", "For=\"[2001:db8:cafe::17]:4711\""}}, trusted),
                 QStringLiteral("2001:db8:cafe::17"));
        QCOMPARE(resolve(proxy, {{"forwarded", "for=\"[2001:db9::1]\""}}, trusted),
                 QStringLiteral("2001:db9::1"));
        // Not an address: the trusted hop to its right is the best we know.
        QCOMPARE(resolve(proxy, {{"forwarded", "for=unknown"}}, trusted),
                 QStringLiteral("10.1.2.3"));
        QCOMPARE(resolve(proxy, {{"x-forwarded-for", "203.0.113.1, garbage, 10.0.0.5"}}, trusted),
                 QStringLiteral("10.0.0.5"));
        // All hops trusted: the left-most.
        QCOMPARE(resolve(proxy, {{"x-forwarded-for", "10.0.0.7, 10.0.0.8"}}, trusted),
                 QStringLiteral("10.0.0.7"));
        // No header from a trusted proxy: the proxy itself.
        QCOMPARE(resolve(proxy, {}, trusted), QStringLiteral("10.1.2.3"));
        // IPv4-mapped IPv6 peers match IPv4 ranges.
        QCOMPARE(resolve(QHostAddress(QStringLiteral("::ffff:10.1.2.3")),
                         {{"x-forwarded-for", "203.0.113.4"}}, trusted),
                 QStringLiteral("203.0.113.4"));

        ServerConfig config;
        QVERIFY(config.addTrustedProxy(QStringLiteral("192.168.0.0/16")).ok());
        QVERIFY(config.addTrustedProxy(QStringLiteral("::1")).ok());
        for (const char* bad : {"", "10.0.0.0/33", "example.com", "1.2.3.4.5"}) {
            const Status s = config.addTrustedProxy(QString::fromLatin1(bad));
            QVERIFY2(!s.ok(), bad);
            QCOMPARE(s.error().param, QStringLiteral("trusted-proxy"));
        }
    }

    // Through the server: IP buckets follow the forwarded client only when the peer is a
    // trusted proxy.
    void trustedProxyRateLimits()
    {
        const auto health = [&](const QString& base, const QByteArray& xff) {
            return call("GET", QStringLiteral("/health"), {}, {}, {{"X-Forwarded-For", xff}}, base)
                .status;
        };
        ServerConfig config;
        config.rateLimitPerMinute = 2;
        QVERIFY(config.addTrustedProxy(QStringLiteral("127.0.0.1/32")).ok());
        auto proxied = startServer(config, m_db);
        QVERIFY(proxied);
        const QString url = proxied->listenUrl();
        QCOMPARE(health(url, "203.0.113.5"), 200);
        QCOMPARE(health(url, "203.0.113.5"), 200);
        QCOMPARE(health(url, "203.0.113.5"), 429);
        QCOMPARE(health(url, "203.0.113.6"), 200); // another client behind the same proxy
        QVERIFY(m_log.join(u'\n').contains(u"203.0.113.6"));

        ServerConfig direct;
        direct.rateLimitPerMinute = 2;
        auto plain = startServer(direct, m_db);
        QVERIFY(plain);
        const QString plainUrl = plain->listenUrl();
        QCOMPARE(health(plainUrl, "203.0.113.5"), 200);
        QCOMPARE(health(plainUrl, "203.0.113.6"), 200);
        // Untrusted peer: the header cannot buy a fresh bucket.
        QCOMPARE(health(plainUrl, "203.0.113.7"), 429);
    }

    // Entity rules answered by core value types: 422 naming the field.
    void batteryBodiesValidatedInCore()
    {
        QVERIFY(!createProduct(kGtin).isEmpty());
        const NamReply unit =
            call("POST", QStringLiteral("/v1/products/%1/battery-units").arg(kGtin), m_keyA,
                 R"({"unique_identifier":"urn:test:u1"})");
        QCOMPARE(unit.status, 201);
        const QString soh =
            QStringLiteral("/v1/battery-units/%1/soh").arg(unit.json().value(u"id").toString());
        const auto rejected = [&](const QByteArray& body, const char* field) {
            const NamReply r = call("POST", soh, m_keyA, body);
            QCOMPARE(r.status, 422);
            QCOMPARE(param(r), QString::fromLatin1(field));
        };
        rejected(R"({})", "state_of_health_pct");
        rejected(R"({"state_of_health_pct":"high"})", "state_of_health_pct");
        rejected(R"({"state_of_health_pct":150})", "state_of_health_pct");
        rejected(R"({"state_of_health_pct":90,"cycle_count":1.5})", "cycle_count");
        rejected(R"({"state_of_health_pct":90,"measured_at":"yesterday"})", "measured_at");
        QCOMPARE(call("GET", soh, m_keyA).json().value(u"data").toArray().size(), 0);
        QCOMPARE(
            call("POST", soh, m_keyA, R"({"state_of_health_pct":91.5,"cycle_count":120})").status,
            201);

        const QString events =
            QStringLiteral("/v1/battery-units/%1/events").arg(unit.json().value(u"id").toString());
        const NamReply noType = call("POST", events, m_keyA, R"({"description":"x"})");
        QCOMPARE(noType.status, 422);
        QCOMPARE(param(noType), QStringLiteral("type"));
        const NamReply badTime =
            call("POST", events, m_keyA, R"({"type":"repair","occurred_at":12})");
        QCOMPARE(badTime.status, 422);
        QCOMPARE(param(badTime), QStringLiteral("occurred_at"));
    }

    // The archive stream itself: no piece holds more than a step's entries, whatever the
    // count, so the server never holds the whole archive.
    void zipStreamPiecesStayBounded()
    {
        if (m_test.isPostgres())
            QSKIP("store-independent; run once");
        exporting::BatchRequest request;
        request.gtin = kGtin;
        request.prefix = QStringLiteral("SN");
        request.count = 2000;
        request.symbols = exporting::BatchSymbols::Qr;
        request.base = QStringLiteral("https://id.example.com");
        auto opened = exporting::BatchZipStream::open(request);
        QVERIFY(opened.ok());
        std::shared_ptr<exporting::BatchZipStream> zip = std::move(opened).value();
        QByteArray archive;
        qsizetype largest = 0, pieces = 0;
        while (!zip->atEnd()) {
            const auto piece = zip->next();
            QVERIFY(piece.ok());
            largest = std::max(largest, piece->size());
            archive += *piece;
            ++pieces;
        }
        QCOMPARE(zip->entriesWritten(), 2000);
        QVERIFY(pieces > 2000 / exporting::BatchZipStream::kItemsPerStep);
        // A step is 32 symbols of a few KB; the central directory (~100 B per entry) is
        // the largest piece and still a small fraction of the archive.
        QVERIFY2(largest < archive.size() / 5,
                 qPrintable(QStringLiteral("%1 of %2").arg(largest).arg(archive.size())));
        QBuffer buffer(&archive);
        QuaZip reader(&buffer);
        QVERIFY(reader.open(QuaZip::mdUnzip));
        QCOMPARE(reader.getEntriesCount(), 2001);
        const auto invalid = exporting::BatchZipStream::open(exporting::BatchRequest{});
        QVERIFY(!invalid.ok());
    }

    // POST /v1/codes/serials.zip with 10,000 serials: streamed (chunked), complete, and the
    // first bytes reach the client before the server has produced the last entry.
    void serialsZipStreamed()
    {
        if (m_test.isPostgres())
            QSKIP("the archive does not touch the store; run once");
        const QByteArray body =
            R"({"gtin":"4006381333931","batch":"L1","prefix":"SN","start":1,"count":10000,)"
            R"("format":"qr"})";
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), QUrl(m_url).port());
        QVERIFY(socket.waitForConnected(5000));
        // Read slowly: at most 64 KB buffered on our side, so the kernel buffers fill and
        // the server must wait for us.
        socket.setReadBufferSize(64 * 1024);
        socket.write("POST /v1/codes/serials.zip HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                     m_keyA.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray received;
        QVERIFY(test::waitUntil(
            [&] {
                received += socket.read(4096);
                return received.contains("\r\nPK\x03\x04");
            },
            30000));
        const auto streamEnded = [&] {
            for (const QString& line : m_log)
                if (line.contains(u"stream complete"))
                    return true;
            return false;
        };
        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        const QByteArray head = received.left(headEnd).toLower();
        QVERIFY2(head.startsWith("http/1.1 200"), head.constData());
        QVERIFY(head.contains("transfer-encoding: chunked"));
        QVERIFY(!head.contains("content-length"));
        QVERIFY(head.contains("content-type: application/zip"));
        // The archive has begun arriving and the server has not finished making it.
        QVERIFY(!streamEnded());
        // While we do not read, the server cannot run ahead: give it the event loop for a
        // while (not a timing assertion: it must simply not finish without us).
        test::waitUntil([] { return false; }, 1500);
        QVERIFY2(!streamEnded(), "the server produced the whole archive without the client "
                                 "reading it");

        // Now read everything and decode the chunked body.
        socket.setReadBufferSize(0);
        QVERIFY(test::waitUntil(
            [&] {
                received += socket.readAll();
                return received.endsWith("\r\n0\r\n\r\n");
            },
            300000));
        QVERIFY(test::waitUntil(streamEnded, 5000));
        QByteArray archive;
        qsizetype at = headEnd + 4;
        while (true) {
            const qsizetype eol = received.indexOf("\r\n", at);
            QVERIFY(eol > at);
            bool ok = false;
            const qsizetype size = received.mid(at, eol - at).toLongLong(&ok, 16);
            QVERIFY(ok);
            if (size == 0)
                break;
            archive += received.mid(eol + 2, size);
            at = eol + 2 + size + 2;
        }
        QBuffer buffer(&archive);
        QuaZip reader(&buffer);
        QVERIFY(reader.open(QuaZip::mdUnzip));
        QCOMPARE(reader.getEntriesCount(), 10001);
        QuaZipFile file(&reader);
        QVERIFY(reader.setCurrentFile(QStringLiteral("manifest.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray manifest = file.readAll();
        file.close();
        QCOMPARE(manifest.count('\n'), 10001);
        QVERIFY(manifest.contains("SN010000"));
        int svgs = 0;
        for (bool more = reader.goToFirstFile(); more; more = reader.goToNextFile()) {
            const QString name = reader.getCurrentFileName();
            if (!name.endsWith(u".svg"))
                continue;
            if (++svgs % 2500 != 1 && !name.contains(u"10000"))
                continue;
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray svg = file.readAll();
            file.close();
            QVERIFY2(svg.contains("<svg") && svg.contains("</svg>"), qPrintable(name));
        }
        QCOMPARE(svgs, 10000);
        QVERIFY(archive.size() > 1000000);

        // The same request through QNetworkAccessManager (chunked decoding by Qt).
        const NamReply small = call("POST", QStringLiteral("/v1/codes/serials.zip"), m_keyA,
                                    R"({"gtin":"4006381333931","prefix":"SN","count":5})");
        QCOMPARE(small.status, 200);
        QVERIFY(small.body.startsWith("PK\x03\x04"));
    }

    // A client that leaves mid-download: the server stops, logs it and keeps serving.
    void clientLeavingMidStream()
    {
        if (m_test.isPostgres())
            QSKIP("the archive does not touch the store; run once");
        const QByteArray body = R"({"gtin":"4006381333931","prefix":"SN","count":10000})";
        {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), QUrl(m_url).port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write("POST /v1/codes/serials.zip HTTP/1.1\r\nHost: x\r\nAuthorization: "
                         "Bearer " +
                         m_keyA.toLatin1() + "\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QByteArray got;
            QVERIFY(test::waitUntil(
                [&] {
                    got += socket.readAll();
                    return got.contains("PK");
                },
                30000));
            socket.abort();
        }
        QVERIFY(test::waitUntil([&] { return m_log.join(u'\n').contains(u"stream cut short"); },
                                30000));
        QCOMPARE(call("GET", QStringLiteral("/health"), {}).status, 200);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestApiExtras>(argc, argv);
}

#include "tst_api_extras.moc"
