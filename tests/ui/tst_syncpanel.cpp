// The Sync panel (offscreen) against a real dppserver on loopback: "Sync now" pushes
// the open store on a worker thread (the window keeps running its event loop), a
// product changed on the server and here shows as a conflict with both versions side
// by side, and "Keep mine" puts the local version on the server; a supplier changed on
// both sides is listed by its name, and "Take theirs" writes the server's version here.
#include "server/httptestclient.h"
#include "syncservertestsupport.h"
#include "testsupport.h"

#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <gs1/checkdigit.h>
#include <store/database.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>
#include <store/supplierrepository.h>
#include <store/syncstaterepository.h>
#include <store/tenantrepository.h>
#include <sync/syncengine.h>
#include <sync/syncpanel.h>

using namespace dpp;
using namespace dpp::ui;

namespace {
const QString kGtin = QStringLiteral("04012345000016");

QJsonObject product(const QString& name)
{
    return {{"gtin", kGtin}, {"name", QJsonObject{{"en", name}}}, {"category", "other"}};
}
} // namespace

class TestSyncPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::SyncServer m_remote;
    QString m_url;
    QString m_key;
    QNetworkAccessManager m_nam;

    QString serverName()
    {
        return test::namSend(m_nam, "GET", QUrl(m_url + QStringLiteral("/v1/products/") + kGtin),
                             {}, {{"Authorization", "Bearer " + m_key.toLatin1()}})
            .json()
            .value(u"name")
            .toObject()
            .value(u"en")
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString failed = m_remote.start(
            m_dir.filePath(QStringLiteral("server.sqlite")),
            QStringLiteral("products:read,products:write,passports:read,passports:write,"
                           "suppliers:read,suppliers:write,serials:read,serials:write,"
                           "analytics:read"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_url = m_remote.url;
        m_key = m_remote.key;
    }

    void cleanupTestCase() { m_remote.stop(); }

    void syncShowsConflictAndKeepsMine()
    {
        // Another desktop (A) pushes the product first, through the same core engine.
        auto a = store::Database::open(m_dir.filePath(QStringLiteral("a.sqlite")));
        auto b = store::Database::open(m_dir.filePath(QStringLiteral("b.sqlite")));
        QVERIFY(a.ok() && b.ok());
        const QString ta = store::TenantRepository(**a).ensure(QStringLiteral("default"))->id;
        const QString tb = store::TenantRepository(**b).ensure(QStringLiteral("default"))->id;
        store::ProductRepository pa(**a, ta);
        store::ProductRepository pb(**b, tb);
        QVERIFY(pa.save(product(QStringLiteral("Widget"))).ok());
        QVERIFY(pb.save(product(QStringLiteral("Widget"))).ok());
        sync::SyncEngine engineA(**a, ta, {m_url, m_key});
        QVERIFY(engineA.run().clean());

        SyncPanel panel;
        panel.setStore(*b, tb);
        panel.setServer(m_url, m_key);
        panel.show();
        auto* syncNow = panel.findChild<QPushButton*>(QStringLiteral("syncNow"));
        QVERIFY(syncNow && syncNow->isEnabled());
        QSignalSpy finished(&panel, &SyncPanel::finished);
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QVERIFY(panel.isRunning());
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel.conflictList()->count(), 0);
        QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());
        // The product's scan figures came along (none yet) and are listed.
        QCOMPARE(panel.analyticsTable()->rowCount(), 1);
        QCOMPARE(panel.analyticsTable()->item(0, 0)->text(), kGtin);
        QCOMPARE(panel.analyticsTable()->item(0, 1)->text(), QStringLiteral("0"));

        // Both sides change the product; A pushes first.
        QVERIFY(pa.save(product(QStringLiteral("Widget A"))).ok());
        QVERIFY(engineA.run().clean());
        QVERIFY(pb.save(product(QStringLiteral("Widget B"))).ok());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel.conflictList()->count(), 1);
        QCOMPARE(serverName(), QStringLiteral("Widget A"));

        // Both versions side by side, the differing field among the rows.
        QTableWidget* diff = panel.diffTable();
        int nameRow = -1;
        for (int r = 0; r < diff->rowCount(); ++r) {
            if (diff->item(r, 0)->text() == u"name.en")
                nameRow = r;
        }
        QVERIFY(nameRow >= 0);
        QCOMPARE(diff->item(nameRow, 1)->text(), QStringLiteral("Widget B"));
        QCOMPARE(diff->item(nameRow, 2)->text(), QStringLiteral("Widget A"));
        QVERIFY(diff->item(nameRow, 1)->font().bold());

        auto* keep = panel.findChild<QPushButton*>(QStringLiteral("keepMine"));
        QVERIFY(keep && keep->isEnabled());
        QTest::mouseClick(keep, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel.conflictList()->count(), 0);
        QCOMPARE(serverName(), QStringLiteral("Widget B"));

        // A supplier: changed on the server (another API client) and here.
        store::SupplierRepository sb(**b, tb);
        auto supplier = sb.create(QJsonObject{{"name", "Cells Co"}, {"role", "component"}});
        QVERIFY(supplier.ok());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel.conflictList()->count(), 0);
        const auto map = store::SyncStateRepository(**b, m_url, tb)
                             .mapping(QStringLiteral("supplier"), supplier->id);
        QVERIFY(map.has_value());
        QCOMPARE(test::namSend(m_nam, "PATCH",
                               QUrl(m_url + QStringLiteral("/v1/suppliers/") + map->remoteId),
                               QJsonDocument(QJsonObject{{"name", "Cells Co (server)"}}).toJson(),
                               {{"Authorization", "Bearer " + m_key.toLatin1()}})
                     .status,
                 200);
        QVERIFY(sb.update(supplier->id, QJsonObject{{"name", "Cells Co (here)"}}).ok());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel.conflictList()->count(), 1);
        QCOMPARE(panel.conflictList()->item(0)->text(),
                 QStringLiteral("Supplier Cells Co (here): changed here and on the server"));
        int supplierNameRow = -1;
        for (int r = 0; r < diff->rowCount(); ++r) {
            if (diff->item(r, 0)->text() == u"name")
                supplierNameRow = r;
        }
        QVERIFY(supplierNameRow >= 0);
        QCOMPARE(diff->item(supplierNameRow, 1)->text(), QStringLiteral("Cells Co (here)"));
        QCOMPARE(diff->item(supplierNameRow, 2)->text(), QStringLiteral("Cells Co (server)"));
        auto* take = panel.findChild<QPushButton*>(QStringLiteral("takeTheirs"));
        QVERIFY(take && take->isEnabled());
        QTest::mouseClick(take, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel.conflictList()->count(), 0);
        QCOMPARE(sb.get(supplier->id)->name, QStringLiteral("Cells Co (server)"));

        // A serial: printed on the server (another client) while assigned here. The panel
        // names it by kind and element string; take theirs writes the server's state.
        store::SerialRepository serials(**b, tb);
        passport::SerialBatch batch;
        batch.productId = pb.findByGtin(kGtin)->id;
        batch.prefix = QStringLiteral("SN");
        batch.count = 2;
        auto created = serials.createBatch(batch);
        QVERIFY(created.ok());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        const auto batchMap = store::SyncStateRepository(**b, m_url, tb)
                                  .mapping(QStringLiteral("serial_batch"), created->id);
        QVERIFY(batchMap.has_value());
        const QUrl serialUrl(
            m_url +
            QStringLiteral("/v1/serial-batches/%1/serials/SN000001").arg(batchMap->remoteId));
        for (const char* state : {"assigned", "printed"})
            QCOMPARE(test::namSend(m_nam, "PATCH", serialUrl,
                                   QJsonDocument(QJsonObject{{"state", state}}).toJson(),
                                   {{"Authorization", "Bearer " + m_key.toLatin1()}})
                         .status,
                     200);
        QVERIFY(serials
                    .setState(batch.productId, QStringLiteral("SN000001"),
                              QStringLiteral("decommissioned"))
                    .ok());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel.conflictList()->count(), 1);
        QCOMPARE(panel.conflictList()->item(0)->text(),
                 QStringLiteral("Serial number state (01)%1(21)SN000001: changed here and on the "
                                "server")
                     .arg(kGtin));
        int stateRow = -1;
        for (int r = 0; r < diff->rowCount(); ++r) {
            if (diff->item(r, 0)->text() == u"state")
                stateRow = r;
        }
        QVERIFY(stateRow >= 0);
        QCOMPARE(diff->item(stateRow, 1)->text(), QStringLiteral("decommissioned"));
        QCOMPARE(diff->item(stateRow, 2)->text(), QStringLiteral("printed"));
        QTest::mouseClick(take, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(panel.conflictList()->count(), 0);
        QCOMPARE(serials.state(batch.productId, QStringLiteral("SN000001")).value_or(QString()),
                 QStringLiteral("printed"));

        // Cancel: 150 new products, cancelled at once; the next sync finishes the rest.
        for (int i = 0; i < 150; ++i) {
            const QString base = QStringLiteral("0402000000%1").arg(i, 3, 10, QLatin1Char('0'));
            QJsonObject p = product(QStringLiteral("Item %1").arg(i));
            p.insert(QStringLiteral("gtin"),
                     QString(base + QString::number(gs1::mod10CheckDigit(base.toStdString()))));
            QVERIFY(pb.save(p).ok());
        }
        QTest::mouseClick(syncNow, Qt::LeftButton);
        auto* cancel = panel.findChild<QPushButton*>(QStringLiteral("syncCancel"));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        const QString status = panel.findChild<QLabel*>(QStringLiteral("syncStatus"))->text();
        QVERIFY2(status.contains(u"cancelled"), qPrintable(status));
        QVERIFY(panel.progressBar()->value() < 150);
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());
        QCOMPARE(test::namSend(m_nam, "GET",
                               QUrl(m_url + QStringLiteral("/v1/products/04020000001490")), {},
                               {{"Authorization", "Bearer " + m_key.toLatin1()}})
                     .status,
                 200);
    }
};

QTEST_MAIN(TestSyncPanel)
#include "tst_syncpanel.moc"
