// Publish locally: the panel starts the bundled server in-process on the
// open store (port 0), a GET to the URL it shows answers, the Digital Link
// and its QR (decoded with zxing-cpp) point at that server, the status-bar
// signal reports the state, and Stop closes the port.
#include "server/httptestclient.h"
#include "storetestsupport.h"
#include "symboldecode.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <export/sampleseeder.h>
#include <publish/localserver.h>
#include <publish/publishpanel.h>
#include <store/database.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::ui;

class TestPublish : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAnswersStops_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    // The desktop publishes whichever store it has open, SQLite or PostgreSQL.
    void startsAnswersStops()
    {
        QFETCH(QString, backend);
        test::TestDatabase testDb(backend);
        QString why;
        const QString location = testDb.create(&why);
        if (location.isEmpty())
            QSKIP(qPrintable(why));
        auto db = store::Database::open(location);
        QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().message));
        auto tenant = store::TenantRepository(**db).ensure(QStringLiteral("default"));
        QVERIFY(tenant.ok());
        QVERIFY(exporting::SampleSeeder::seed(**db, tenant->id).ok());

        PublishPanel panel;
        panel.setStore(db.value(), tenant->id);
        panel.setPort(0);
        panel.setLanAccess(false);
        QSignalSpy state(&panel, &PublishPanel::serverStateChanged);
        panel.start();
        QVERIFY(panel.server()->isRunning());
        QCOMPARE(state.count(), 1);
        QCOMPARE(state.first().at(0).toBool(), true);
        const QString url = panel.shownUrl();
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
        QVERIFY(panel.server()->port() != 0);
        QCOMPARE(state.first().at(1).toString(), url);

        QNetworkAccessManager nam;
        const auto health = test::namSend(nam, "GET", QUrl(url + QStringLiteral("/health")));
        QCOMPARE(health.status, 200);
        // The API is there too, and asks for a key like dppserver does.
        const auto products = test::namSend(nam, "GET", QUrl(url + QStringLiteral("/v1/products")));
        QCOMPARE(products.status, 401);
        QVERIFY(products.json().contains(QStringLiteral("error")));

        // The Digital Link of the selected product is on this server, and the QR reads as it.
        const QString link = panel.digitalLink();
        QVERIFY2(link.startsWith(url + QStringLiteral("/01/")),
                 qPrintable(link + QStringLiteral(" vs ") + url));
        const auto decoded = test::decodeImage(panel.qrImage());
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
        QCOMPARE(QString::fromUtf8(decoded.text), link);
        // Whatever the resolver answers, it answers (no connection error).
        const auto resolved = test::namSend(nam, "GET", QUrl(link));
        QVERIFY(resolved.status >= 200 && resolved.status < 500);

        const quint16 port = panel.server()->port();
        panel.stop();
        QVERIFY(!panel.server()->isRunning());
        QCOMPARE(state.count(), 2);
        QCOMPARE(state.last().at(0).toBool(), false);
        QVERIFY(panel.shownUrl().isEmpty());
        const auto after =
            test::namSend(nam, "GET", QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port)));
        QVERIFY(after.error != QNetworkReply::NoError);
    }

    void refusesWithoutStoreOrBadBase()
    {
        PublishPanel panel;
        panel.setPort(0);
        panel.start();
        QVERIFY(!panel.server()->isRunning());
        LocalServer server;
        const Status s = server.start(nullptr, QHostAddress::LocalHost, 0, {});
        QVERIFY(!s.ok());
        QCOMPARE(s.error().param, QStringLiteral("store"));
    }
};

QTEST_MAIN(TestPublish)
#include "tst_publish.moc"
