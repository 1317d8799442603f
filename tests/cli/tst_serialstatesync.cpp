// Serial states set in the desktop's product editor reach a hosted server: the
// editor's Save is core ProductChangeSet::commit (what this suite calls), then
// `dppctl sync` pushes it to a real dppserver on loopback (its store SQLite, then
// PostgreSQL when DPP_TEST_PG_URL is set). Three printed serials activated in one
// step go up as one bulk request: one journal row on each side.
#include "server/httptestclient.h"
#include "storetestsupport.h"
#include "syncservertestsupport.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <csignal>
#include <memory>
#include <store/changejournal.h>
#include <store/productchangeset.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;

class TestSerialStateSync : public QObject
{
    Q_OBJECT

public:
    explicit TestSerialStateSync(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    test::SyncServer m_remote;
    QString m_serverStore;
    QString m_url;
    QString m_key;
    QTemporaryDir m_dir;

    test::ProcessResult sync(const QString& desktop)
    {
        return test::runTool(QStringLiteral("dppctl"),
                             {QStringLiteral("--db"), desktop, QStringLiteral("sync"),
                              QStringLiteral("--server"), m_url, QStringLiteral("--key"), m_key});
    }
    // serial -> state in a store, and how many serial journal rows it has.
    static QMap<QString, QString> states(store::Database& db)
    {
        QSqlQuery q = db.prepare(QStringLiteral("SELECT serial, state FROM serials"));
        QMap<QString, QString> out;
        if (store::Database::exec(q).ok())
            while (q.next())
                out.insert(q.value(0).toString(), q.value(1).toString());
        return out;
    }
    static qint64 serialRows(store::Database& db)
    {
        QSqlQuery q = db.prepare(
            QStringLiteral("SELECT COUNT(*) FROM change_journal WHERE entity = 'serial'"));
        return store::Database::exec(q).ok() && q.next() ? q.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        QString why;
        m_serverStore = m_test.create(&why);
        if (m_serverStore.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        const QString failed = m_remote.start(
            m_serverStore,
            QStringLiteral("products:read,products:write,passports:read,passports:write,"
                           "serials:read,serials:write"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_url = m_remote.url;
        m_key = m_remote.key;
    }

    void cleanup()
    {
        m_remote.stop();
        m_test.drop();
    }

    void editorStatesReachTheServer()
    {
        const QString path = m_dir.filePath(QStringLiteral("d-%1.sqlite").arg(m_test.isPostgres()));
        auto opened = store::Database::open(path);
        QVERIFY(opened.ok());
        store::Database& db = **opened;
        const QString tenant = store::TenantRepository(db).ensure(QStringLiteral("default"))->id;

        // A product with a batch of 10; SN0002..SN0004 printed; pushed once.
        store::ProductChangeSet first;
        first.product = QJsonObject{{"gtin", "04012345000016"},
                                    {"name", QJsonObject{{"en", "Widget"}}},
                                    {"category", "other"}};
        passport::SerialBatch batch;
        batch.prefix = QStringLiteral("SN");
        batch.count = 10;
        batch.width = 4;
        first.batches.append({store::ProductChangeSet::newKey(), batch});
        const auto id = first.commit(db, tenant);
        QVERIFY(id.ok());
        store::SerialRepository serials(db, tenant);
        const QString batchId = serials.batches(*id).first().id;
        const QStringList three{"SN0002", "SN0003", "SN0004"};
        QVERIFY(serials.setStates(batchId, three, "assigned", "available").ok());
        QVERIFY(serials.setStates(batchId, three, "printed", "assigned").ok());
        auto r = sync(path);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        auto server = store::Database::open(m_serverStore);
        QVERIFY(server.ok());
        QCOMPARE(states(**server), states(db));
        const qint64 serverRowsBefore = serialRows(**server);

        // What the editor's Save does after "Set state… ▸ activated" on the three and
        // "decommissioned" on SN0009.
        store::ProductChangeSet edit;
        edit.productId = *id;
        QHash<QString, QString> stored;
        for (auto [serial, state] : states(db).asKeyValueRange())
            stored.insert(serial, state);
        store::ProductChangeSet::SerialStateChange activate{batchId, three, "activated", {}};
        QVERIFY(edit.serialStateErrors(activate, stored).isEmpty());
        edit.serialStates.append(activate);
        store::ProductChangeSet::SerialStateChange scrap{batchId, {"SN0009"}, "decommissioned", {}};
        QVERIFY(edit.serialStateErrors(scrap, stored).isEmpty());
        edit.serialStates.append(scrap);
        QVERIFY(edit.commit(db, tenant).ok());

        r = sync(path);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        const auto local = states(db);
        QCOMPARE(local.value("SN0003"), QStringLiteral("activated"));
        QCOMPARE(local.value("SN0009"), QStringLiteral("decommissioned"));
        QCOMPARE(states(**server), local);
        // The three went up as one bulk change, SN0009 as its own: two rows there too.
        QCOMPARE(serialRows(**server), serverRowsBefore + 2);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestSerialStateSync>(argc, argv);
}

#include "tst_serialstatesync.moc"
