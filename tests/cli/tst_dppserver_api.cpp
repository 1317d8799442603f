// dppserver processes with a real store: --sandbox (sample products, an sk_test_ key on
// stderr, sk_live_ keys refused) and scale-out, two processes on one store (a SQLite file,
// then PostgreSQL when DPP_TEST_PG_URL is set) where a change made through one is served
// by the other within 2 s and a key revoked through one stops working on the other.
#include "server/httptestclient.h"
#include "storetestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <csignal>
#include <memory>
#include <passport/apikey.h>
#include <store/apikeyrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using dpp::test::NamReply;
using dpp::test::namSend;
using dpp::test::waitUntil;

namespace {

struct Running
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString url;
    QByteArray err;

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
    r->url = test::startDppserver(
        *r->process, QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")} + args);
    return r;
}

} // namespace

class TestDppserverApi : public QObject
{
    Q_OBJECT

public:
    explicit TestDppserverApi(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QNetworkAccessManager m_nam;

    NamReply call(const QByteArray& method, const QString& url, const QString& key,
                  const QByteArray& body = {})
    {
        return namSend(m_nam, method, QUrl(url), body,
                       {{"Authorization", "Bearer " + key.toLatin1()}});
    }

private Q_SLOTS:
    void sandbox()
    {
        QString why;
        const QString location = m_test.create(&why);
        if (location.isEmpty())
            QSKIP(qPrintable(why));
        auto s = startServer({QStringLiteral("--sandbox"), QStringLiteral("--database"), location});
        QVERIFY(!s->url.isEmpty());
        static const QRegularExpression keyLine(QStringLiteral("sandbox key: (sk_test_\\S+)"));
        QString key;
        QVERIFY(waitUntil([&] {
            s->err += s->process->readAllStandardError();
            const auto m = keyLine.match(QString::fromUtf8(s->err));
            key = m.captured(1);
            return m.hasMatch();
        }));
        const NamReply list = call("GET", s->url + QStringLiteral("/v1/products?limit=100"), key);
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().value(u"data").toArray().size() >= 3);
        // The GS1 sandbox GTIN is among the samples, with a published passport.
        QCOMPARE(
            call("GET", s->url + QStringLiteral("/v1/products/9506000134352/passport"), key).status,
            200);

        // A live key in the same store is refused by a sandbox server.
        auto db = store::Database::open(location);
        QVERIFY(db.ok());
        auto tenant = store::TenantRepository(**db).findByName(QStringLiteral("sandbox"));
        QVERIFY(tenant.has_value());
        auto live = store::ApiKeyRepository(**db, tenant->id)
                        .create(QStringLiteral("live"), {QStringLiteral("products:read")}, false);
        QVERIFY(live.ok());
        QCOMPARE(call("GET", s->url + QStringLiteral("/v1/products"), live->secret).status, 401);
        // Keys made through a sandbox are test keys.
        const NamReply made = call("POST", s->url + QStringLiteral("/v1/auth/api-keys"), key,
                                   R"({"name":"x","scopes":["products:read"]})");
        QCOMPARE(made.status, 201);
        QVERIFY(made.json().value(u"key").toString().startsWith(u"sk_test_"));
    }

    void twoServersOneStore()
    {
        QString why;
        const QString location = m_test.create(&why);
        if (location.isEmpty())
            QSKIP(qPrintable(why));
        QString key;
        {
            auto db = store::Database::open(location);
            QVERIFY(db.ok());
            auto tenant = store::TenantRepository(**db).create(QStringLiteral("Acme"), {});
            QVERIFY(tenant.ok());
            auto created =
                store::ApiKeyRepository(**db, tenant->id)
                    .create(QStringLiteral("ops"), passport::ApiKey::knownScopes(), false);
            QVERIFY(created.ok());
            key = created->secret;
        }
        auto a = startServer({QStringLiteral("--database"), location});
        auto b = startServer({QStringLiteral("--database"), location});
        QVERIFY(!a->url.isEmpty() && !b->url.isEmpty());

        // B reads once before the change, so any cache it kept would now be stale.
        const QString path = QStringLiteral("/v1/products/4006381333931");
        QCOMPARE(call("GET", b->url + path, key).status, 404);
        QCOMPARE(call("POST", a->url + QStringLiteral("/v1/products"), key,
                      R"({"gtin":"4006381333931","name":{"en":"One"}})")
                     .status,
                 201);
        QVERIFY(waitUntil([&] { return call("GET", b->url + path, key).status == 200; }, 2000));

        QCOMPARE(call("PATCH", a->url + path, key, R"({"name":{"en":"Two"}})").status, 200);
        QVERIFY(waitUntil(
            [&] {
                return call("GET", b->url + path, key).json()[u"name"][u"en"].toString() == u"Two";
            },
            2000));

        const NamReply second = call("POST", a->url + QStringLiteral("/v1/auth/api-keys"), key,
                                     R"({"name":"temp","scopes":["products:read"]})");
        QCOMPARE(second.status, 201);
        const QString temp = second.json().value(u"key").toString();
        QCOMPARE(call("GET", b->url + path, temp).status, 200);
        QCOMPARE(call("DELETE",
                      a->url + QStringLiteral("/v1/auth/api-keys/") +
                          second.json().value(u"id").toString(),
                      key)
                     .status,
                 200);
        QVERIFY(waitUntil([&] { return call("GET", b->url + path, temp).status == 401; }, 2000));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestDppserverApi>(argc, argv);
}

#include "tst_dppserver_api.moc"
