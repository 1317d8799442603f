// The /v1 REST API against the real server on a free loopback port with a real store
// (a temporary SQLite file, then a fresh PostgreSQL database when DPP_TEST_PG_URL is set):
// the EUlabel quickstart, products and passports end to end, the error contract, API-key
// management, and the authorization matrix over every route of the table.
#include "httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QUrlQuery>
#include <passport/apikey.h>
#include <server/apiroutes.h>
#include <server/server.h>
#include <store/apikeyrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::server;
using dpp::test::NamReply;
using dpp::test::namSend;

namespace {

const QString kGtin = QStringLiteral("04006381333931"); // a valid EAN-13 as GTIN-14
const QString kGtin2 = QStringLiteral("09506000134352");
const QString kGtin3 = QStringLiteral("05601234567892");

QByteArray productBody(const QString& gtin, const QString& name = QStringLiteral("Test wine"))
{
    return QJsonDocument(
               QJsonObject{
                   {QStringLiteral("gtin"), gtin},
                   {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), name}}},
                   {QStringLiteral("category"), QStringLiteral("wine")},
                   {QStringLiteral("materials"),
                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("glass")},
                                           {QStringLiteral("percentage"), 95}}}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestApi : public QObject
{
    Q_OBJECT

public:
    explicit TestApi(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    std::shared_ptr<store::Database> m_db;
    std::unique_ptr<Server> m_server;
    QNetworkAccessManager m_nam;
    QString m_url;
    QString m_tenantA, m_tenantB;
    QString m_keyA, m_keyAId, m_keyB;

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

    NamReply call(const QByteArray& method, const QString& path, const QString& key,
                  const QByteArray& body = {}, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        if (!key.isEmpty())
            headers.append({"Authorization", "Bearer " + key.toLatin1()});
        return namSend(m_nam, method, QUrl(m_url + path), body, headers);
    }

    // A multipart upload to `collection` (a product's documents or /v1/documents).
    NamReply uploadTo(const QString& collection, const QByteArray& filename,
                      const QByteArray& bytes,
                      const QString& docType = QStringLiteral("declaration_of_conformity"),
                      const QByteArray& field = "file")
    {
        const QByteArray body =
            "--XyZ\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" +
            filename + "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n--XyZ--\r\n";
        return call("POST", QStringLiteral("%1?doc_type=%2").arg(collection, docType), m_keyA, body,
                    {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
    }

    NamReply upload(const QString& product, const QByteArray& filename, const QByteArray& bytes,
                    const QString& docType = QStringLiteral("declaration_of_conformity"))
    {
        return uploadTo(QStringLiteral("/v1/products/%1/documents").arg(product), filename, bytes,
                        docType);
    }

    qint64 journalRows(const QString& entity)
    {
        QSqlQuery q =
            m_db->prepare(QStringLiteral("SELECT COUNT(*) FROM change_journal WHERE entity = :e"));
        q.bindValue(QStringLiteral(":e"), entity);
        if (!store::Database::exec(q).ok() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    QString createProduct(const QString& gtin)
    {
        const NamReply r = call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(gtin));
        return r.status == 201 ? r.json().value(u"id").toString() : QString();
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
        m_keyA = createKey(m_tenantA, passport::ApiKey::knownScopes(), &m_keyAId);
        m_keyB = createKey(m_tenantB, passport::ApiKey::knownScopes());
        QVERIFY(!m_keyA.isEmpty() && !m_keyB.isEmpty());

        ServerConfig config;
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 0; // the matrix sends more than a minute's budget
        config.limits.maxBodyBytes = 256 * 1024;
        m_server = std::make_unique<Server>(config);
        m_server->setLogSink([](const QString&) {});
        ApiContext context;
        context.db = m_db;
        context.baseUrl = [] { return QStringLiteral("https://id.example.com"); };
        QVERIFY(ApiRoutes::install(*m_server, context).ok());
        const auto port = m_server->start();
        QVERIFY(port.ok());
        m_url = m_server->listenUrl();
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
        m_test.drop();
    }

    // EUlabel quickstart: create product → passport → get passport → QR SVG.
    void quickstart()
    {
        const NamReply created =
            call("POST", QStringLiteral("/v1/products"), m_keyA, productBody(kGtin));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(created.json().value(u"gtin").toString(), kGtin);

        const QJsonObject passport{{QStringLiteral("gtin"), QStringLiteral("4006381333931")},
                                   {QStringLiteral("kind"), QStringLiteral("product")},
                                   {QStringLiteral("data"), QJsonObject{}}};
        const NamReply p =
            call("POST", QStringLiteral("/v1/passports"), m_keyA, QJsonDocument(passport).toJson());
        QCOMPARE(p.status, 201);
        QCOMPARE(p.json().value(u"status").toString(), QStringLiteral("published"));
        QCOMPARE(p.json().value(u"product_id").toString(), id);
        // Re-sending the published data (a retried sync) is a no-op: 200 with that version.
        const NamReply again =
            call("POST", QStringLiteral("/v1/passports"), m_keyA, QJsonDocument(passport).toJson());
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"id").toString(), p.json().value(u"id").toString());
        QCOMPARE(again.json().value(u"version").toInt(), 1);

        const NamReply got =
            call("GET", QStringLiteral("/v1/products/%1/passport").arg(id), m_keyA);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json().value(u"product").toObject().value(u"gtin").toString(), kGtin);
        QCOMPARE(got.json().value(u"passport").toObject().value(u"version").toInt(), 1);

        const NamReply ld = call("GET", QStringLiteral("/v1/products/%1/passport").arg(kGtin),
                                 m_keyA, {}, {{"Accept", "application/ld+json"}});
        QCOMPARE(ld.status, 200);
        QVERIFY(ld.headers.value("content-type").startsWith("application/ld+json"));
        QVERIFY(ld.json().contains(u"@context"));

        const NamReply section = call(
            "GET", QStringLiteral("/v1/products/%1/passport?section=materials").arg(id), m_keyA);
        QCOMPARE(section.status, 200);
        QCOMPARE(section.json().value(u"data").toArray().size(), 1);
        const NamReply noSection =
            call("GET", QStringLiteral("/v1/products/%1/passport?section=nope").arg(id), m_keyA);
        QCOMPARE(noSection.status, 422);
        QCOMPARE(noSection.json()[u"error"][u"param"].toString(), QStringLiteral("section"));

        const NamReply versions =
            call("GET", QStringLiteral("/v1/products/%1/passports").arg(id), m_keyA);
        QCOMPARE(versions.status, 200);
        QCOMPARE(versions.json().value(u"data").toArray().size(), 1);

        const NamReply qr = call("GET", QStringLiteral("/v1/products/%1/qr").arg(id), m_keyA);
        QCOMPARE(qr.status, 200);
        QVERIFY(qr.headers.value("content-type").startsWith("image/svg+xml"));
        QVERIFY(qr.body.contains("<svg"));

        // Public code endpoint: no key, PNG and DataMatrix variants, field-named errors.
        const NamReply pub = call("GET", QStringLiteral("/v1/qr/4006381333931?serial=A1"), {});
        QCOMPARE(pub.status, 200);
        QVERIFY(pub.body.contains("<svg"));
        const NamReply png =
            call("GET", QStringLiteral("/v1/qr/%1?format=png&size=4").arg(kGtin), {});
        QCOMPARE(png.status, 200);
        QVERIFY(png.body.startsWith("\x89PNG"));
        const NamReply dm =
            call("GET", QStringLiteral("/v1/qr/%1?format=datamatrix&batch=L1").arg(kGtin), {});
        QCOMPARE(dm.status, 200);
        const NamReply badGtin = call("GET", QStringLiteral("/v1/qr/4006381333932"), {});
        QCOMPARE(badGtin.status, 422);
        QCOMPARE(badGtin.json()[u"error"][u"param"].toString(), QStringLiteral("gtin"));
        const NamReply badSize = call("GET", QStringLiteral("/v1/qr/%1?size=999").arg(kGtin), {});
        QCOMPARE(badSize.status, 422);
        QCOMPARE(badSize.json()[u"error"][u"param"].toString(), QStringLiteral("size"));
    }

    void productsCrudAndPaging()
    {
        const QString id1 = createProduct(kGtin);
        const QString id2 = createProduct(kGtin2);
        const QString id3 = createProduct(kGtin3);
        QVERIFY(!id1.isEmpty() && !id2.isEmpty() && !id3.isEmpty());

        const NamReply page1 = call("GET", QStringLiteral("/v1/products?limit=2"), m_keyA);
        QCOMPARE(page1.status, 200);
        const QJsonArray items1 = page1.json().value(u"data").toArray();
        QCOMPARE(items1.size(), 2);
        QCOMPARE(page1.json().value(u"hasMore").toBool(), true);
        const QString cursor = items1.last()[u"id"].toString();
        const NamReply page2 = call(
            "GET", QStringLiteral("/v1/products?limit=2&starting_after=%1").arg(cursor), m_keyA);
        QCOMPARE(page2.status, 200);
        const QJsonArray items2 = page2.json().value(u"data").toArray();
        QCOMPARE(items2.size(), 1);
        QCOMPARE(page2.json().value(u"hasMore").toBool(), false);
        QStringList seen;
        for (const QJsonArray& items : {items1, items2})
            for (const auto& v : items)
                seen.append(v[u"gtin"].toString());
        QCOMPARE(seen, (QStringList{kGtin, kGtin3, kGtin2}));
        QCOMPARE(call("GET", QStringLiteral("/v1/products?limit=0"), m_keyA).status, 422);
        QCOMPARE(call("GET", QStringLiteral("/v1/products?starting_after=nope"), m_keyA)
                     .json()[u"error"][u"param"]
                     .toString(),
                 QStringLiteral("starting_after"));

        // Any GTIN form names the product: GTIN-13 here, GTIN-14 stored.
        const NamReply byGtin13 = call("GET", QStringLiteral("/v1/products/4006381333931"), m_keyA);
        QCOMPARE(byGtin13.status, 200);
        QCOMPARE(byGtin13.json().value(u"id").toString(), id1);

        const NamReply patched = call("PATCH", QStringLiteral("/v1/products/%1").arg(id1), m_keyA,
                                      R"({"name":{"en":"Renamed"},"brand":"Acme"})");
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json()[u"name"][u"en"].toString(), QStringLiteral("Renamed"));
        QCOMPARE(patched.json().value(u"gtin").toString(), kGtin);

        const NamReply immutable = call("PATCH", QStringLiteral("/v1/products/%1").arg(id1), m_keyA,
                                        R"({"gtin":"09506000134352"})");
        QCOMPARE(immutable.status, 422);
        QCOMPARE(immutable.json()[u"error"][u"param"].toString(), QStringLiteral("gtin"));
        const NamReply invalid =
            call("PATCH", QStringLiteral("/v1/products/%1").arg(id1), m_keyA, R"({"name":{}})");
        QCOMPARE(invalid.status, 422);
        QCOMPARE(invalid.json()[u"error"][u"param"].toString(), QStringLiteral("name"));
        // The failed patch changed nothing.
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1").arg(id1), m_keyA)
                     .json()[u"name"][u"en"]
                     .toString(),
                 QStringLiteral("Renamed"));

        QCOMPARE(call("DELETE", QStringLiteral("/v1/products/%1").arg(kGtin2), m_keyA).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1").arg(id2), m_keyA).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/products/%1").arg(id2), m_keyA).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 2);
    }

    void errors()
    {
        const NamReply badJson =
            call("POST", QStringLiteral("/v1/products"), m_keyA, "{\"gtin\": ");
        QCOMPARE(badJson.status, 400);
        QCOMPARE(badJson.json()[u"error"][u"code"].toString(), QStringLiteral("malformed_json"));

        const NamReply missing =
            call("POST", QStringLiteral("/v1/products"), m_keyA, R"({"name":{"en":"x"}})");
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.json()[u"error"][u"param"].toString(), QStringLiteral("gtin"));

        const NamReply badGtin = call("POST", QStringLiteral("/v1/products"), m_keyA,
                                      productBody(QStringLiteral("4006381333932")));
        QCOMPARE(badGtin.status, 422);
        QCOMPARE(badGtin.json()[u"error"][u"param"].toString(), QStringLiteral("gtin"));

        QVERIFY(!createProduct(kGtin).isEmpty());
        const NamReply duplicate = call("POST", QStringLiteral("/v1/products"), m_keyA,
                                        productBody(QStringLiteral("4006381333931")));
        QCOMPARE(duplicate.status, 409);
        QCOMPARE(duplicate.json()[u"error"][u"param"].toString(), QStringLiteral("gtin"));

        const QByteArray huge = "{\"gtin\":\"" + QByteArray(300 * 1024, 'x') + "\"}";
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), m_keyA, huge).status, 413);
        QCOMPARE(call("GET", QStringLiteral("/v1/nothing"), m_keyA).status, 404);
        const NamReply wrongMethod = call("PUT", QStringLiteral("/v1/products"), m_keyA, "{}");
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(wrongMethod.headers.value("allow").contains("POST"));

        // Passports: productId or gtin, exactly one.
        const NamReply both = call("POST", QStringLiteral("/v1/passports"), m_keyA,
                                   R"({"gtin":"4006381333931","productId":"x"})");
        QCOMPARE(both.status, 422);
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), m_keyA, "{}")
                     .json()[u"error"][u"param"]
                     .toString(),
                 QStringLiteral("productId"));
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), m_keyA, R"({"gtin":"123"})").status,
                 422);
        QCOMPARE(
            call("POST", QStringLiteral("/v1/passports"), m_keyA, R"({"gtin":"09506000134352"})")
                .status,
            404);
        const NamReply badKind = call("POST", QStringLiteral("/v1/passports"), m_keyA,
                                      R"({"gtin":"4006381333931","kind":"spaceship"})");
        QCOMPARE(badKind.status, 422);
        // The refused passport left no draft behind.
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1/passports").arg(kGtin), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 0);
    }

    void apiKeysShownOnceListedMaskedRevokedAtOnce()
    {
        const NamReply created = call("POST", QStringLiteral("/v1/auth/api-keys"), m_keyA,
                                      R"({"name":"ci","scopes":["products:read"]})");
        QCOMPARE(created.status, 201);
        const QString secret = created.json().value(u"key").toString();
        const QString id = created.json().value(u"id").toString();
        QVERIFY(secret.startsWith(u"sk_live_"));

        const NamReply listed = call("GET", QStringLiteral("/v1/auth/api-keys"), m_keyA);
        QCOMPARE(listed.status, 200);
        QVERIFY(!listed.body.contains(secret.toLatin1()));
        QVERIFY(listed.body.contains(secret.left(12).toLatin1()));

        // Also accepted as X-API-Key.
        QCOMPARE(
            call("GET", QStringLiteral("/v1/products"), {}, {}, {{"X-API-Key", secret.toLatin1()}})
                .status,
            200);
        QCOMPARE(call("GET", QStringLiteral("/v1/passports"), secret).status, 405);
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), secret, productBody(kGtin)).status,
                 403);

        QCOMPARE(call("DELETE", QStringLiteral("/v1/auth/api-keys/%1").arg(id), m_keyA).status,
                 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), secret).status, 401);

        const NamReply unknownScope = call("POST", QStringLiteral("/v1/auth/api-keys"), m_keyA,
                                           R"({"name":"x","scopes":["root"]})");
        QCOMPARE(unknownScope.status, 403);
        const NamReply noName = call("POST", QStringLiteral("/v1/auth/api-keys"), m_keyA,
                                     R"({"scopes":["products:read"]})");
        QCOMPARE(noName.status, 422);
        QCOMPARE(noName.json()[u"error"][u"param"].toString(), QStringLiteral("name"));
        const NamReply past =
            call("POST", QStringLiteral("/v1/auth/api-keys"), m_keyA,
                 R"({"name":"x","scopes":["products:read"],"expires_at":"2001-01-01T00:00:00Z"})");
        QCOMPARE(past.status, 422);
        // A key cannot grant more than it holds.
        const QString narrow = createKey(m_tenantA, {QStringLiteral("api_keys:manage")});
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/api-keys"), narrow,
                      R"({"name":"x","scopes":["products:write"]})")
                     .status,
                 403);
    }

    // Every route × (no key, wrong scope, revoked, expired, another tenant's key): 401, 403
    // or 404, and never tenant A's data.
    void authorizationMatrix()
    {
        const QString productId = createProduct(kGtin);
        QVERIFY(!productId.isEmpty());
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), m_keyA,
                      QJsonDocument(QJsonObject{{QStringLiteral("productId"), productId}}).toJson())
                     .status,
                 201);

        QString revokedId;
        const QString revoked = createKey(m_tenantA, passport::ApiKey::knownScopes(), &revokedId);
        QVERIFY(store::ApiKeyRepository(*m_db, m_tenantA).revoke(revokedId).ok());
        QString expiredId;
        const QString expired = createKey(m_tenantA, passport::ApiKey::knownScopes(), &expiredId);
        QSqlQuery q =
            m_db->prepare(QStringLiteral("UPDATE api_keys SET expires_at = :e WHERE id = :id"));
        q.bindValue(QStringLiteral(":e"),
                    QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs));
        q.bindValue(QStringLiteral(":id"), expiredId);
        QVERIFY(store::Database::exec(q).ok());

        const NamReply supplier = call("POST", QStringLiteral("/v1/suppliers"), m_keyA,
                                       R"({"name":"Glassworks","role":"packaging"})");
        QCOMPARE(supplier.status, 201);
        const QString supplierId = supplier.json().value(u"id").toString();
        const NamReply batch =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(productId), m_keyA,
                 R"({"lot":"L1","prefix":"SN","count":3})");
        QCOMPARE(batch.status, 201);
        const QString batchId = batch.json().value(u"id").toString();
        const NamReply unit =
            call("POST", QStringLiteral("/v1/products/%1/battery-units").arg(productId), m_keyA,
                 R"({"unique_identifier":"urn:test:unit-1","serial_number":"U1"})");
        QCOMPARE(unit.status, 201);
        const QString unitId = unit.json().value(u"id").toString();
        const NamReply doc = upload(productId, "doc.pdf", "%PDF-1.4 test");
        QCOMPARE(doc.status, 201);
        const QString docId = doc.json().value(u"id").toString();
        const NamReply tenantDoc =
            uploadTo(QStringLiteral("/v1/documents"), "policy.pdf", "%PDF-1.4 policy");
        QCOMPARE(tenantDoc.status, 201);
        const QString tenantDocId = tenantDoc.json().value(u"id").toString();
        const NamReply link =
            call("POST", QStringLiteral("/v1/products/%1/links").arg(productId), m_keyA,
                 QJsonDocument(QJsonObject{{QStringLiteral("link_type"), QStringLiteral("gs1:pip")},
                                           {QStringLiteral("href"),
                                            QStringLiteral("https://pip.example.com/1")},
                                           {QStringLiteral("title"), QStringLiteral("Info")}})
                     .toJson());
        QCOMPARE(link.status, 201);
        const QString linkId = link.json().value(u"id").toString();

        int checked = 0;
        for (const Route& route : m_server->routes().routes()) {
            if (route.isPublic)
                continue;
            QString path = route.path;
            path.replace(QStringLiteral("{product}"), productId);
            path.replace(QStringLiteral("{docId}"), docId);
            path.replace(QStringLiteral("{uid}"), unitId);
            path.replace(QStringLiteral("{link}"), linkId);
            path.replace(QStringLiteral("{supplierId}"), supplierId);
            path.replace(QStringLiteral("{serial}"), QStringLiteral("SN000001"));
            // An inbound webhook source is a per-tenant settings slot, not a record of A's:
            // tenant B reaching /v1/webhooks/ingest/datocms/… works on B's own settings.
            path.replace(QStringLiteral("{source}"), QStringLiteral("datocms"));
            path.replace(QStringLiteral("{id}"),
                         route.path.startsWith(u"/v1/suppliers")        ? supplierId
                         : route.path.startsWith(u"/v1/serial-batches") ? batchId
                         : route.path.startsWith(u"/v1/documents")      ? tenantDocId
                                                                        : m_keyAId);
            QVERIFY2(!path.contains(u'{'), qPrintable(route.path + u" needs a test value"));
            const QByteArray body =
                route.method == "GET" || route.method == "DELETE" ? QByteArray() : QByteArray("{}");
            const QString what = QString::fromLatin1(route.method) + u' ' + route.path;

            QCOMPARE(call(route.method, path, {}, body).status, 401);
            QCOMPARE(call(route.method, path, revoked, body).status, 401);
            QCOMPARE(call(route.method, path, expired, body).status, 401);
            QVERIFY2(!route.scope.isEmpty(), qPrintable(what + u" has no scope"));
            const QString otherScope = route.scope == u"links:read" ? QStringLiteral("links:write")
                                                                    : QStringLiteral("links:read");
            const QString wrongScope = createKey(m_tenantA, {otherScope});
            QCOMPARE(call(route.method, path, wrongScope, body).status, 403);

            const NamReply other = call(route.method, path, m_keyB, body);
            QVERIFY2(other.status < 500, qPrintable(what));
            if (route.path.contains(u'{') && !route.path.contains(u"{source}"))
                QVERIFY2(other.status == 404,
                         qPrintable(what + u" answered " + QString::number(other.status)));
            QVERIFY2(!other.body.contains(productId.toLatin1()) &&
                         !other.body.contains(kGtin.toLatin1()) &&
                         !other.body.contains(m_keyAId.toLatin1()) &&
                         !other.body.contains(supplierId.toLatin1()) &&
                         !other.body.contains(batchId.toLatin1()) &&
                         !other.body.contains(docId.toLatin1()) &&
                         !other.body.contains(tenantDocId.toLatin1()) &&
                         !other.body.contains("SN000001") &&
                         !other.body.contains(unitId.toLatin1()) &&
                         !other.body.contains(linkId.toLatin1()),
                     qPrintable(what + u" leaked: " + QString::fromUtf8(other.body.left(300))));
            ++checked;
        }
        QVERIFY(checked >= 12);
        // Tenant A's data is untouched by all of that.
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1").arg(productId), m_keyA).status, 200);
        QCOMPARE(
            call("GET", QStringLiteral("/v1/products/%1/passport").arg(productId), m_keyA).status,
            200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), m_keyA).status, 200);
    }

    void suppliersAndEprRegistrations()
    {
        const NamReply created = call("POST", QStringLiteral("/v1/suppliers"), m_keyA,
                                      R"({"name":"Glassworks","role":"packaging"})");
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        QCOMPARE(call("GET", QStringLiteral("/v1/suppliers/%1").arg(id), m_keyA)
                     .json()
                     .value(u"name")
                     .toString(),
                 QStringLiteral("Glassworks"));
        QCOMPARE(call("GET", QStringLiteral("/v1/suppliers"), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 1);
        const NamReply noRole =
            call("POST", QStringLiteral("/v1/suppliers"), m_keyA, R"({"name":"Glassworks"})");
        QCOMPARE(noRole.status, 422);
        QCOMPARE(noRole.json()[u"error"][u"param"].toString(), QStringLiteral("role"));

        const NamReply reg =
            call("POST", QStringLiteral("/v1/epr-registrations"), m_keyA,
                 R"({"member_state":"SK","regime":"battery","registration_number":"SK-123",)"
                 R"("producer_name":"Acme","compliance_route":"individual"})");
        QCOMPARE(reg.status, 201);
        const NamReply badReg = call("POST", QStringLiteral("/v1/epr-registrations"), m_keyA,
                                     R"({"member_state":"XX","regime":"battery"})");
        QCOMPARE(badReg.status, 422);
        QVERIFY(!badReg.json()[u"error"][u"param"].toString().isEmpty());
        QCOMPARE(call("GET", QStringLiteral("/v1/epr-registrations"), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 1);
        const NamReply sections = call("GET", QStringLiteral("/v1/section-info"), {});
        QCOMPARE(sections.status, 200);
        QVERIFY(!sections.json().value(u"fields").toArray().isEmpty());
    }

    void serialBatches()
    {
        QVERIFY(!createProduct(kGtin).isEmpty());
        const NamReply created =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"lot":"L7","prefix":"SN","start":1,"count":5,"width":3})");
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        QCOMPARE(created.json()[u"states"][u"available"].toInt(), 5);

        const NamReply assigned =
            call("POST", QStringLiteral("/v1/serial-batches/%1/assign").arg(id), m_keyA,
                 R"({"count":2})");
        QCOMPARE(assigned.status, 200);
        QCOMPARE(assigned.json().value(u"serials").toArray().size(), 2);
        const NamReply got = call("GET", QStringLiteral("/v1/serial-batches/%1").arg(id), m_keyA);
        QCOMPARE(got.json()[u"states"][u"assigned"].toInt(), 2);
        QCOMPARE(got.json()[u"states"][u"available"].toInt(), 3);

        const NamReply manifest =
            call("GET", QStringLiteral("/v1/serial-batches/%1/manifest.csv").arg(id), m_keyA);
        QCOMPARE(manifest.status, 200);
        QCOMPARE(manifest.body.count("\r\n"), 6);
        QVERIFY(manifest.body.contains("04006381333931,L7,SN001,"));
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 1);
        // Same serials again for the product: refused, nothing stored.
        const NamReply again =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"lot":"L8","prefix":"SN","start":1,"count":5,"width":3})");
        QVERIFY2(again.status == 409 || again.status == 422, again.body.constData());
        const NamReply noCount =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"prefix":"SN"})");
        QCOMPARE(noCount.status, 422);
        QCOMPARE(noCount.json()[u"error"][u"param"].toString(), QStringLiteral("count"));
        QCOMPARE(call("POST", QStringLiteral("/v1/serial-batches/%1/assign").arg(id), m_keyA,
                      R"({"count":"x"})")
                     .json()[u"error"][u"param"]
                     .toString(),
                 QStringLiteral("count"));
    }

    void documents()
    {
        QVERIFY(!createProduct(kGtin).isEmpty());
        const NamReply created = upload(kGtin, "doc.pdf", "%PDF-1.4 hello");
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        const NamReply listed =
            call("GET", QStringLiteral("/v1/products/%1/documents").arg(kGtin), m_keyA);
        QCOMPARE(listed.json().value(u"data").toArray().size(), 1);
        const NamReply bytes =
            call("GET", QStringLiteral("/v1/products/%1/documents/%2").arg(kGtin, id), m_keyA);
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, QByteArray("%PDF-1.4 hello"));
        QCOMPARE(bytes.headers.value("content-type"), QByteArray("application/pdf"));

        QCOMPARE(upload(kGtin, "../etc/passwd", "x").status, 422);
        const NamReply badType = upload(kGtin, "a.pdf", "x", QStringLiteral("nonsense"));
        QCOMPARE(badType.status, 422);
        QCOMPARE(badType.json()[u"error"][u"param"].toString(), QStringLiteral("doc_type"));
        const NamReply notMultipart =
            call("POST", QStringLiteral("/v1/products/%1/documents").arg(kGtin), m_keyA, "{}");
        QCOMPARE(notMultipart.status, 400);
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1/documents").arg(kGtin), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 1);

        QCOMPARE(
            call("DELETE", QStringLiteral("/v1/products/%1/documents/%2").arg(kGtin, id), m_keyA)
                .status,
            200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1/documents/%2").arg(kGtin, id), m_keyA)
                     .status,
                 404);
    }

    // One serial's state: read, one step forward, the same state again (no change, no
    // journal row), refused steps naming the allowed ones, compare-and-set with "from".
    void serialState()
    {
        QVERIFY(!createProduct(kGtin).isEmpty());
        const NamReply batch =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"lot":"L1","prefix":"SN","count":3})");
        QCOMPARE(batch.status, 201);
        const QString path = QStringLiteral("/v1/serial-batches/%1/serials/")
                                 .arg(batch.json().value(u"id").toString());
        const QString one = path + QStringLiteral("SN000001");

        const NamReply got = call("GET", one, m_keyA);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json().value(u"state").toString(), QStringLiteral("available"));
        QCOMPARE(got.json().value(u"product").toString(), kGtin);
        QCOMPARE(got.json().value(u"batch_id").toString(), batch.json().value(u"id").toString());

        const qint64 before = journalRows(QStringLiteral("serial"));
        const NamReply assigned = call("PATCH", one, m_keyA, R"({"state":"assigned"})");
        QCOMPARE(assigned.status, 200);
        QCOMPARE(assigned.json().value(u"state").toString(), QStringLiteral("assigned"));
        QCOMPARE(assigned.json().value(u"changed").toBool(), true);
        QCOMPARE(journalRows(QStringLiteral("serial")), before + 1);
        // The state it has already: 200, nothing written (no second webhook either).
        const NamReply again = call("PATCH", one, m_keyA, R"({"state":"assigned"})");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"changed").toBool(), false);
        QCOMPARE(journalRows(QStringLiteral("serial")), before + 1);

        // Skipping a step: 422 naming state and what is allowed from here.
        const NamReply skip = call("PATCH", one, m_keyA, R"({"state":"activated"})");
        QCOMPARE(skip.status, 422);
        QCOMPARE(skip.json()[u"error"][u"param"].toString(), QStringLiteral("state"));
        const QString why = skip.json()[u"error"][u"message"].toString();
        QVERIFY2(why.contains(u"printed") && why.contains(u"decommissioned"), qPrintable(why));
        for (const QByteArray& bad :
             {QByteArray(R"({"state":"sold"})"), QByteArray("{}"), QByteArray(R"({"state":5})"),
              QByteArray(R"({"state":"printed","from":3})")}) {
            const NamReply r = call("PATCH", one, m_keyA, bad);
            QCOMPARE(r.status, 422);
            QCOMPARE(r.json()[u"error"][u"param"].toString(),
                     bad.contains("from") ? QStringLiteral("from") : QStringLiteral("state"));
        }
        QCOMPARE(call("PATCH", one, m_keyA, "{state").status, 400);

        // Compare-and-set: a stale "from" is 412 with the serial as it is; nothing changes.
        const NamReply stale =
            call("PATCH", one, m_keyA, R"({"state":"printed","from":"available"})");
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.json()[u"error"][u"code"].toString(), QStringLiteral("version_mismatch"));
        QCOMPARE(stale.json()[u"current"][u"state"].toString(), QStringLiteral("assigned"));
        QCOMPARE(call("GET", one, m_keyA).json().value(u"state").toString(),
                 QStringLiteral("assigned"));
        QCOMPARE(journalRows(QStringLiteral("serial")), before + 1);
        QCOMPARE(call("PATCH", one, m_keyA, R"({"state":"printed","from":"assigned"})").status,
                 200);
        // Decommissioned is final.
        QCOMPARE(call("PATCH", one, m_keyA, R"({"state":"decommissioned"})").status, 200);
        const NamReply finalState = call("PATCH", one, m_keyA, R"({"state":"activated"})");
        QCOMPARE(finalState.status, 422);
        QVERIFY(finalState.json()[u"error"][u"message"].toString().contains(u"final"));
        QCOMPARE(journalRows(QStringLiteral("serial")), before + 3);

        // Unknown serial, unknown batch, another tenant: 404.
        QCOMPARE(call("GET", path + QStringLiteral("NOPE"), m_keyA).status, 404);
        QCOMPARE(
            call("PATCH", path + QStringLiteral("NOPE"), m_keyA, R"({"state":"assigned"})").status,
            404);
        QCOMPARE(
            call("GET", QStringLiteral("/v1/serial-batches/nope/serials/SN000001"), m_keyA).status,
            404);
        QCOMPARE(call("PATCH", path + QStringLiteral("SN000002"), m_keyB, R"({"state":"assigned"})")
                     .status,
                 404);
        QCOMPARE(call("GET", path + QStringLiteral("SN000002"), m_keyA).json()[u"state"].toString(),
                 QStringLiteral("available"));

        // Many at once (what sync sends for an assignment): all or nothing, one journal row.
        const QString many = path.chopped(1);
        const qint64 rows = journalRows(QStringLiteral("serial"));
        const NamReply both = call("PATCH", many, m_keyA,
                                   R"({"serials":["SN000002","SN000003"],"state":"assigned",)"
                                   R"("from":"available"})");
        QCOMPARE(both.status, 200);
        QCOMPARE(both.json().value(u"changed").toArray().size(), 2);
        QCOMPARE(journalRows(QStringLiteral("serial")), rows + 1);
        const NamReply none = call("PATCH", many, m_keyA,
                                   R"({"serials":["SN000002","SN000003"],"state":"assigned",)"
                                   R"("from":"available"})");
        QCOMPARE(none.status, 200);
        QCOMPARE(none.json().value(u"changed").toArray().size(), 0);
        QCOMPARE(journalRows(QStringLiteral("serial")), rows + 1);
        // SN000001 is decommissioned: the whole request is 412 and SN000002 stays assigned.
        const NamReply mixed = call("PATCH", many, m_keyA,
                                    R"({"serials":["SN000002","SN000001"],"state":"printed",)"
                                    R"("from":"assigned"})");
        QCOMPARE(mixed.status, 412);
        QCOMPARE(mixed.json()[u"current"][u"serial"].toString(), QStringLiteral("SN000001"));
        QCOMPARE(mixed.json()[u"current"][u"state"].toString(), QStringLiteral("decommissioned"));
        QCOMPARE(call("GET", path + QStringLiteral("SN000002"), m_keyA).json()[u"state"].toString(),
                 QStringLiteral("assigned"));
        const QList<QPair<QByteArray, QString>> badMany = {
            {R"({"serials":[],"state":"printed","from":"assigned"})", "serials"},
            {R"({"serials":[5],"state":"printed","from":"assigned"})", "serials[0]"},
            {R"({"serials":["SN000002"],"state":"printed"})", "from"},
            {R"({"serials":["SN000002"],"state":"activated","from":"assigned"})", "state"}};
        for (const auto& [bad, param] : badMany) {
            const NamReply r = call("PATCH", many, m_keyA, bad);
            QCOMPARE(r.status, 422);
            QCOMPARE(r.json()[u"error"][u"param"].toString(), param);
        }
        const NamReply unknown = call("PATCH", many, m_keyA,
                                      R"({"serials":["SN000002","NOPE"],"state":"printed",)"
                                      R"("from":"assigned"})");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.json()[u"error"][u"param"].toString(), QStringLiteral("serials[1]"));
        QCOMPARE(journalRows(QStringLiteral("serial")), rows + 1);

        // A serial with a "/" (allowed in AI 21) is one path segment, percent-encoded.
        const NamReply slashed =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"lot":"L2","serials":["A/1"]})");
        QCOMPARE(slashed.status, 201);
        const NamReply a1 = call(
            "PATCH", u"/v1/serial-batches/" + slashed.json()[u"id"].toString() + u"/serials/A%2F1",
            m_keyA, R"({"state":"assigned"})");
        QCOMPARE(a1.status, 200);
        QCOMPARE(a1.json().value(u"serial").toString(), QStringLiteral("A/1"));
    }

    // Documents of no product: upload, list (only those), download, delete; errors name
    // the field and leave the store unchanged; another tenant sees nothing.
    void tenantWideDocuments()
    {
        QVERIFY(!createProduct(kGtin).isEmpty());
        QCOMPARE(upload(kGtin, "product.pdf", "%PDF-1.4 product").status, 201);
        const QString productDocId =
            call("GET", QStringLiteral("/v1/products/%1/documents").arg(kGtin), m_keyA)
                .json()[u"data"][0][u"id"]
                .toString();
        const NamReply created = uploadTo(QStringLiteral("/v1/documents"), "iso9001.pdf",
                                          "%PDF-1.4 certificate", QStringLiteral("certificate"));
        QVERIFY2(created.status == 201, created.body.constData());
        QVERIFY(!created.json().contains(u"product_id"));
        const QString id = created.json().value(u"id").toString();

        const auto listed = [&](const QString& key) {
            return call("GET", QStringLiteral("/v1/documents"), key).json()[u"data"].toArray();
        };
        QCOMPARE(listed(m_keyA).size(), 1);
        QCOMPARE(listed(m_keyA).first()[u"id"].toString(), id);
        const NamReply bytes = call("GET", QStringLiteral("/v1/documents/") + id, m_keyA);
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, QByteArray("%PDF-1.4 certificate"));
        QVERIFY(bytes.headers.value("content-disposition").contains("iso9001.pdf"));
        // A product's document stays under its product.
        QCOMPARE(call("GET", QStringLiteral("/v1/documents/") + productDocId, m_keyA).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/documents/") + productDocId, m_keyA).status,
                 404);

        // Errors name the field; nothing is stored.
        const NamReply noFile = uploadTo(QStringLiteral("/v1/documents"), "a.pdf", "x",
                                         QStringLiteral("certificate"), "attachment");
        QCOMPARE(noFile.status, 422);
        QCOMPARE(noFile.json()[u"error"][u"param"].toString(), QStringLiteral("file"));
        const NamReply badType =
            uploadTo(QStringLiteral("/v1/documents"), "a.pdf", "x", QStringLiteral("nonsense"));
        QCOMPARE(badType.status, 422);
        QCOMPARE(badType.json()[u"error"][u"param"].toString(), QStringLiteral("doc_type"));
        QCOMPARE(uploadTo(QStringLiteral("/v1/documents"), "../x.pdf", "x").status, 422);
        QCOMPARE(call("POST", QStringLiteral("/v1/documents"), m_keyA, "{}").status, 400);
        QCOMPARE(listed(m_keyA).size(), 1);

        // Another tenant: an empty list, 404 for the id.
        QCOMPARE(listed(m_keyB).size(), 0);
        QCOMPARE(call("GET", QStringLiteral("/v1/documents/") + id, m_keyB).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/documents/") + id, m_keyB).status, 404);

        QCOMPARE(call("DELETE", QStringLiteral("/v1/documents/") + id, m_keyA).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/documents/") + id, m_keyA).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/documents/") + id, m_keyA).status, 404);
        QCOMPARE(listed(m_keyA).size(), 0);
        // The product's document is untouched.
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1/documents").arg(kGtin), m_keyA)
                     .json()[u"data"]
                     .toArray()
                     .size(),
                 1);
    }

    void bulkCsv()
    {
        const NamReply tmpl = call("GET", QStringLiteral("/v1/template.csv"), m_keyA);
        QCOMPARE(tmpl.status, 200);
        QVERIFY(tmpl.body.startsWith("gtin,"));
        const QByteArray csv = "gtin,name.en\r\n4006381333931,Riesling\r\n"
                               "4006381333932,Bad check digit\r\n09506000134352,Other\r\n";
        const QByteArray body = "--B\r\nContent-Disposition: form-data; name=\"file\"; "
                                "filename=\"p.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
                                csv + "\r\n--B--\r\n";
        const NamReply report = call("POST", QStringLiteral("/v1/products/batch"), m_keyA, body,
                                     {{"Content-Type", "multipart/form-data; boundary=B"}});
        QCOMPARE(report.status, 200);
        QCOMPARE(report.json().value(u"created").toInt(), 2);
        QCOMPARE(report.json().value(u"skipped").toInt(), 1);
        QCOMPARE(report.json().value(u"errors").toArray().size(), 1);
        QCOMPARE(call("GET", QStringLiteral("/v1/products/9506000134352"), m_keyA).status, 200);
    }

    void batteryUnits()
    {
        QVERIFY(!createProduct(kGtin).isEmpty());
        const NamReply created =
            call("POST", QStringLiteral("/v1/products/%1/battery-units").arg(kGtin), m_keyA,
                 R"({"unique_identifier":"urn:test:unit-9","serial_number":"U9","lot":"L1"})");
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        QCOMPARE(call("GET", QStringLiteral("/v1/battery-units/urn:test:unit-9"), m_keyA)
                     .json()
                     .value(u"id")
                     .toString(),
                 id);
        const NamReply patched = call("PATCH", QStringLiteral("/v1/battery-units/%1").arg(id),
                                      m_keyA, R"({"status":"repurposed"})");
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(u"status").toString(), QStringLiteral("repurposed"));
        const NamReply badStatus = call("PATCH", QStringLiteral("/v1/battery-units/%1").arg(id),
                                        m_keyA, R"({"status":"exploded"})");
        QCOMPARE(badStatus.status, 422);
        QCOMPARE(call("POST", QStringLiteral("/v1/battery-units/%1/soh").arg(id), m_keyA,
                      R"({"state_of_health_pct":93.5,"cycle_count":120})")
                     .status,
                 201);
        const NamReply noSoh = call("POST", QStringLiteral("/v1/battery-units/%1/soh").arg(id),
                                    m_keyA, R"({"cycle_count":1})");
        QCOMPARE(noSoh.json()[u"error"][u"param"].toString(),
                 QStringLiteral("state_of_health_pct"));
        QCOMPARE(call("GET", QStringLiteral("/v1/battery-units/%1/soh").arg(id), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(call("POST", QStringLiteral("/v1/battery-units/%1/events").arg(id), m_keyA,
                      R"({"type":"repaired","description":"new cell"})")
                     .status,
                 201);
        QCOMPARE(call("POST", QStringLiteral("/v1/battery-units/%1/events").arg(id), m_keyA,
                      R"({"type":"teleported"})")
                     .status,
                 422);
        QCOMPARE(call("GET", QStringLiteral("/v1/products/%1/battery-units").arg(kGtin), m_keyA)
                     .json()
                     .value(u"data")
                     .toArray()
                     .size(),
                 1);
    }

    void zipArchives()
    {
        QVERIFY(!createProduct(kGtin).isEmpty());
        const NamReply list = call("POST", QStringLiteral("/v1/codes/zip"), m_keyA,
                                   R"({"gtins":["4006381333931","9506000134352"],"format":"qr"})");
        QCOMPARE(list.status, 200);
        QVERIFY(list.body.startsWith("PK\x03\x04"));
        QVERIFY(list.body.contains("manifest.csv"));
        QVERIFY(list.body.contains("04006381333931_qr.svg"));
        const NamReply badGtin =
            call("POST", QStringLiteral("/v1/codes/zip"), m_keyA, R"({"gtins":["4006381333932"]})");
        QCOMPARE(badGtin.status, 422);
        QVERIFY(badGtin.json()[u"error"][u"param"].toString().startsWith(u"gtin"));

        const NamReply serials =
            call("POST", QStringLiteral("/v1/codes/serials.zip"), m_keyA,
                 R"({"gtin":"4006381333931","batch":"L1","prefix":"SN","start":1,"count":3,)"
                 R"("format":"both"})");
        QCOMPARE(serials.status, 200);
        QVERIFY(serials.body.startsWith("PK\x03\x04"));
        const NamReply tooMany = call("POST", QStringLiteral("/v1/codes/serials.zip"), m_keyA,
                                      R"({"gtin":"4006381333931","prefix":"SN","count":10001})");
        QCOMPARE(tooMany.status, 422);
        QCOMPARE(tooMany.json()[u"error"][u"param"].toString(), QStringLiteral("count"));
        const NamReply badFormat =
            call("POST", QStringLiteral("/v1/codes/serials.zip"), m_keyA,
                 R"({"gtin":"4006381333931","prefix":"SN","count":1,"format":"gif"})");
        QCOMPARE(badFormat.json()[u"error"][u"param"].toString(), QStringLiteral("format"));

        const NamReply batch =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(kGtin), m_keyA,
                 R"({"lot":"L2","prefix":"B","count":2})");
        QCOMPARE(batch.status, 201);
        const NamReply codes =
            call("GET",
                 QStringLiteral("/v1/serial-batches/%1/codes.zip?format=datamatrix")
                     .arg(batch.json().value(u"id").toString()),
                 m_keyA);
        QCOMPARE(codes.status, 200);
        QVERIFY(codes.body.startsWith("PK\x03\x04"));
    }

    // DPP.GS flow by GTIN: battery product with materials → patch → document → serial batch
    // → ZIP → battery units → EPR exports.
    void dppgsFlowByGtin()
    {
        QFile seed(test::sourceDir() + QStringLiteral("/resources/samples/seed.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QJsonObject battery;
        for (const auto& v : QJsonDocument::fromJson(seed.readAll())[u"products"].toArray())
            if (v[u"product"][u"category"].toString() == u"battery")
                battery = v[u"product"].toObject();
        QVERIFY(!battery.isEmpty());
        QVERIFY(!battery.value(u"materials").toArray().isEmpty());
        const QString gtin = battery.value(u"gtin").toString();
        const QString gtin13 = gtin.mid(1);

        const NamReply created =
            call("POST", QStringLiteral("/v1/products"), m_keyA, QJsonDocument(battery).toJson());
        QCOMPARE(created.status, 201);
        QVERIFY(created.json().contains(u"battery"));
        QCOMPARE(call("PATCH", QStringLiteral("/v1/products/%1").arg(gtin13), m_keyA,
                      R"({"warranty_years":9})")
                     .json()
                     .value(u"warranty_years")
                     .toInt(),
                 9);
        QCOMPARE(upload(gtin13, "doc.pdf", "%PDF-1.4 DoC").status, 201);
        const NamReply batch =
            call("POST", QStringLiteral("/v1/products/%1/serial-batches").arg(gtin13), m_keyA,
                 R"({"lot":"LOT2026A","prefix":"BAT","count":3})");
        QCOMPARE(batch.status, 201);
        const NamReply zip = call("GET",
                                  QStringLiteral("/v1/serial-batches/%1/codes.zip")
                                      .arg(batch.json().value(u"id").toString()),
                                  m_keyA);
        QCOMPARE(zip.status, 200);
        for (int i = 1; i <= 2; ++i)
            QCOMPARE(
                call("POST", QStringLiteral("/v1/products/%1/battery-units").arg(gtin13), m_keyA,
                     QStringLiteral(R"({"unique_identifier":"urn:u:%1","serial_number":"BAT%1"})")
                         .arg(i)
                         .toUtf8())
                    .status,
                201);
        QCOMPARE(call("POST", QStringLiteral("/v1/epr-registrations"), m_keyA,
                      R"({"member_state":"SK","regime":"battery","registration_number":"SK-B-1",)"
                      R"("producer_name":"Acme","compliance_route":"individual"})")
                     .status,
                 201);

        const NamReply json =
            call("GET", QStringLiteral("/v1/epr-export/batteries?format=json&country=SK"), m_keyA);
        QCOMPARE(json.status, 200);
        QCOMPARE(json.json().value(u"registration_number").toString(), QStringLiteral("SK-B-1"));
        const QJsonArray items = json.json().value(u"items").toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0][u"gtin"].toString(), gtin);
        QCOMPARE(items[0][u"units"].toInt(), 2);
        const NamReply csv = call("GET", QStringLiteral("/v1/epr-export/batteries"), m_keyA);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.body.startsWith("gtin,name,brand,battery_category"));
        QVERIFY(csv.body.contains(gtin.toLatin1()));
        const NamReply asekol =
            call("GET", QStringLiteral("/v1/epr-export/batteries?format=asekol&from=2000-01-01"),
                 m_keyA);
        QCOMPARE(asekol.status, 200);
        QVERIFY(asekol.body.startsWith("EAN;"));
        const NamReply mzp = call(
            "GET",
            QStringLiteral("/v1/epr-export/batteries?format=mzp-sr&from=2000-01-01&to=2099-12-31"
                           "&country=SK"),
            m_keyA);
        QCOMPARE(mzp.status, 200);
        QVERIFY(mzp.body.contains(";SK-B-1;"));
        QVERIFY(mzp.body.contains(";2;"));
        // Nothing registered in a period before the units existed.
        QCOMPARE(call("GET", QStringLiteral("/v1/epr-export/batteries?format=json&to=2001-01-01"),
                      m_keyA)
                     .json()
                     .value(u"items")
                     .toArray()
                     .at(0)[u"units"]
                     .toInt(),
                 0);
        QCOMPARE(call("GET", QStringLiteral("/v1/epr-export/batteries?format=pdf"), m_keyA)
                     .json()[u"error"][u"param"]
                     .toString(),
                 QStringLiteral("format"));
        QCOMPARE(call("GET", QStringLiteral("/v1/epr-export/batteries?from=2024-13-01"), m_keyA)
                     .json()[u"error"][u"param"]
                     .toString(),
                 QStringLiteral("from"));
        const NamReply doc = call(
            "GET", QStringLiteral("/v1/products/%1/declaration-of-conformity").arg(gtin13), m_keyA);
        QCOMPARE(doc.status, 200);
        QVERIFY(doc.json().value(u"annex").toString().contains(u"Annex IX"));
        QCOMPARE(doc.json().value(u"documents").toArray().size(), 1);
        QVERIFY(doc.json()
                    .value(u"legislation")
                    .toArray()
                    .contains(QStringLiteral("Regulation (EU) 2023/1542 (batteries)")));
        const NamReply html = call(
            "GET",
            QStringLiteral("/v1/products/%1/declaration-of-conformity?format=html").arg(gtin13),
            m_keyA);
        QCOMPARE(html.status, 200);
        QVERIFY(html.headers.value("content-type").startsWith("text/html"));
        QVERIFY(html.headers.contains("content-security-policy"));
        QVERIFY(html.body.contains("Annex IX"));
        QCOMPARE(
            call("GET",
                 QStringLiteral("/v1/products/%1/declaration-of-conformity?format=pdf").arg(gtin13),
                 m_keyA)
                .status,
            422);

        const NamReply units =
            call("GET", QStringLiteral("/v1/epr-export/battery-units?format=json&status=original"),
                 m_keyA);
        QCOMPARE(units.status, 200);
        QCOMPARE(units.json().value(u"items").toArray().size(), 2);
        QCOMPARE(
            call("GET", QStringLiteral("/v1/epr-export/battery-units?status=lost"), m_keyA).status,
            422);
    }

    void openApiDocumentsEveryRoute()
    {
        const NamReply doc = call("GET", QStringLiteral("/openapi.json"), {});
        QCOMPARE(doc.status, 200);
        const QJsonObject paths = doc.json().value(u"paths").toObject();
        for (const Route& route : m_server->routes().routes()) {
            const QJsonObject ops = paths.value(route.path).toObject();
            QVERIFY2(ops.contains(QString::fromLatin1(route.method).toLower()),
                     qPrintable(route.path));
        }
        // The whole served document through the npm OpenAPI validator (as tst_openapi does
        // for the foundation's routes); only on the first backend, the document is the same.
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString toolDir = test::sourceDir() + QStringLiteral("/tests/node");
        if (node.isEmpty() ||
            !QFile::exists(toolDir + QStringLiteral("/node_modules/@apidevtools/swagger-parser")))
            QSKIP("node or the OpenAPI validator is missing (tests/node/install.sh)");
        QTemporaryFile file(QDir::tempPath() + QStringLiteral("/openapi-XXXXXX.json"));
        QVERIFY(file.open());
        file.write(doc.body);
        file.close();
        QProcess validator;
        validator.setWorkingDirectory(toolDir);
        validator.start(node, {toolDir + QStringLiteral("/validate-openapi.mjs"), file.fileName()});
        QVERIFY(validator.waitForFinished(60000));
        const QByteArray out = validator.readAllStandardOutput() + validator.readAllStandardError();
        QVERIFY2(validator.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("valid: OpenAPI 3.1.0"), out.constData());
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestApi>(argc, argv);
}

#include "tst_api.moc"
