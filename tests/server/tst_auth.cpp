// Accounts, sessions, login throttling, roles and OAuth2 PKCE against the real server on a
// free loopback port with a real store (a temporary SQLite file, then a fresh PostgreSQL
// database when DPP_TEST_PG_URL is set), driven with QNetworkAccessManager.
#include "httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkCookieJar>
#include <QRegularExpression>
#include <QUrlQuery>
#include <passport/passwordhash.h>
#include <passport/rolepolicy.h>
#include <passport/secrettoken.h>
#include <server/apiroutes.h>
#include <server/clientaddress.h>
#include <server/loginthrottle.h>
#include <server/oauthservice.h>
#include <server/server.h>
#include <store/credentialrepository.h>
#include <store/tenantrepository.h>
#include <store/userrepository.h>

using namespace dpp;
using namespace dpp::server;
using dpp::test::NamReply;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
const QString kRedirect = QStringLiteral("http://127.0.0.1:9/callback");

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray form(const QList<QPair<QString, QString>>& fields)
{
    QByteArray out;
    for (const auto& [k, v] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return out;
}

QByteArray productBody(const QString& gtin)
{
    return json({{QStringLiteral("gtin"), gtin},
                 {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), QStringLiteral("P")}}},
                 {QStringLiteral("category"), QStringLiteral("other")}});
}

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

public:
    explicit TestAuth(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QString m_location;
    std::shared_ptr<store::Database> m_db;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QString m_url;

    std::unique_ptr<Server> startServer(std::shared_ptr<store::Database> db,
                                        const QString& trustedProxy = {})
    {
        ServerConfig config;
        if (!trustedProxy.isEmpty())
            config.trustedProxies.append(*ClientAddress::parseSubnet(trustedProxy));
        config.host = QHostAddress::LocalHost;
        config.port = 0;
        config.rateLimitPerMinute = 0;
        auto server = std::make_unique<Server>(config);
        server->setLogSink([](const QString&) {});
        ApiContext context;
        context.db = std::move(db);
        context.baseUrl = [] { return QStringLiteral("https://id.example.com"); };
        if (!ApiRoutes::install(*server, context).ok() || !server->start().ok())
            return {};
        return server;
    }

    // Never follows redirects: the OAuth2 test reads the 302 itself.
    NamReply send(const QByteArray& method, const QString& url, const QString& token,
                  const QByteArray& body = {}, const QByteArray& contentType = "application/json",
                  const QByteArray& forwardedFor = {})
    {
        QNetworkRequest request{QUrl(url)};
        if (!forwardedFor.isEmpty())
            request.setRawHeader("X-Forwarded-For", forwardedFor);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply* reply = m_nam->sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        NamReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        for (const auto& [k, v] : reply->rawHeaderPairs())
            r.headers.insert(k.toLower(), v);
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }

    NamReply call(const QByteArray& method, const QString& path, const QString& token,
                  const QByteArray& body = {})
    {
        return send(method, m_url + path, token, body);
    }

    QJsonObject registerAccount(const QString& company, const QString& email)
    {
        const NamReply r = call("POST", QStringLiteral("/v1/auth/register"), {},
                                json({{QStringLiteral("company_name"), company},
                                      {QStringLiteral("email"), email},
                                      {QStringLiteral("password"), kPassword},
                                      {QStringLiteral("gcp"), QStringLiteral("4006381")}}));
        return r.status == 201 ? r.json() : QJsonObject();
    }

    QString login(const QString& email, const QString& password = kPassword)
    {
        const NamReply r =
            call("POST", QStringLiteral("/v1/auth/login"), {},
                 json({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}));
        return r.status == 200 ? r.json().value(u"session_token").toString() : QString();
    }

    int tenantCount() { return int(store::TenantRepository(*m_db).list().size()); }

private Q_SLOTS:
    void init()
    {
        QString why;
        m_location = m_test.create(&why);
        if (m_location.isEmpty())
            QSKIP(qPrintable(why));
        auto db = store::Database::open(m_location);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = *db;
        m_server = startServer(m_db);
        QVERIFY(m_server);
        m_url = m_server->listenUrl();
        m_nam = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
        m_db.reset();
        m_test.drop();
    }

    // register → login → use session → create key via session → key works → revoke → 401.
    void registerLoginAndKeys()
    {
        const QJsonObject reg =
            registerAccount(QStringLiteral("Acme Wines"), QStringLiteral("Anna@Acme.example"));
        QVERIFY(!reg.isEmpty());
        QVERIFY(reg.value(u"api_key").toString().startsWith(u"sk_live_"));
        QCOMPARE(reg[u"user"][u"role"].toString(), QStringLiteral("tenant_admin"));
        QCOMPARE(reg[u"user"][u"email"].toString(), QStringLiteral("anna@acme.example"));
        QCOMPARE(reg[u"tenant"][u"gcps"].toArray().first().toString(), QStringLiteral("4006381"));
        // The registration key works at once, and the password is stored as argon2id only.
        QCOMPARE(
            call("GET", QStringLiteral("/v1/products"), reg.value(u"api_key").toString()).status,
            200);
        const auto account =
            store::CredentialRepository::findByEmail(*m_db, QStringLiteral("anna@acme.example"));
        QVERIFY(account);
        QVERIFY(account->passwordHash.startsWith(u"$argon2id$"));
        QVERIFY(!account->passwordHash.contains(kPassword));

        const NamReply in =
            call("POST", QStringLiteral("/v1/auth/login"), {},
                 json({{QStringLiteral("email"), QStringLiteral("ANNA@acme.example")},
                       {QStringLiteral("password"), kPassword}}));
        QCOMPARE(in.status, 200);
        const QString session = in.json().value(u"session_token").toString();
        const QString sessionKey = in.json().value(u"api_key").toString();
        QVERIFY(session.startsWith(u"ses_"));
        QVERIFY(sessionKey.startsWith(u"sk_live_"));
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), session).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), sessionKey).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), session + u'x').status, 401);

        const NamReply created =
            call("POST", QStringLiteral("/v1/auth/api-keys"), session,
                 json({{QStringLiteral("name"), QStringLiteral("ERP")},
                       {QStringLiteral("scopes"), QJsonArray{QStringLiteral("products:read")}}}));
        QCOMPARE(created.status, 201);
        const QString key = created.json().value(u"key").toString();
        const QString keyId = created.json().value(u"id").toString();
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), key).status, 200);
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), key,
                      productBody(QStringLiteral("04006381333931")))
                     .status,
                 403);
        const NamReply listed = call("GET", QStringLiteral("/v1/auth/api-keys"), session);
        QCOMPARE(listed.status, 200);
        QVERIFY(!listed.body.contains(key.toLatin1()));
        QVERIFY(listed.body.contains(key.left(12).toLatin1())); // masked: the prefix only
        QCOMPARE(call("DELETE", QStringLiteral("/v1/auth/api-keys/%1").arg(keyId), session).status,
                 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), key).status, 401);

        // An expired session is refused like an unknown one.
        const QString stale = login(QStringLiteral("anna@acme.example"));
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), stale).status, 200);
        QSqlQuery age = m_db->prepare(
            QStringLiteral("UPDATE sessions SET expires_at = :e WHERE token_hash = :h"));
        age.bindValue(QStringLiteral(":e"),
                      QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODateWithMs));
        age.bindValue(QStringLiteral(":h"), passport::SecretToken::hash(stale));
        QVERIFY(store::Database::exec(age).ok());
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), stale).status, 401);

        // Logout ends the session and the key handed out with it; a second logout is a 401.
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/logout"), session).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), session).status, 401);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), sessionKey).status, 401);
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/logout"), session).status, 401);
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/logout"), {}).status, 401);
    }

    // Scale-out: a session made through one server works on another on the same database,
    // and a logout through the second ends it on the first at the next request.
    void sessionsAcrossServers()
    {
        QVERIFY(
            !registerAccount(QStringLiteral("Acme"), QStringLiteral("a@acme.example")).isEmpty());
        const QString session = login(QStringLiteral("a@acme.example"));
        QVERIFY(!session.isEmpty());
        auto otherDb = store::Database::open(m_location);
        QVERIFY(otherDb.ok());
        auto other = startServer(*otherDb);
        QVERIFY(other);
        QCOMPARE(send("GET", other->listenUrl() + u"/v1/products", session).status, 200);
        QCOMPARE(send("POST", other->listenUrl() + u"/v1/auth/logout", session).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), session).status, 401);
    }

    void registerRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("param");
        const auto body = [](const QString& company, const QString& email, const QString& pw,
                             const QJsonValue& gcp) {
            QJsonObject o{{QStringLiteral("company_name"), company},
                          {QStringLiteral("email"), email},
                          {QStringLiteral("password"), pw}};
            if (!gcp.isUndefined())
                o.insert(QStringLiteral("gcp"), gcp);
            return json(o);
        };
        const QString ok = QStringLiteral("4006381");
        QTest::newRow("short password")
            << body("B", "b@b.example", "1234567", ok) << 422 << "password";
        QTest::newRow("bad email") << body("B", "b.example", kPassword, ok) << 422 << "email";
        QTest::newRow("gcp letters")
            << body("B", "b@b.example", kPassword, "40063A1") << 422 << "gcp";
        QTest::newRow("gcp too short")
            << body("B", "b@b.example", kPassword, "400638") << 422 << "gcp";
        QTest::newRow("gcp too long")
            << body("B", "b@b.example", kPassword, "4006381333931") << 422 << "gcp";
        QTest::newRow("gcp as number")
            << body("B", "b@b.example", kPassword, 4006381) << 422 << "gcp";
        QTest::newRow("gcp missing")
            << body("B", "b@b.example", kPassword, QJsonValue::Undefined) << 422 << "gcp";
        QTest::newRow("company missing")
            << body("", "b@b.example", kPassword, ok) << 422 << "company_name";
        QTest::newRow("duplicate email")
            << body("Other Co", "FIRST@a.example", kPassword, ok) << 409 << "email";
        QTest::newRow("duplicate company")
            << body("First", "new@a.example", kPassword, ok) << 409 << "company_name";
    }

    void registerRejectsBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, param);
        QVERIFY(
            !registerAccount(QStringLiteral("First"), QStringLiteral("first@a.example")).isEmpty());
        const NamReply r = call("POST", QStringLiteral("/v1/auth/register"), {}, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.json()[u"error"][u"param"].toString(), param);
        QVERIFY(!r.json()[u"error"][u"message"].toString().isEmpty());
        QCOMPARE(tenantCount(), 1); // nothing half-made
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/register"), {}, "{nope").status, 400);
    }

    // Wrong passwords are slowed and then banned; the right one is refused while banned,
    // and a second server process on the same database enforces the same ban.
    void loginThrottling()
    {
        QVERIFY(
            !registerAccount(QStringLiteral("Acme"), QStringLiteral("a@acme.example")).isEmpty());
        QVERIFY(!registerAccount(QStringLiteral("Bee"), QStringLiteral("b@bee.example")).isEmpty());
        const QByteArray wrong = json({{QStringLiteral("email"), QStringLiteral("a@acme.example")},
                                       {QStringLiteral("password"), QStringLiteral("guess1234")}});
        for (int i = 0; i < 5; ++i) {
            const NamReply r = call("POST", QStringLiteral("/v1/auth/login"), {}, wrong);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json()[u"error"][u"code"].toString(), QStringLiteral("unauthorized"));
        }
        const NamReply banned =
            call("POST", QStringLiteral("/v1/auth/login"), {},
                 json({{QStringLiteral("email"), QStringLiteral("a@acme.example")},
                       {QStringLiteral("password"), kPassword}}));
        QCOMPARE(banned.status, 429);
        QCOMPARE(banned.json()[u"error"][u"code"].toString(), QStringLiteral("too_many_attempts"));
        const int retry = banned.headers.value("retry-after").toInt();
        QVERIFY2(retry > 0 && retry <= 60, banned.headers.value("retry-after").constData());

        // The other process: its own connection to the same store.
        auto otherDb = store::Database::open(m_location);
        QVERIFY(otherDb.ok());
        auto other = startServer(*otherDb);
        QVERIFY(other);
        QCOMPARE(send("POST", other->listenUrl() + u"/v1/auth/login", {},
                      json({{QStringLiteral("email"), QStringLiteral("a@acme.example")},
                            {QStringLiteral("password"), kPassword}}))
                     .status,
                 429);
        // Another account from the same address is not locked by five failures.
        QVERIFY(!login(QStringLiteral("b@bee.example")).isEmpty());
        // Unknown e-mails are counted too, and answer like wrong passwords.
        const NamReply unknown =
            call("POST", QStringLiteral("/v1/auth/login"), {},
                 json({{QStringLiteral("email"), QStringLiteral("x@x.example")},
                       {QStringLiteral("password"), kPassword}}));
        QCOMPARE(unknown.status, 401);
        const NamReply missing =
            call("POST", QStringLiteral("/v1/auth/login"), {},
                 json({{QStringLiteral("email"), QStringLiteral("x@x.example")}}));
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.json()[u"error"][u"param"].toString(), QStringLiteral("password"));
    }

    // Behind a trusted proxy the IP counter is the forwarded client's, so one client's
    // guessing does not lock out everybody behind the proxy; from an untrusted peer the
    // header is the client's own text and is ignored.
    void loginThrottlingPerForwardedClient()
    {
        QVERIFY(!registerAccount(QStringLiteral("Bee"), QStringLiteral("b@bee.example")).isEmpty());
        auto proxied = startServer(m_db, QStringLiteral("127.0.0.1/32"));
        QVERIFY(proxied);
        const auto attempt = [&](Server& server, const QString& email, const QString& password,
                                 const QByteArray& client) {
            return send("POST", server.listenUrl() + u"/v1/auth/login", {},
                        json({{QStringLiteral("email"), email},
                              {QStringLiteral("password"), password}}),
                        "application/json", client)
                .status;
        };
        // A different unknown e-mail each time: only the IP counter can lock.
        const auto guessAll = [&](Server& server, const QByteArray& client, bool varyHeader) {
            for (int i = 0; i < LoginThrottle::kIpFreeFailures; ++i)
                if (attempt(server, QStringLiteral("g%1@x.example").arg(i),
                            QStringLiteral("guess1234"),
                            varyHeader ? "198.51.100." + QByteArray::number(i + 1) : client) != 401)
                    return false;
            return true;
        };
        QVERIFY(guessAll(*proxied, "203.0.113.7", false));
        QCOMPARE(attempt(*proxied, QStringLiteral("b@bee.example"), kPassword, "203.0.113.7"), 429);
        // Another client behind the same proxy is not locked.
        QCOMPARE(attempt(*proxied, QStringLiteral("b@bee.example"), kPassword, "203.0.113.8"), 200);

        // No trusted proxy: every X-Forwarded-For value is ignored, all failures count
        // against the TCP peer.
        QVERIFY(guessAll(*m_server, {}, true));
        QCOMPARE(attempt(*m_server, QStringLiteral("b@bee.example"), kPassword, "192.0.2.99"), 429);
    }

    // Each role × a representative set of routes → allowed or 403.
    void rolesMatrix()
    {
        const QJsonObject reg =
            registerAccount(QStringLiteral("Acme"), QStringLiteral("admin@acme.example"));
        QVERIFY(!reg.isEmpty());
        const QString admin = login(QStringLiteral("admin@acme.example"));
        QVERIFY(!admin.isEmpty());
        const NamReply product = call("POST", QStringLiteral("/v1/products"), admin,
                                      productBody(QStringLiteral("04006381333931")));
        QCOMPARE(product.status, 201);
        const QString productId = product.json().value(u"id").toString();

        // The supplier user acts for "Glass Co", which delivers the product.
        const NamReply glassCo = call("POST", QStringLiteral("/v1/suppliers"), admin,
                                      R"({"name":"Glass Co","role":"packaging"})");
        QCOMPARE(glassCo.status, 201);
        const QString glassCoId = glassCo.json().value(u"id").toString();
        QCOMPARE(call("POST", QStringLiteral("/v1/products/%1/suppliers").arg(productId), admin,
                      json({{QStringLiteral("supplierId"), glassCoId},
                            {QStringLiteral("role"), QStringLiteral("packaging")}}))
                     .status,
                 201);
        QHash<QString, QString> sessions{{QStringLiteral("tenant_admin"), admin}};
        for (const char* role :
             {"brand_manager", "compliance_officer", "retail_partner", "supplier"}) {
            const QString email = QString::fromLatin1(role) + u"@acme.example";
            QJsonObject userBody{{QStringLiteral("email"), email},
                                 {QStringLiteral("password"), kPassword},
                                 {QStringLiteral("role"), QString::fromLatin1(role)}};
            if (qstrcmp(role, "supplier") == 0)
                userBody.insert(QStringLiteral("supplier_id"), glassCoId);
            const NamReply u =
                call("POST", QStringLiteral("/v1/auth/users"), admin, json(userBody));
            QCOMPARE(u.status, 201);
            sessions.insert(QString::fromLatin1(role), login(email));
            QVERIFY(!sessions.value(QString::fromLatin1(role)).isEmpty());
        }
        // A tenant admin cannot make a platform admin (it would gain tenants:manage).
        const NamReply escalate =
            call("POST", QStringLiteral("/v1/auth/users"), admin,
                 json({{QStringLiteral("email"), QStringLiteral("p@x.example")},
                       {QStringLiteral("password"), kPassword},
                       {QStringLiteral("role"), QStringLiteral("platform_admin")}}));
        QCOMPARE(escalate.status, 403);
        QCOMPARE(escalate.json()[u"error"][u"param"].toString(), QStringLiteral("role"));
        // Platform admins are made by the operator, through core.
        auto ops = store::TenantRepository(*m_db).create(QStringLiteral("Operator"), {});
        QVERIFY(ops.ok());
        auto platform =
            store::UserRepository(*m_db, ops->id)
                .create(QStringLiteral("ops@host.example"), QStringLiteral("platform_admin"));
        QVERIFY(platform.ok());
        QVERIFY(store::CredentialRepository::create(*m_db, platform->id, platform->email,
                                                    passport::PasswordHash::hash(kPassword).value())
                    .ok());
        sessions.insert(QStringLiteral("platform_admin"),
                        login(QStringLiteral("ops@host.example")));
        QVERIFY(!sessions.value(QStringLiteral("platform_admin")).isEmpty());

        const QByteArray nameOnly = R"({"name":{"en":"Renamed"}})";
        const QByteArray materials = R"({"materials":[{"name":"glass","percentage":90}]})";
        const QByteArray passport = json({{QStringLiteral("productId"), productId},
                                          {QStringLiteral("kind"), QStringLiteral("product")},
                                          {QStringLiteral("data"), QJsonObject{}}});
        struct Row
        {
            QByteArray method;
            QString path;
            QByteArray body;
            // tenant_admin, brand_manager, compliance_officer, retail_partner, supplier,
            // platform_admin
            QList<int> expected;
        };
        const QString p = QStringLiteral("/v1/products/") + productId;
        const NamReply key =
            call("POST", QStringLiteral("/v1/auth/api-keys"), admin,
                 json({{QStringLiteral("name"), QStringLiteral("erp")},
                       {QStringLiteral("scopes"), QJsonArray{QStringLiteral("products:read")}}}));
        QCOMPARE(key.status, 201);
        const QString keyPath = u"/v1/auth/api-keys/" + key.json().value(u"id").toString();
        const NamReply supplier = call("POST", QStringLiteral("/v1/suppliers"), admin,
                                       R"({"name":"Cells Ltd","role":"component"})");
        QCOMPARE(supplier.status, 201);
        const QString supplierPath = u"/v1/suppliers/" + supplier.json().value(u"id").toString();
        int gtinSerial = 0;
        const QList<Row> rows = {
            {"GET", QStringLiteral("/v1/products"), {}, {200, 200, 200, 200, 200, 403}},
            {"GET", p, {}, {200, 200, 200, 200, 200, 403}},
            {"POST", QStringLiteral("/v1/products"), "GTIN", {201, 201, 403, 403, 403, 403}},
            {"PATCH", p, nameOnly, {200, 200, 403, 403, 403, 403}},
            {"PATCH", p, materials, {200, 200, 403, 403, 200, 403}},
            {"DELETE", QStringLiteral("/v1/products/GONE"), {}, {404, 404, 403, 403, 403, 403}},
            // The second role re-sends the published data: allowed, a no-op (200).
            // The supplier's (empty) amendment changes nothing either.
            {"POST", QStringLiteral("/v1/passports"), passport, {201, 200, 403, 403, 200, 403}},
            {"GET", p + u"/passport", {}, {200, 200, 200, 200, 403, 403}},
            {"GET", QStringLiteral("/v1/suppliers"), {}, {200, 200, 200, 403, 403, 403}},
            {"POST",
             QStringLiteral("/v1/suppliers"),
             R"({"name":"Glassworks","role":"packaging"})",
             {201, 201, 403, 403, 403, 403}},
            {"GET", QStringLiteral("/v1/epr-registrations"), {}, {200, 200, 200, 403, 403, 403}},
            {"GET", QStringLiteral("/v1/auth/api-keys"), {}, {200, 200, 403, 403, 403, 403}},
            {"GET", QStringLiteral("/v1/auth/users"), {}, {200, 403, 403, 403, 403, 403}},
            {"GET", QStringLiteral("/v1/admin/tenants"), {}, {403, 403, 403, 403, 403, 200}},
            {"PATCH", keyPath, R"({"rate_limit_per_minute":500})", {200, 200, 403, 403, 403, 403}},
            {"PATCH", supplierPath, R"({"country":"PT"})", {200, 200, 403, 403, 403, 403}},
            // Tenant-wide documents: read with products:read; a supplier user sees none.
            {"GET", QStringLiteral("/v1/documents"), {}, {200, 200, 200, 200, 200, 403}},
            {"DELETE", QStringLiteral("/v1/documents/GONE"), {}, {404, 404, 403, 403, 403, 403}},
            {"POST", QStringLiteral("/v1/documents"), "{}", {400, 400, 403, 403, 403, 403}},
        };
        const QStringList roles = {"tenant_admin",   "brand_manager", "compliance_officer",
                                   "retail_partner", "supplier",      "platform_admin"};
        const QStringList gtins = {"04006381000017", "04006381000024", "04006381000031",
                                   "04006381000048", "04006381000055", "04006381000062"};
        QStringList mismatches;
        for (const Row& row : rows) {
            for (qsizetype i = 0; i < roles.size(); ++i) {
                QByteArray body = row.body;
                if (body == "GTIN")
                    body = productBody(gtins.value(gtinSerial++ % gtins.size()));
                QString path = row.path;
                path.replace(QStringLiteral("GONE"),
                             QStringLiteral("00000000-0000-0000-0000-000000000000"));
                const NamReply r = call(row.method, path, sessions.value(roles[i]), body);
                if (r.status != row.expected[i])
                    mismatches.append(QStringLiteral("%1 %2 as %3: %4 (expected %5) %6")
                                          .arg(QString::fromLatin1(row.method), row.path, roles[i])
                                          .arg(r.status)
                                          .arg(row.expected[i])
                                          .arg(QString::fromUtf8(r.body.left(160))));
            }
        }
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));

        // A key's own limit, changed through the API, applies from the next request on.
        const NamReply limited = call("PATCH", keyPath, admin, R"({"rate_limit_per_minute":2})");
        QCOMPARE(limited.status, 200);
        QCOMPARE(limited.json().value(u"rate_limit_per_minute").toInt(), 2);
        const QString erpKey = key.json().value(u"key").toString();
        QCOMPARE(
            call("GET", QStringLiteral("/v1/products"), erpKey).headers.value("x-ratelimit-limit"),
            QByteArray("2"));
        QCOMPARE(call("PATCH", keyPath, admin, R"({"rate_limit_per_minute":0})").status, 422);
        QCOMPARE(
            call("PATCH", keyPath, admin, R"({"name":"x"})").json()[u"error"][u"param"].toString(),
            QStringLiteral("name"));
        QCOMPARE(call("PATCH", keyPath, admin, R"({"rate_limit_per_minute":null})")
                     .json()
                     .value(u"rate_limit_per_minute")
                     .isDouble(),
                 false);

        // A battery passport publishes only complete: 422 naming the first missing field.
        QFile seed(test::sourceDir() + QStringLiteral("/resources/samples/seed.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QJsonObject batteryProduct;
        for (const auto& v : QJsonDocument::fromJson(seed.readAll())[u"products"].toArray())
            if (v[u"product"][u"category"].toString() == u"battery")
                batteryProduct = v[u"product"].toObject();
        batteryProduct.insert(QStringLiteral("gtin"), QStringLiteral("04006381000079"));
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), admin,
                      QJsonDocument(batteryProduct).toJson())
                     .status,
                 201);
        const QJsonObject batteryData = batteryProduct.value(u"battery").toObject();
        const NamReply incomplete =
            call("POST", QStringLiteral("/v1/passports"), admin,
                 json({{QStringLiteral("gtin"), QStringLiteral("04006381000079")},
                       {QStringLiteral("kind"), QStringLiteral("battery")},
                       {QStringLiteral("data"),
                        QJsonObject{{QStringLiteral("category"), QStringLiteral("ev")},
                                    {QStringLiteral("chemistry"), QStringLiteral("NMC")}}}}));
        QCOMPARE(incomplete.status, 422);
        QCOMPARE(incomplete.json()[u"error"][u"code"].toString(),
                 QStringLiteral("validation_error"));
        QCOMPARE(incomplete.json()[u"error"][u"param"].toString(),
                 QStringLiteral("manufacturing_place"));
        QVERIFY(incomplete.json()[u"error"][u"message"].toString().contains(u"safety_measures"));
        QCOMPARE(call("GET", QStringLiteral("/v1/products/04006381000079/passport"), admin).status,
                 404);
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), admin,
                      json({{QStringLiteral("gtin"), QStringLiteral("04006381000079")},
                            {QStringLiteral("kind"), QStringLiteral("battery")},
                            {QStringLiteral("data"), batteryData}}))
                     .status,
                 201);
        // Retail partners read the public projection: restricted battery data (safety
        // measures: legitimate interest) is absent for them, present for a brand manager.
        const QString bp = QStringLiteral("/v1/products/04006381000079/passport");
        const NamReply retail = call("GET", bp, sessions.value(QStringLiteral("retail_partner")));
        const NamReply brand = call("GET", bp, sessions.value(QStringLiteral("brand_manager")));
        QCOMPARE(retail.status, 200);
        QCOMPARE(brand.status, 200);
        QVERIFY(brand.json()[u"passport"][u"data"].toObject().contains(u"safety_measures"));
        QVERIFY(!retail.json()[u"passport"][u"data"].toObject().contains(u"safety_measures"));
        QVERIFY(retail.json()[u"passport"][u"data"].toObject().contains(u"chemistry"));
        const NamReply retailProduct = call("GET", QStringLiteral("/v1/products/04006381000079"),
                                            sessions.value(QStringLiteral("retail_partner")));
        QVERIFY(!retailProduct.json()[u"battery"].toObject().contains(u"safety_measures"));
        QVERIFY(call("GET", QStringLiteral("/v1/products/04006381000079"),
                     sessions.value(QStringLiteral("brand_manager")))
                    .json()[u"battery"]
                    .toObject()
                    .contains(u"safety_measures"));
        const NamReply retailVersions =
            call("GET", QStringLiteral("/v1/products/04006381000079/passports"),
                 sessions.value(QStringLiteral("retail_partner")));
        QVERIFY(!QJsonDocument(retailVersions.json()).toJson().contains("safety_measures"));

        // A supplier sees and edits only the products linked to its supplier: another
        // product is 404 (its existence is not revealed) and missing from the list.
        const QString supplierSession = sessions.value(QStringLiteral("supplier"));
        const NamReply other = call("POST", QStringLiteral("/v1/products"), admin,
                                    productBody(QStringLiteral("04006381000086")));
        QCOMPARE(other.status, 201);
        const QString otherPath = u"/v1/products/" + other.json().value(u"id").toString();
        QCOMPARE(call("GET", otherPath, supplierSession).status, 404);
        QCOMPARE(call("PATCH", otherPath, supplierSession, materials).status, 404);
        QCOMPARE(call("GET", otherPath + u"/passport", supplierSession).status, 403);
        const NamReply visible = call("GET", QStringLiteral("/v1/products"), supplierSession);
        QCOMPARE(visible.json().value(u"data").toArray().size(), 1);
        QCOMPARE(visible.json()[u"data"][0][u"id"].toString(), productId);
        QCOMPARE(call("GET", otherPath, admin).status, 200);
        // The link to a supplier is validated: it must exist in the tenant and the role be
        // supplier; PATCH /v1/auth/users/{id} changes it.
        const NamReply noSuch =
            call("POST", QStringLiteral("/v1/auth/users"), admin,
                 json({{QStringLiteral("email"), QStringLiteral("s2@acme.example")},
                       {QStringLiteral("password"), kPassword},
                       {QStringLiteral("role"), QStringLiteral("supplier")},
                       {QStringLiteral("supplier_id"), QStringLiteral("nope")}}));
        QCOMPARE(noSuch.status, 422);
        QCOMPARE(noSuch.json()[u"error"][u"param"].toString(), QStringLiteral("supplier_id"));
        const NamReply wrongRole =
            call("POST", QStringLiteral("/v1/auth/users"), admin,
                 json({{QStringLiteral("email"), QStringLiteral("s3@acme.example")},
                       {QStringLiteral("password"), kPassword},
                       {QStringLiteral("role"), QStringLiteral("brand_manager")},
                       {QStringLiteral("supplier_id"), glassCoId}}));
        QCOMPARE(wrongRole.status, 422);
        QString supplierUserId;
        for (const auto& u :
             call("GET", QStringLiteral("/v1/auth/users"), admin).json()[u"data"].toArray())
            if (u[u"role"].toString() == u"supplier")
                supplierUserId = u[u"id"].toString();
        QVERIFY(!supplierUserId.isEmpty());
        const QString userPath = u"/v1/auth/users/" + supplierUserId;
        QCOMPARE(call("PATCH", userPath, admin, R"({"supplier_id":"nope"})").status, 422);
        QCOMPARE(call("PATCH", userPath, admin, R"({"supplier_id":null})").status, 200);
        QCOMPARE(call("GET", p, supplierSession).status, 404); // unlinked: sees nothing
        QCOMPARE(call("PATCH", userPath, admin, json({{QStringLiteral("supplier_id"), glassCoId}}))
                     .status,
                 200);
        QCOMPARE(call("GET", p, supplierSession).status, 200);
        QCOMPARE(call("PATCH", userPath, supplierSession, R"({"supplier_id":null})").status, 403);

        // The supplier submits a wine's ingredients: its amendment becomes the next
        // passport version with every other field kept; other fields are refused by name,
        // and a product not linked to its supplier stays invisible.
        const QJsonObject published{{QStringLiteral("alcohol_pct"), 12.5},
                                    {QStringLiteral("ingredients"), QJsonArray{"grapes"}}};
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), admin,
                      json({{QStringLiteral("productId"), productId},
                            {QStringLiteral("kind"), QStringLiteral("product")},
                            {QStringLiteral("data"), published}}))
                     .status,
                 201);
        const QJsonArray ingredients{"grapes", "sulphites (E220)"};
        const NamReply amended =
            call("POST", QStringLiteral("/v1/passports"), supplierSession,
                 json({{QStringLiteral("productId"), productId},
                       {QStringLiteral("kind"), QStringLiteral("product")},
                       {QStringLiteral("data"),
                        QJsonObject{{QStringLiteral("ingredients"), ingredients}}}}));
        QCOMPARE(amended.status, 201);
        const QJsonObject now =
            call("GET", p + u"/passport", admin).json()[u"passport"][u"data"].toObject();
        QCOMPARE(now.value(u"ingredients").toArray(), ingredients);
        QCOMPARE(now.value(u"alcohol_pct").toDouble(), 12.5);
        const NamReply notIngredients = call(
            "POST", QStringLiteral("/v1/passports"), supplierSession,
            json({{QStringLiteral("productId"), productId},
                  {QStringLiteral("kind"), QStringLiteral("product")},
                  {QStringLiteral("data"), QJsonObject{{QStringLiteral("alcohol_pct"), 15}}}}));
        QCOMPARE(notIngredients.status, 403);
        QCOMPARE(notIngredients.json()[u"error"][u"param"].toString(),
                 QStringLiteral("data.alcohol_pct"));
        QCOMPARE(call("GET", p + u"/passport", admin)
                     .json()[u"passport"][u"data"][u"alcohol_pct"]
                     .toDouble(),
                 12.5);
        QCOMPARE(call("POST", QStringLiteral("/v1/passports"), supplierSession,
                      json({{QStringLiteral("productId"), other.json().value(u"id").toString()},
                            {QStringLiteral("kind"), QStringLiteral("product")},
                            {QStringLiteral("data"),
                             QJsonObject{{QStringLiteral("ingredients"), ingredients}}}}))
                     .status,
                 404);

        // The supplier's refusal names the field it may not change.
        const NamReply refused = call("PATCH", p, sessions.value(QStringLiteral("supplier")),
                                      R"({"materials":[],"brand":"X"})");
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.json()[u"error"][u"param"].toString(), QStringLiteral("brand"));
        // The platform admin sees every tenant; nobody else may list them.
        const NamReply tenants = call("GET", QStringLiteral("/v1/admin/tenants"),
                                      sessions.value(QStringLiteral("platform_admin")));
        QCOMPARE(tenants.json().value(u"data").toArray().size(), 2);
        // A brand manager cannot hand out a key with more than the role holds.
        const NamReply wider =
            call("POST", QStringLiteral("/v1/auth/api-keys"),
                 sessions.value(QStringLiteral("brand_manager")),
                 json({{QStringLiteral("name"), QStringLiteral("x")},
                       {QStringLiteral("scopes"), QJsonArray{QStringLiteral("users:manage")}}}));
        QCOMPARE(wider.status, 403);
    }

    // Every authenticated route of the table × every role: the role's scope set decides
    // (403 outside it), and the supplier's field-limited scopes allow PATCH only, or a POST
    // whose limits apply to its data (POST /v1/passports).
    void everyRouteForEveryRole()
    {
        QVERIFY(!registerAccount(QStringLiteral("Acme"), QStringLiteral("admin@acme.example"))
                     .isEmpty());
        const QString admin = login(QStringLiteral("admin@acme.example"));
        QHash<QString, QString> sessions{{QStringLiteral("tenant_admin"), admin}};
        for (const QString& role : passport::User::roles()) {
            if (role == u"tenant_admin" || role == u"platform_admin")
                continue;
            const QString email = role + u"@acme.example";
            QCOMPARE(call("POST", QStringLiteral("/v1/auth/users"), admin,
                          json({{QStringLiteral("email"), email},
                                {QStringLiteral("password"), kPassword},
                                {QStringLiteral("role"), role}}))
                         .status,
                     201);
            sessions.insert(role, login(email));
        }
        const QString unknownId = QStringLiteral("00000000-0000-0000-0000-000000000000");
        int checked = 0;
        QStringList mismatches;
        for (const Route& route : m_server->routes().routes()) {
            if (route.isPublic)
                continue;
            QString path = route.path;
            for (const QString& name : RouteTable::parameterNames(route.path))
                path.replace(u'{' + name + u'}', unknownId);
            const QByteArray body =
                route.method == "GET" || route.method == "DELETE" ? QByteArray() : QByteArray("{}");
            for (auto it = sessions.constBegin(); it != sessions.constEnd(); ++it) {
                const QString& role = it.key();
                const bool inScope =
                    passport::RolePolicy::scopesFor(role).contains(route.scope) &&
                    (!passport::RolePolicy::fieldLimitsFor(role).contains(route.scope) ||
                     route.method == "PATCH" || route.fieldLimitsOnData);
                const int status = call(route.method, path, it.value(), body).status;
                if ((status == 403) == inScope || status >= 500 || status == 401)
                    mismatches.append(QStringLiteral("%1 %2 as %3: %4")
                                          .arg(QString::fromLatin1(route.method), route.path, role)
                                          .arg(status));
                ++checked;
            }
        }
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
        QVERIFY(checked > 100);
    }

    // The whole authorization code flow with PKCE, with a real HTTP client and no redirect
    // following.
    void oauthPkceFlow()
    {
        QVERIFY(
            !registerAccount(QStringLiteral("Acme"), QStringLiteral("a@acme.example")).isEmpty());
        const QString session = login(QStringLiteral("a@acme.example"));
        QVERIFY(!session.isEmpty());
        const NamReply client =
            call("POST", QStringLiteral("/v1/oauth/clients"), session,
                 json({{QStringLiteral("name"), QStringLiteral("Shelf <App>")},
                       {QStringLiteral("redirect_uris"), QJsonArray{kRedirect}},
                       {QStringLiteral("scopes"), QJsonArray{QStringLiteral("products:read"),
                                                             QStringLiteral("passports:read")}}}));
        QCOMPARE(client.status, 201);
        const QString clientId = client.json().value(u"client_id").toString();
        QVERIFY(!clientId.isEmpty());
        QVERIFY(!client.json().contains(u"client_secret")); // a public client
        const NamReply badClient =
            call("POST", QStringLiteral("/v1/oauth/clients"), session,
                 json({{QStringLiteral("name"), QStringLiteral("x")},
                       {QStringLiteral("redirect_uris"),
                        QJsonArray{QStringLiteral("http://evil.example/cb")}},
                       {QStringLiteral("scopes"), QJsonArray{QStringLiteral("products:read")}}}));
        QCOMPARE(badClient.status, 422);
        QCOMPARE(badClient.json()[u"error"][u"param"].toString(),
                 QStringLiteral("redirect_uris[0]"));

        const auto authorize = [&](const QString& verifier, const QString& scope,
                                   const QString& method = QStringLiteral("S256"),
                                   const QString& redirect = kRedirect) {
            QUrlQuery q;
            for (const auto& [k, v] : QList<QPair<QString, QString>>{
                     {QStringLiteral("response_type"), QStringLiteral("code")},
                     {QStringLiteral("client_id"), clientId},
                     {QStringLiteral("redirect_uri"), redirect},
                     {QStringLiteral("scope"), scope},
                     {QStringLiteral("state"), QStringLiteral("st 1&2")},
                     {QStringLiteral("code_challenge"),
                      method == u"S256" ? OAuthService::s256(verifier) : verifier},
                     {QStringLiteral("code_challenge_method"), method}})
                q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
            return send("GET", m_url + u"/oauth/authorize?" + q.toString(QUrl::FullyEncoded), {});
        };
        // Login + consent: GET the page, POST its form back; returns the 302.
        const auto consent = [&](const QString& verifier, const QString& scope,
                                 const QString& password = kPassword) {
            const NamReply page = authorize(verifier, scope);
            if (page.status != 200)
                return page;
            QList<QPair<QString, QString>> fields;
            static const QRegularExpression hidden(
                QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
            for (auto it = hidden.globalMatch(QString::fromUtf8(page.body)); it.hasNext();) {
                const auto m = it.next();
                QString v = m.captured(2);
                v.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
                fields.append({m.captured(1), v});
            }
            fields.append({QStringLiteral("email"), QStringLiteral("a@acme.example")});
            fields.append({QStringLiteral("password"), password});
            fields.append({QStringLiteral("decision"), QStringLiteral("approve")});
            return send("POST", m_url + u"/oauth/authorize", {}, form(fields),
                        "application/x-www-form-urlencoded");
        };
        const auto codeFrom = [](const NamReply& r) {
            const QUrl location(QString::fromUtf8(r.headers.value("location")));
            return QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        };
        const auto tokenCall = [&](const QList<QPair<QString, QString>>& fields) {
            return send("POST", m_url + u"/oauth/token", {}, form(fields),
                        "application/x-www-form-urlencoded");
        };
        const auto exchange = [&](const QString& code, const QString& verifier) {
            return tokenCall({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                              {QStringLiteral("code"), code},
                              {QStringLiteral("redirect_uri"), kRedirect},
                              {QStringLiteral("client_id"), clientId},
                              {QStringLiteral("code_verifier"), verifier}});
        };
        const auto refresh = [&](const QString& token) {
            return tokenCall({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                              {QStringLiteral("refresh_token"), token},
                              {QStringLiteral("client_id"), clientId}});
        };

        const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-x");
        // The page: HTML under our CSP, a CSRF cookie, the client's name escaped.
        const NamReply page = authorize(verifier, QStringLiteral("products:read"));
        QCOMPARE(page.status, 200);
        QVERIFY(page.headers.value("content-type").startsWith("text/html"));
        QVERIFY(page.headers.value("content-security-policy").contains("default-src 'self'"));
        QVERIFY(page.body.contains("Shelf &lt;App&gt;"));
        QVERIFY(page.body.contains("name=\"csrf_token\""));
        // A form posted without the page's CSRF token is refused.
        QCOMPARE(send("POST", m_url + u"/oauth/authorize", {},
                      form({{QStringLiteral("client_id"), clientId},
                            {QStringLiteral("redirect_uri"), kRedirect},
                            {QStringLiteral("response_type"), QStringLiteral("code")},
                            {QStringLiteral("code_challenge"), OAuthService::s256(verifier)},
                            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
                            {QStringLiteral("email"), QStringLiteral("a@acme.example")},
                            {QStringLiteral("password"), kPassword},
                            {QStringLiteral("decision"), QStringLiteral("approve")},
                            {QStringLiteral("csrf_token"), QStringLiteral("forged")}}),
                      "application/x-www-form-urlencoded")
                     .status,
                 403);
        // A wrong password shows the form again, no redirect.
        const NamReply wrongPw =
            consent(verifier, QStringLiteral("products:read"), QStringLiteral("not the password"));
        QCOMPARE(wrongPw.status, 401);
        QVERIFY(!wrongPw.headers.contains("location"));

        const NamReply approved = consent(verifier, QStringLiteral("products:read"));
        QCOMPARE(approved.status, 302);
        const QString location = QString::fromUtf8(approved.headers.value("location"));
        QVERIFY2(location.startsWith(kRedirect + u'?'), qPrintable(location));
        QCOMPARE(
            QUrlQuery(QUrl(location)).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
            QStringLiteral("st 1&2"));
        const QString code = codeFrom(approved);
        QVERIFY(!code.isEmpty());

        const NamReply tokens = exchange(code, verifier);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(tokens.headers.value("cache-control"), QByteArray("no-store"));
        const QString access = tokens.json().value(u"access_token").toString();
        const QString refresh1 = tokens.json().value(u"refresh_token").toString();
        QVERIFY(access.startsWith(u"oat_"));
        QCOMPARE(tokens.json().value(u"scope").toString(), QStringLiteral("products:read"));
        QCOMPARE(tokens.json().value(u"token_type").toString(), QStringLiteral("Bearer"));
        // Exactly the granted scope: products:read yes, passports:read (not asked) and writes no.
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), access).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/suppliers"), access).status, 403);
        QCOMPARE(call("POST", QStringLiteral("/v1/products"), access,
                      productBody(QStringLiteral("04006381333931")))
                     .status,
                 403);
        // The code is single-use.
        QCOMPARE(exchange(code, verifier).json().value(u"error").toString(),
                 QStringLiteral("invalid_grant"));

        // A fresh authorization for the rotation checks (the replay above ended the first).
        const NamReply second = consent(verifier, QStringLiteral("products:read passports:read"));
        QCOMPARE(second.status, 302);
        const NamReply pair = exchange(codeFrom(second), verifier);
        QCOMPARE(pair.status, 200);
        QCOMPARE(pair.json().value(u"scope").toString(),
                 QStringLiteral("products:read passports:read"));
        const QString refreshA = pair.json().value(u"refresh_token").toString();
        const NamReply rotated = refresh(refreshA);
        QCOMPARE(rotated.status, 200);
        const QString refreshB = rotated.json().value(u"refresh_token").toString();
        const QString accessB = rotated.json().value(u"access_token").toString();
        QVERIFY(refreshB != refreshA);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), accessB).status, 200);
        // Reuse of the rotated token: invalid_grant, and the whole family is revoked.
        const NamReply reuse = refresh(refreshA);
        QCOMPARE(reuse.status, 400);
        QCOMPARE(reuse.json().value(u"error").toString(), QStringLiteral("invalid_grant"));
        QCOMPARE(refresh(refreshB).json().value(u"error").toString(),
                 QStringLiteral("invalid_grant"));
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), accessB).status, 401);
        QCOMPARE(refresh(refresh1).json().value(u"error").toString(),
                 QStringLiteral("invalid_grant"));

        // Wrong verifier → invalid_grant, and the code is spent.
        const NamReply third = consent(verifier, QStringLiteral("products:read"));
        QCOMPARE(third.status, 302);
        const QString code3 = codeFrom(third);
        const NamReply wrongVerifier = exchange(code3, QString(verifier).replace(u'd', u'e'));
        QCOMPARE(wrongVerifier.status, 400);
        QCOMPARE(wrongVerifier.json().value(u"error").toString(), QStringLiteral("invalid_grant"));
        QCOMPARE(exchange(code3, verifier).json().value(u"error").toString(),
                 QStringLiteral("invalid_grant"));

        // plain is refused: back to the application with invalid_request.
        const NamReply plain =
            authorize(verifier, QStringLiteral("products:read"), QStringLiteral("plain"));
        QCOMPARE(plain.status, 302);
        QVERIFY(plain.headers.value("location").contains("error=invalid_request"));
        QVERIFY(!plain.headers.value("location").contains("code="));
        // A scope the client was not registered for.
        const NamReply scope = authorize(verifier, QStringLiteral("products:write"));
        QCOMPARE(scope.status, 302);
        QVERIFY(scope.headers.value("location").contains("error=invalid_scope"));
        // A redirect URI that does not match exactly: an error page, never a redirect.
        const NamReply evil = authorize(verifier, QStringLiteral("products:read"),
                                        QStringLiteral("S256"), kRedirect + u"/../evil");
        QCOMPARE(evil.status, 400);
        QVERIFY(!evil.headers.contains("location"));
        QVERIFY(evil.headers.value("content-type").startsWith("text/html"));

        // Token endpoint errors in the RFC 6749 §5.2 shape.
        QCOMPARE(tokenCall({{QStringLiteral("grant_type"), QStringLiteral("password")},
                            {QStringLiteral("client_id"), clientId}})
                     .json()
                     .value(u"error")
                     .toString(),
                 QStringLiteral("unsupported_grant_type"));
        const NamReply unknownClient =
            tokenCall({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                       {QStringLiteral("client_id"), QStringLiteral("nope")},
                       {QStringLiteral("refresh_token"), refreshB}});
        QCOMPARE(unknownClient.status, 401);
        QCOMPARE(unknownClient.json().value(u"error").toString(), QStringLiteral("invalid_client"));
        QCOMPARE(
            send("POST", m_url + u"/oauth/token", {}, "{\"grant_type\":\"refresh_token\"}").status,
            400);
        // An expired code (older than 60 s: moved back in the store) is refused.
        const NamReply fifth = consent(verifier, QStringLiteral("products:read"));
        QSqlQuery age = m_db->prepare(QStringLiteral("UPDATE oauth_codes SET expires_at = :e"));
        age.bindValue(QStringLiteral(":e"),
                      QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODateWithMs));
        QVERIFY(store::Database::exec(age).ok());
        const NamReply late = exchange(codeFrom(fifth), verifier);
        QCOMPARE(late.json().value(u"error").toString(), QStringLiteral("invalid_grant"));
        QVERIFY(late.json().value(u"error_description").toString().contains(u"expired"));
        // RFC 7009 revocation: an access token alone; a refresh token with its family's
        // access tokens; unknown tokens are 200 too; the client must authenticate.
        const auto revoke = [&](const QString& token, const QString& hint, const QString& revoker) {
            return send("POST", m_url + u"/oauth/revoke", {},
                        form({{QStringLiteral("token"), token},
                              {QStringLiteral("token_type_hint"), hint},
                              {QStringLiteral("client_id"), revoker}}),
                        "application/x-www-form-urlencoded");
        };
        const NamReply sixth = consent(verifier, QStringLiteral("products:read"));
        const NamReply pair6 = exchange(codeFrom(sixth), verifier);
        const QString access6 = pair6.json().value(u"access_token").toString();
        const QString refresh6 = pair6.json().value(u"refresh_token").toString();
        QCOMPARE(revoke(access6, QStringLiteral("access_token"), clientId).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), access6).status, 401);
        const NamReply rotated6 = refresh(refresh6); // the refresh token still works
        QCOMPARE(rotated6.status, 200);
        const QString access7 = rotated6.json().value(u"access_token").toString();
        const QString refresh7 = rotated6.json().value(u"refresh_token").toString();
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), access7).status, 200);
        QCOMPARE(revoke(refresh7, QStringLiteral("refresh_token"), clientId).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), access7).status, 401);
        QCOMPARE(refresh(refresh7).json().value(u"error").toString(),
                 QStringLiteral("invalid_grant"));
        QCOMPARE(revoke(QStringLiteral("ort_unknown"), {}, clientId).status, 200);
        QCOMPARE(revoke(access7, {}, QStringLiteral("nope")).status, 401);
        QCOMPARE(send("POST", m_url + u"/oauth/revoke", {},
                      form({{QStringLiteral("client_id"), clientId}}),
                      "application/x-www-form-urlencoded")
                     .json()
                     .value(u"error")
                     .toString(),
                 QStringLiteral("invalid_request"));

        // Token hygiene: what expired is deleted, what is live stays.
        QSqlQuery expire = m_db->prepare(QStringLiteral(
            "UPDATE oauth_tokens SET expires_at = :e WHERE family_id IN (SELECT family_id FROM "
            "oauth_tokens WHERE revoked = 1)"));
        expire.bindValue(QStringLiteral(":e"),
                         QDateTime::currentDateTimeUtc().addSecs(-5).toString(Qt::ISODateWithMs));
        QVERIFY(store::Database::exec(expire).ok());
        const auto purged = store::CredentialRepository::purgeExpired(*m_db);
        QVERIFY(purged.ok());
        QVERIFY(purged->oauthTokens > 0);
        QVERIFY(purged->oauthCodes > 0); // the code aged above
        QSqlQuery left = m_db->prepare(
            QStringLiteral("SELECT COUNT(*) FROM oauth_tokens WHERE expires_at < :now"));
        left.bindValue(QStringLiteral(":now"),
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        QVERIFY(store::Database::exec(left).ok() && left.next());
        QCOMPARE(left.value(0).toInt(), 0);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), session).status, 200);

        // Deleting the client ends its tokens on the next request.
        const NamReply fourth = consent(verifier, QStringLiteral("products:read"));
        const QString access4 =
            exchange(codeFrom(fourth), verifier).json().value(u"access_token").toString();
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), access4).status, 200);
        QCOMPARE(
            call("DELETE", QStringLiteral("/v1/oauth/clients/%1").arg(clientId), session).status,
            204);
        QCOMPARE(call("GET", QStringLiteral("/v1/products"), access4).status, 401);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestAuth>(argc, argv);
}

#include "tst_auth.moc"
