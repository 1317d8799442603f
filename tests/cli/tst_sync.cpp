// dppctl sync against a real dppserver on loopback (its store a SQLite file, then
// PostgreSQL when DPP_TEST_PG_URL is set); the desktop stores are SQLite files as on a
// desktop. Two stores push the same product, both edit it: the second push is a
// conflict showing both versions; keep mine / take theirs; server and both stores end
// equal. A push killed with SIGKILL mid-way resumes: the server ends with exactly the
// local records (no duplicates) and the cursor at the end of the journal.
#include "server/httptestclient.h"
#include "storetestsupport.h"
#include "syncservertestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <csignal>
#include <gs1/checkdigit.h>
#include <memory>
#include <store/batteryunitrepository.h>
#include <store/changejournal.h>
#include <store/documentrepository.h>
#include <store/passportpublisher.h>
#include <store/passportrepository.h>
#include <store/productanalyticsrepository.h>
#include <store/productrepository.h>
#include <store/productsupplierrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/serialrepository.h>
#include <store/supplierrepository.h>
#include <store/syncstaterepository.h>
#include <store/tenantrepository.h>
#include <sync/syncengine.h>

using namespace dpp;
using dpp::test::NamReply;
using dpp::test::namSend;

namespace {

const QString kGtin = QStringLiteral("04012345000016");

QJsonObject product(const QString& gtin, const QString& name)
{
    return {{"gtin", gtin},
            {"name", QJsonObject{{"en", name}}},
            {"category", "other"},
            {"brand", "Acme"}};
}

// A desktop store: a SQLite file with the "default" tenant dppctl uses.
struct Desktop
{
    QString path;
    std::shared_ptr<store::Database> db;
    QString tenant;

    explicit Desktop(const QString& file) : path(file)
    {
        auto opened = store::Database::open(path);
        if (!opened.ok())
            return;
        db = *opened;
        tenant = store::TenantRepository(*db).ensure(QStringLiteral("default"))->id;
    }
    store::ProductRepository products() const { return {*db, tenant}; }
    QString name(const QString& gtin = kGtin) const
    {
        const auto p = products().findByGtin(gtin);
        return p ? p->name.value(QStringLiteral("en")) : QString();
    }
};

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

public:
    explicit TestSync(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QNetworkAccessManager m_nam;
    test::SyncServer m_remote;
    QString m_serverStore;
    QString m_url;
    QString m_key;
    QTemporaryDir m_dir;

    NamReply api(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        return namSend(m_nam, method, QUrl(m_url + path), body,
                       {{"Authorization", "Bearer " + m_key.toLatin1()}});
    }

    test::ProcessResult sync(const Desktop& d, const QStringList& extra = {})
    {
        return test::runTool(QStringLiteral("dppctl"),
                             QStringList{QStringLiteral("--db"), d.path, QStringLiteral("sync"),
                                         QStringLiteral("--server"), m_url, QStringLiteral("--key"),
                                         m_key} +
                                 extra);
    }

    QString serverName(const QString& gtin = kGtin)
    {
        return api("GET", QStringLiteral("/v1/products/") + gtin)
            .json()
            .value(u"name")
            .toObject()
            .value(u"en")
            .toString();
    }

    QList<QJsonObject> conflicts(const Desktop& d)
    {
        const auto r = sync(d, {QStringLiteral("--conflicts")});
        QList<QJsonObject> out;
        for (const QByteArray& line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(u"conflict"))
                out.append(o.value(u"conflict").toObject());
        }
        return out;
    }

    qint64 serverCount(const QString& table)
    {
        auto db = store::Database::open(m_serverStore);
        if (!db.ok())
            return -1;
        QSqlQuery q = (*db)->prepare(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    // "<gtin>/<serial>" -> state of every serial in a store (desktop or server).
    static QMap<QString, QString> serialStates(store::Database& db)
    {
        QSqlQuery q = db.prepare(QStringLiteral("SELECT p.gtin, s.serial, s.state FROM serials s "
                                                "JOIN products p ON p.id = s.product_id"));
        QMap<QString, QString> out;
        if (store::Database::exec(q).ok())
            while (q.next())
                out.insert(q.value(0).toString() + u'/' + q.value(1).toString(),
                           q.value(2).toString());
        return out;
    }

    QMap<QString, QString> serverSerialStates()
    {
        auto db = store::Database::open(m_serverStore);
        return db.ok() ? serialStates(**db) : QMap<QString, QString>();
    }

    QJsonObject syncReport(const test::ProcessResult& r)
    {
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object();
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
                           "serials:read,serials:write,documents:read,documents:write,"
                           "suppliers:read,suppliers:write,links:read,links:write,"
                           "batteries:read,batteries:write,analytics:read"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_url = m_remote.url;
        m_key = m_remote.key;
    }

    void cleanup()
    {
        m_remote.stop();
        m_test.drop();
    }

    void twoStoresConflictKeepMineThenTakeTheirs()
    {
        Desktop a(m_dir.filePath(QStringLiteral("a-%1.sqlite").arg(m_test.isPostgres())));
        Desktop b(m_dir.filePath(QStringLiteral("b-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(a.db && b.db);
        // Both desktops know the product (e.g. from the same ERP export).
        QVERIFY(a.products().save(product(kGtin, QStringLiteral("Widget"))).ok());
        QVERIFY(b.products().save(product(kGtin, QStringLiteral("Widget"))).ok());
        auto r = sync(a);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.contains("pushed 1/1"));
        r = sync(b);
        QVERIFY2(r.exitCode == 0,
                 QByteArray(r.out + r.err).constData()); // same content: the same product
        QCOMPARE(serverName(), QStringLiteral("Widget"));

        // Both edit it; A pushes first.
        QVERIFY(a.products().save(product(kGtin, QStringLiteral("Widget A"))).ok());
        QVERIFY(b.products().save(product(kGtin, QStringLiteral("Widget B"))).ok());
        r = sync(a);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(serverName(), QStringLiteral("Widget A"));
        r = sync(b);
        QCOMPARE(r.exitCode, 1); // a conflict remains
        QVERIFY2(r.err.contains("conflict"), r.err.constData());
        QCOMPARE(serverName(), QStringLiteral("Widget A")); // never overwritten silently
        QCOMPARE(b.name(), QStringLiteral("Widget B"));
        auto open = conflicts(b);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0].value(u"gtin").toString(), kGtin);
        QCOMPARE(
            open[0].value(u"mine").toObject().value(u"name").toObject().value(u"en").toString(),
            QStringLiteral("Widget B"));
        QCOMPARE(
            open[0].value(u"theirs").toObject().value(u"name").toObject().value(u"en").toString(),
            QStringLiteral("Widget A"));
        // A second run does not push it either: it waits for the user.
        QCOMPARE(sync(b).exitCode, 1);
        QCOMPARE(serverName(), QStringLiteral("Widget A"));

        // Keep mine: B's version goes to the server; A pulls it (nothing changed on A).
        r = sync(b, {QStringLiteral("--resolve"), open[0].value(u"id").toString(),
                     QStringLiteral("--keep"), QStringLiteral("mine")});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(serverName(), QStringLiteral("Widget B"));
        r = sync(a);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("\"pulled\":1"), r.out.constData());
        QCOMPARE(a.name(), QStringLiteral("Widget B"));
        QVERIFY(conflicts(b).isEmpty());

        // Round two, take theirs: B ends with A's version.
        QVERIFY(a.products().save(product(kGtin, QStringLiteral("Widget A2"))).ok());
        QVERIFY(b.products().save(product(kGtin, QStringLiteral("Widget B2"))).ok());
        QCOMPARE(sync(a).exitCode, 0);
        QCOMPARE(sync(b).exitCode, 1);
        open = conflicts(b);
        QCOMPARE(open.size(), 1);
        r = sync(b, {QStringLiteral("--resolve"), open[0].value(u"id").toString(),
                     QStringLiteral("--keep"), QStringLiteral("theirs")});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(b.name(), QStringLiteral("Widget A2"));
        QCOMPARE(serverName(), QStringLiteral("Widget A2"));
        QCOMPARE(sync(a).exitCode, 0);
        QCOMPARE(a.name(), QStringLiteral("Widget A2"));
        // Taking theirs is not a local change: nothing to push back.
        r = sync(b);
        QVERIFY2(r.out.contains("\"total\":0"), r.out.constData());

        // Passports: both publish a different one; B's first push finds A's on the server
        // and does not replace it; B takes theirs, then both publish again and B keeps its own.
        const auto publish = [](const Desktop& d, const QString& note) {
            return store::PassportPublisher(*d.db, d.tenant)
                .publish(d.products().findByGtin(kGtin)->id, QStringLiteral("product"),
                         QJsonObject{{"note", note}})
                .ok();
        };
        const auto serverNote = [this] {
            return api("GET", QStringLiteral("/v1/products/%1/passport").arg(kGtin))
                .json()
                .value(u"passport")
                .toObject()
                .value(u"data")
                .toObject()
                .value(u"note")
                .toString();
        };
        const auto localNote = [](const Desktop& d) {
            return store::PassportRepository(*d.db, d.tenant)
                .published(d.products().findByGtin(kGtin)->id)
                ->data.value(u"note")
                .toString();
        };
        QVERIFY(publish(a, QStringLiteral("from A")));
        QCOMPARE(sync(a).exitCode, 0);
        QCOMPARE(serverNote(), QStringLiteral("from A"));
        QVERIFY(publish(b, QStringLiteral("from B")));
        QCOMPARE(sync(b).exitCode, 1);
        QCOMPARE(serverNote(), QStringLiteral("from A"));
        open = conflicts(b);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0].value(u"entity").toString(), QStringLiteral("passport"));
        QCOMPARE(open[0].value(u"mine").toObject().value(u"data").toObject().value(u"note"),
                 QJsonValue(QStringLiteral("from B")));
        QCOMPARE(open[0].value(u"theirs").toObject().value(u"data").toObject().value(u"note"),
                 QJsonValue(QStringLiteral("from A")));
        QCOMPARE(sync(b, {QStringLiteral("--resolve"), open[0].value(u"id").toString(),
                          QStringLiteral("--keep"), QStringLiteral("theirs")})
                     .exitCode,
                 0);
        QCOMPARE(localNote(b), QStringLiteral("from A"));

        QVERIFY(publish(a, QStringLiteral("A again")));
        QCOMPARE(sync(a).exitCode, 0);
        QVERIFY(publish(b, QStringLiteral("B again")));
        QCOMPARE(sync(b).exitCode, 1);
        QCOMPARE(serverNote(), QStringLiteral("A again"));
        open = conflicts(b);
        QCOMPARE(open.size(), 1);
        QCOMPARE(sync(b, {QStringLiteral("--resolve"), open[0].value(u"id").toString(),
                          QStringLiteral("--keep"), QStringLiteral("mine")})
                     .exitCode,
                 0);
        QCOMPARE(serverNote(), QStringLiteral("B again"));
        // A changed nothing since: its next sync takes the server's passport.
        r = sync(a);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(localNote(a), QStringLiteral("B again"));
        QCOMPARE(localNote(b), QStringLiteral("B again"));

        // All three agree, field by field.
        const QJsonObject server = api("GET", QStringLiteral("/v1/products/") + kGtin).json();
        for (const Desktop* d : {&a, &b}) {
            QJsonObject local = d->products().findByGtin(kGtin)->toJson();
            QJsonObject remote = server;
            for (const char* key : {"id", "created_at", "updated_at", "version"}) {
                local.remove(QLatin1String(key));
                remote.remove(QLatin1String(key));
            }
            QCOMPARE(local, remote);
        }
        // Analytics of the synced product came along.
        QVERIFY(store::ProductAnalyticsRepository(*a.db, a.tenant)
                    .get(a.products().findByGtin(kGtin)->id)
                    .has_value());
    }

    void badArgumentsWrongKeyAndNoServer()
    {
        Desktop a(m_dir.filePath(QStringLiteral("u-%1.sqlite").arg(m_test.isPostgres())));
        auto r = test::runTool(QStringLiteral("dppctl"),
                               {QStringLiteral("--db"), a.path, QStringLiteral("sync"),
                                QStringLiteral("--server"), QStringLiteral("ftp://x"),
                                QStringLiteral("--key"), m_key});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--server"));
        r = sync(a, {QStringLiteral("--resolve"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--keep"));
        // A wrong key: a clear message, exit 1, the cursor stays.
        QVERIFY(a.products().save(product(kGtin, QStringLiteral("Widget"))).ok());
        r = test::runTool(QStringLiteral("dppctl"),
                          {QStringLiteral("--db"), a.path, QStringLiteral("sync"),
                           QStringLiteral("--server"), m_url, QStringLiteral("--key"),
                           QStringLiteral("sk_live_wrong")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("API key"), r.err.constData());
        QCOMPARE(store::SyncStateRepository(*a.db, m_url, a.tenant).cursor(), 0);
        // No server there: retried with backoff, then a message naming it; exit 1, the
        // change stays pending.
        const QString nobody = QStringLiteral("http://127.0.0.1:1");
        r = test::runTool(QStringLiteral("dppctl"),
                          {QStringLiteral("--db"), a.path, QStringLiteral("sync"),
                           QStringLiteral("--server"), nobody, QStringLiteral("--key"), m_key});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot reach http://127.0.0.1:1"), r.err.constData());
        QVERIFY2(r.err.contains("retrying"), r.err.constData());
        QCOMPARE(store::SyncStateRepository(*a.db, nobody, a.tenant).cursor(), 0);
        // The real server then gets it.
        QCOMPARE(sync(a).exitCode, 0);
        QCOMPARE(serverName(), QStringLiteral("Widget"));
    }

    // Every kind of record the journal carries reaches the server, and deletes follow.
    void everyRecordKindReachesTheServer()
    {
        Desktop d(m_dir.filePath(QStringLiteral("d-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(d.db);
        auto battery = d.products().save(
            QJsonObject{{"gtin", "05601010000001"},
                        {"name", QJsonObject{{"en", "Pack"}}},
                        {"category", "battery"},
                        {"battery", QJsonObject{{"category", "ev"}, {"chemistry", "NMC"}}}});
        QVERIFY(battery.ok());
        const QString pid = battery->product.id;
        store::SupplierRepository suppliers(*d.db, d.tenant);
        auto supplier = suppliers.create(
            QJsonObject{{"name", "Cells Co"}, {"country", "PT"}, {"role", "packaging"}});
        QVERIFY(supplier.ok());
        QVERIFY(suppliers.update(supplier->id, QJsonObject{{"name", "Cells Co SA"}}).ok());
        passport::ProductSupplier ps;
        ps.productId = pid;
        ps.supplierId = supplier->id;
        ps.role = QStringLiteral("packaging");
        QVERIFY(store::ProductSupplierRepository(*d.db, d.tenant).link(ps).ok());
        store::ResolverLinkRepository links(*d.db, d.tenant);
        passport::ResolverLink rl;
        rl.productId = pid;
        rl.gtin = battery->product.gtin;
        rl.linkType = QStringLiteral("gs1:recipeInfo");
        rl.href = QStringLiteral("https://example.com/care");
        rl.title = QStringLiteral("Care");
        auto link = links.create(rl);
        QVERIFY(link.ok());
        QVERIFY(links.update(link->id, QJsonObject{{"title", "Care and charging"}}).ok());
        store::BatteryUnitRepository units(*d.db, d.tenant);
        passport::BatteryUnit unit;
        unit.productId = pid;
        unit.uniqueIdentifier = QStringLiteral("https://id.example.com/01/05601010000001/21/B1");
        auto created = units.create(unit);
        QVERIFY(created.ok());
        passport::SohReading reading;
        reading.measuredAt = QDateTime::currentDateTimeUtc();
        reading.stateOfHealthPct = 96;
        QVERIFY(units.addReading(created->id, reading).ok());
        passport::LifecycleEvent event;
        event.occurredAt = QDateTime::currentDateTimeUtc();
        event.type = QStringLiteral("repaired");
        event.description = QStringLiteral("cell replaced");
        QVERIFY(units.addEvent(created->id, event).ok());
        QVERIFY(units.setStatus(created->id, QStringLiteral("repurposed")).ok());
        store::DocumentRepository documents(*d.db, d.tenant);
        auto doc = documents.add(pid, QStringLiteral("user_manual"), QStringLiteral("m.pdf"),
                                 QStringLiteral("application/pdf"), QByteArray("%PDF-1.4 m"));
        QVERIFY(doc.ok());
        store::SerialRepository serials(*d.db, d.tenant);
        passport::SerialBatch batch;
        batch.productId = pid;
        batch.mode = QStringLiteral("uploaded");
        batch.uploaded = {QStringLiteral("A1"), QStringLiteral("A2")};
        auto createdBatch = serials.createBatch(batch);
        QVERIFY(createdBatch.ok());

        auto r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("\"errors\":0"), r.out.constData());
        QCOMPARE(serverCount(QStringLiteral("suppliers WHERE name = 'Cells Co SA'")), 1);
        QCOMPARE(serverCount(QStringLiteral("product_suppliers")), 1);
        QCOMPARE(serverCount(QStringLiteral("resolver_links WHERE title = 'Care and charging'")),
                 1);
        QCOMPARE(serverCount(QStringLiteral("battery_units WHERE status = 'repurposed'")), 1);
        QCOMPARE(serverCount(QStringLiteral("battery_soh_readings")), 1);
        QCOMPARE(serverCount(QStringLiteral("battery_events")), 2); // repaired + repurposed
        QCOMPARE(serverCount(QStringLiteral("documents")), 1);
        QCOMPARE(serverCount(QStringLiteral("serials")), 2);

        // Deletes follow the same way.
        QVERIFY(links.remove(link->id).ok());
        QVERIFY(store::ProductSupplierRepository(*d.db, d.tenant).unlink(pid, supplier->id).ok());
        QVERIFY(documents.remove(doc->id).ok());
        QVERIFY(serials.deleteBatch(createdBatch->id).ok());
        r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(serverCount(QStringLiteral("resolver_links WHERE link_type = 'gs1:recipeInfo'")),
                 0);
        QCOMPARE(serverCount(QStringLiteral("product_suppliers")), 0);
        QCOMPARE(serverCount(QStringLiteral("documents")), 0);
        QCOMPARE(serverCount(QStringLiteral("serial_batches")), 0);
    }

    // Serial states set on the desktop (by hand and by assignment, in a sequential and an
    // uploaded batch) reach the server step by step: both stores end with equal states.
    void serialStatesReachTheServer()
    {
        Desktop d(m_dir.filePath(QStringLiteral("s-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(d.db);
        auto saved = d.products().save(product(kGtin, QStringLiteral("Widget")));
        QVERIFY(saved.ok());
        const QString pid = saved->product.id;
        store::SerialRepository serials(*d.db, d.tenant);
        passport::SerialBatch sequential;
        sequential.productId = pid;
        sequential.lot = QStringLiteral("L1");
        sequential.prefix = QStringLiteral("SN");
        sequential.count = 10;
        auto seq = serials.createBatch(sequential);
        QVERIFY(seq.ok());
        passport::SerialBatch uploaded;
        uploaded.productId = pid;
        uploaded.mode = QStringLiteral("uploaded");
        uploaded.uploaded = {QStringLiteral("U1"), QStringLiteral("U2"), QStringLiteral("U/3")};
        QVERIFY(serials.createBatch(uploaded).ok());

        const auto step = [&](const QString& serial, const QStringList& states) {
            for (const QString& state : states)
                if (!serials.setState(pid, serial, state).ok())
                    return false;
            return true;
        };
        // Five serials by hand, two more by assignment.
        QVERIFY(step(QStringLiteral("SN000001"), {"assigned"}));
        QVERIFY(step(QStringLiteral("SN000002"), {"assigned", "printed"}));
        QVERIFY(step(QStringLiteral("SN000003"), {"decommissioned"}));
        QVERIFY(step(QStringLiteral("U1"), {"assigned", "printed", "activated"}));
        QVERIFY(step(QStringLiteral("U/3"), {"assigned"}));
        QCOMPARE(serials.assign(seq->id, 2).value(),
                 (QStringList{QStringLiteral("SN000004"), QStringLiteral("SN000005")}));

        auto r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(syncReport(r).value(u"errors").toInt(), 0);
        const auto local = serialStates(*d.db);
        QCOMPARE(local.value(kGtin + QStringLiteral("/U1")), QStringLiteral("activated"));
        QCOMPARE(serverSerialStates(), local);
        // One server change per local one: the assignment went up as one request (one
        // journal row and one webhook there too), each step by hand as its own.
        QSqlQuery q = d.db->prepare(
            QStringLiteral("SELECT COUNT(*) FROM change_journal WHERE entity = 'serial'"));
        QVERIFY(store::Database::exec(q).ok() && q.next());
        QCOMPARE(q.value(0).toLongLong(), 9);
        QCOMPARE(serverCount(QStringLiteral("change_journal WHERE entity = 'serial'")), 9);

        // Later steps of serials the server knows already.
        QVERIFY(step(QStringLiteral("SN000001"), {"printed", "activated"}));
        QVERIFY(step(QStringLiteral("SN000004"), {"printed"}));
        QVERIFY(step(QStringLiteral("U2"), {"decommissioned"}));
        r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(serverSerialStates(), serialStates(*d.db));
        QCOMPARE(serverCount(QStringLiteral("serials WHERE state <> 'available'")), 8);
    }

    // A serial moved on the server (another client) while the desktop moved it from the
    // old state: the compare-and-set PATCH answers 412 and the serial becomes a conflict;
    // keep mine puts the local state on the server, take theirs writes the server's here
    // (even a step the local rule would refuse). The same step on both sides is no conflict.
    void serialStaleFromConflictBothWays()
    {
        Desktop d(m_dir.filePath(QStringLiteral("x-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(d.db);
        auto saved = d.products().save(product(kGtin, QStringLiteral("Widget")));
        QVERIFY(saved.ok());
        const QString pid = saved->product.id;
        store::SerialRepository serials(*d.db, d.tenant);
        passport::SerialBatch batch;
        batch.productId = pid;
        batch.prefix = QStringLiteral("SN");
        batch.count = 5;
        auto created = serials.createBatch(batch);
        QVERIFY(created.ok());
        auto r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        store::SyncStateRepository state(*d.db, m_url, d.tenant);
        const QString remotePath =
            QStringLiteral("/v1/serial-batches/%1/serials/")
                .arg(state.mapping(QStringLiteral("serial_batch"), created->id)->remoteId);
        const auto serverState = [&](const char* serial) {
            return api("GET", remotePath + QLatin1String(serial)).json()[u"state"].toString();
        };
        const auto localState = [&](const char* serial) {
            return serials.state(pid, QLatin1String(serial)).value_or(QString());
        };
        for (const char* serial : {"SN000001", "SN000002", "SN000003"})
            QCOMPARE(
                api("PATCH", remotePath + QLatin1String(serial), R"({"state":"assigned"})").status,
                200);
        QVERIFY(serials.setState(pid, QStringLiteral("SN000001"), QStringLiteral("decommissioned"))
                    .ok());
        QVERIFY(serials.setState(pid, QStringLiteral("SN000002"), QStringLiteral("decommissioned"))
                    .ok());
        // SN000003: the server's step taken here as well, then one more.
        QVERIFY(serials.setState(pid, QStringLiteral("SN000003"), QStringLiteral("assigned")).ok());
        QVERIFY(serials.setState(pid, QStringLiteral("SN000003"), QStringLiteral("printed")).ok());
        // An assignment of SN000004 and SN000005 while the server printed SN000005: the
        // one request for both is refused, then SN000004 goes alone, SN000005 conflicts.
        for (const char* step : {"assigned", "printed"})
            QCOMPARE(api("PATCH", remotePath + QStringLiteral("SN000005"),
                         QByteArray(R"({"state":")") + step + "\"}")
                         .status,
                     200);
        QCOMPARE(serials.assign(created->id, 2).value(),
                 (QStringList{QStringLiteral("SN000004"), QStringLiteral("SN000005")}));

        r = sync(d);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(serverState("SN000001"), QStringLiteral("assigned")); // never overwritten
        QCOMPARE(serverState("SN000002"), QStringLiteral("assigned"));
        QCOMPARE(serverState("SN000003"), QStringLiteral("printed"));
        QCOMPARE(serverState("SN000004"), QStringLiteral("assigned"));
        QCOMPARE(serverState("SN000005"), QStringLiteral("printed"));
        QHash<QString, QJsonObject> open;
        for (const QJsonObject& c : conflicts(d))
            open.insert(c.value(u"label").toString(), c);
        QCOMPARE(open.size(), 3);
        const QJsonObject five = open.value(u"(01)" + kGtin + u"(21)SN000005");
        QCOMPARE(five.value(u"mine").toObject().value(u"state").toString(),
                 QStringLiteral("assigned"));
        QCOMPARE(five.value(u"theirs").toObject().value(u"state").toString(),
                 QStringLiteral("printed"));
        const QJsonObject one = open.value(u"(01)" + kGtin + u"(21)SN000001");
        QCOMPARE(one.value(u"entity").toString(), QStringLiteral("serial"));
        QCOMPARE(one.value(u"mine").toObject().value(u"state").toString(),
                 QStringLiteral("decommissioned"));
        QCOMPARE(one.value(u"theirs").toObject().value(u"state").toString(),
                 QStringLiteral("assigned"));
        const QJsonObject two = open.value(u"(01)" + kGtin + u"(21)SN000002");
        QVERIFY(!two.isEmpty());

        // Keep mine through dppctl; take theirs through the engine the desktop uses.
        r = sync(d, {QStringLiteral("--resolve"), one.value(u"id").toString(),
                     QStringLiteral("--keep"), QStringLiteral("mine")});
        // Resolved; the run after it still reports the other serial's open conflict.
        QVERIFY2(r.exitCode == 1 && r.out.contains("\"kept\":\"mine\"") &&
                     r.out.contains("\"conflicts\":2"),
                 QByteArray(r.out + r.err).constData());
        QCOMPARE(serverState("SN000001"), QStringLiteral("decommissioned"));
        sync::SyncEngine engine(*d.db, d.tenant, {m_url, m_key});
        QVERIFY(
            engine.resolve(two.value(u"id").toString(), sync::SyncEngine::Choice::TakeTheirs).ok());
        QCOMPARE(localState("SN000002"), QStringLiteral("assigned")); // back from decommissioned
        QCOMPARE(serverState("SN000002"), QStringLiteral("assigned"));
        QVERIFY(engine.resolve(five.value(u"id").toString(), sync::SyncEngine::Choice::TakeTheirs)
                    .ok());
        QCOMPARE(localState("SN000005"), QStringLiteral("printed"));

        // Keep mine that the server's rule refuses (its serial is decommissioned, final):
        // the error names the state, the conflict stays open for take theirs.
        QCOMPARE(
            api("PATCH", remotePath + QStringLiteral("SN000004"), R"({"state":"decommissioned"})")
                .status,
            200);
        QVERIFY(serials.setState(pid, QStringLiteral("SN000004"), QStringLiteral("printed")).ok());
        QCOMPARE(sync(d).exitCode, 1);
        const QList<QJsonObject> left = conflicts(d);
        QCOMPARE(left.size(), 1);
        const Status refused = engine.resolve(left.first().value(u"id").toString(),
                                              sync::SyncEngine::Choice::KeepMine);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().param, QStringLiteral("state"));
        QVERIFY2(refused.error().message.contains(u"decommissioned"),
                 qPrintable(refused.error().message));
        QCOMPARE(conflicts(d).size(), 1);
        QVERIFY(
            engine
                .resolve(left.first().value(u"id").toString(), sync::SyncEngine::Choice::TakeTheirs)
                .ok());
        QCOMPARE(localState("SN000004"), QStringLiteral("decommissioned"));

        // Nothing is pushed back; both stores agree.
        r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("\"total\":0"), r.out.constData());
        QVERIFY(conflicts(d).isEmpty());
        QCOMPARE(serverSerialStates(), serialStates(*d.db));
    }

    // A document of no product goes to /v1/documents; its delete follows.
    void tenantWideDocumentUploadedAndDeleted()
    {
        Desktop d(m_dir.filePath(QStringLiteral("t-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(d.db);
        store::DocumentRepository documents(*d.db, d.tenant);
        auto doc = documents.add({}, QStringLiteral("certificate"), QStringLiteral("iso9001.pdf"),
                                 QStringLiteral("application/pdf"), QByteArray("%PDF-1.4 iso"));
        QVERIFY(doc.ok());
        auto r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(syncReport(r).value(u"pushed").toInt(), 1);
        const QJsonArray listed =
            api("GET", QStringLiteral("/v1/documents")).json()[u"data"].toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first()[u"sha256"].toString(), doc->sha256);
        QCOMPARE(listed.first()[u"filename"].toString(), QStringLiteral("iso9001.pdf"));
        QCOMPARE(api("GET", u"/v1/documents/" + listed.first()[u"id"].toString()).body,
                 QByteArray("%PDF-1.4 iso"));

        QVERIFY(documents.remove(doc->id).ok());
        r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(serverCount(QStringLiteral("documents")), 0);
        QCOMPARE(api("GET", QStringLiteral("/v1/documents")).json()[u"data"].toArray().size(), 0);
    }

    // Versions published between two syncs all reach the server, in order.
    void everyPassportVersionInOrder()
    {
        Desktop d(m_dir.filePath(QStringLiteral("p-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(d.db);
        auto saved = d.products().save(product(kGtin, QStringLiteral("Widget")));
        QVERIFY(saved.ok());
        const QString pid = saved->product.id;
        store::PassportPublisher publisher(*d.db, d.tenant);
        const auto publish = [&](int n) {
            return publisher
                .publish(pid, QStringLiteral("product"),
                         QJsonObject{{"description", QStringLiteral("edition %1").arg(n)}})
                .ok();
        };
        QVERIFY(publish(1));
        auto r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(publish(2));
        QVERIFY(publish(3));
        QVERIFY(publish(4));
        r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(syncReport(r).value(u"pushed").toInt(), 3);

        QStringList local, remote;
        for (const auto& v : store::PassportRepository(*d.db, d.tenant).versions(pid))
            local.append(v.sha256);
        const NamReply versions =
            api("GET", QStringLiteral("/v1/products/%1/passports").arg(kGtin));
        QCOMPARE(versions.status, 200);
        for (const QJsonValue& v : versions.json()[u"data"].toArray())
            remote.append(v[u"sha256"].toString());
        QCOMPARE(local.size(), 4);
        QCOMPARE(remote, local);
        // Nothing left to send, and the server's newest is the desktop's newest.
        r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(syncReport(r).value(u"total").toInt(), 0);
        QCOMPARE(serverCount(QStringLiteral("passport_versions")), 4);

        // Another client publishes on the server; two more versions here: the first one
        // meets the server's (If-Match = the last sha256 sent) and is a conflict, the next
        // waits with it. Nothing is published over the server's version unasked.
        QCOMPARE(api("POST", QStringLiteral("/v1/passports"),
                     QJsonDocument(QJsonObject{{"gtin", kGtin},
                                               {"kind", "product"},
                                               {"data", QJsonObject{{"description", "server"}}}})
                         .toJson())
                     .status,
                 201);
        QVERIFY(publish(5));
        QVERIFY(publish(6));
        r = sync(d);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(serverCount(QStringLiteral("passport_versions")), 5);
        const QList<QJsonObject> open = conflicts(d);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().value(u"entity").toString(), QStringLiteral("passport"));
        QCOMPARE(open.first()[u"mine"][u"data"][u"description"].toString(),
                 QStringLiteral("edition 6"));
        QCOMPARE(open.first()[u"theirs"][u"data"][u"description"].toString(),
                 QStringLiteral("server"));
        r = sync(d, {QStringLiteral("--resolve"), open.first().value(u"id").toString(),
                     QStringLiteral("--keep"), QStringLiteral("mine")});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(api("GET", QStringLiteral("/v1/products/%1/passport").arg(kGtin))
                     .json()[u"passport"][u"data"][u"description"]
                     .toString(),
                 QStringLiteral("edition 6"));
    }

    // Suppliers, resolver links and a battery unit's status changed here and on the server
    // (by another API client): each becomes a conflict with both versions; keep mine puts
    // the local version on the server, take theirs writes the server's here, and neither
    // leaves anything to push back. One choice goes through dppctl, the others through
    // the engine the desktop uses.
    void suppliersLinksAndBatteryStatusConflict()
    {
        Desktop d(m_dir.filePath(QStringLiteral("v-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(d.db);
        const QString gtin = QStringLiteral("05601010000001");
        auto battery = d.products().save(
            QJsonObject{{"gtin", gtin},
                        {"name", QJsonObject{{"en", "Pack"}}},
                        {"category", "battery"},
                        {"battery", QJsonObject{{"category", "ev"}, {"chemistry", "NMC"}}}});
        QVERIFY(battery.ok());
        store::SupplierRepository suppliers(*d.db, d.tenant);
        auto supplier = suppliers.create(
            QJsonObject{{"name", "Cells Co"}, {"country", "PT"}, {"role", "component"}});
        QVERIFY(supplier.ok());
        store::ResolverLinkRepository links(*d.db, d.tenant);
        passport::ResolverLink rl;
        rl.productId = battery->product.id;
        rl.gtin = gtin;
        rl.linkType = QStringLiteral("gs1:recipeInfo");
        rl.href = QStringLiteral("https://example.com/care");
        rl.title = QStringLiteral("Care");
        rl.languages = {QStringLiteral("en")};
        auto link = links.create(rl);
        QVERIFY(link.ok());
        store::BatteryUnitRepository units(*d.db, d.tenant);
        passport::BatteryUnit unit;
        unit.productId = battery->product.id;
        unit.uniqueIdentifier = QStringLiteral("https://id.example.com/01/05601010000001/21/C1");
        auto created = units.create(unit);
        QVERIFY(created.ok());
        auto r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());

        store::SyncStateRepository state(*d.db, m_url, d.tenant);
        const QString supplierPath =
            QStringLiteral("/v1/suppliers/") + state.mapping("supplier", supplier->id)->remoteId;
        const QString linkPath = QStringLiteral("/v1/products/%1/links/%2")
                                     .arg(gtin, state.mapping("link", link->id)->remoteId);
        const QString unitPath = QStringLiteral("/v1/battery-units/") +
                                 state.mapping("battery_unit", created->id)->remoteId;
        const auto server = [this](const QString& path, const char* field) {
            return api("GET", path).json().value(QLatin1String(field)).toString();
        };
        const auto serverEdit = [this](const QString& path, const QJsonObject& body) {
            return api("PATCH", path, QJsonDocument(body).toJson()).status;
        };
        const auto localSupplier = [&] { return suppliers.get(supplier->id)->name; };
        const auto localTitle = [&] { return links.get(link->id)->title; };
        const auto localStatus = [&] { return units.get(created->id)->status; };
        const auto byEntity = [this, &d] {
            QHash<QString, QJsonObject> out;
            for (const QJsonObject& c : conflicts(d))
                out.insert(c.value(u"entity").toString(), c);
            return out;
        };
        sync::SyncEngine engine(*d.db, d.tenant, {m_url, m_key});
        const auto pushedNothingBack = [&] {
            const auto again = sync(d);
            QVERIFY2(again.exitCode == 0, QByteArray(again.out + again.err).constData());
            QVERIFY2(again.out.contains("\"total\":0"), again.out.constData());
            QVERIFY(conflicts(d).isEmpty());
            QCOMPARE(state.cursor(), store::ChangeJournal(*d.db).lastSeq());
        };

        // Round one: both sides edit all three; the server's edits came first.
        QCOMPARE(serverEdit(supplierPath, {{"name", "Cells Co (server)"}}), 200);
        QCOMPARE(serverEdit(linkPath, {{"title", "Care (server)"}}), 200);
        QCOMPARE(serverEdit(unitPath, {{"status", "repurposed"}}), 200);
        QVERIFY(suppliers.update(supplier->id, QJsonObject{{"name", "Cells Co (here)"}}).ok());
        QVERIFY(links.update(link->id, QJsonObject{{"title", "Care (here)"}}).ok());
        QVERIFY(units
                    .setStatus(created->id, QStringLiteral("remanufactured"),
                               QStringLiteral("new cells"))
                    .ok());
        r = sync(d);
        QCOMPARE(r.exitCode, 1);
        // Never overwritten silently.
        QCOMPARE(server(supplierPath, "name"), QStringLiteral("Cells Co (server)"));
        QCOMPARE(server(linkPath, "title"), QStringLiteral("Care (server)"));
        QCOMPARE(server(unitPath, "status"), QStringLiteral("repurposed"));
        auto open = byEntity();
        QCOMPARE(open.size(), 3);
        const QJsonObject sc = open.value(QStringLiteral("supplier"));
        QCOMPARE(sc.value(u"label").toString(), QStringLiteral("Cells Co (here)"));
        QCOMPARE(sc.value(u"mine").toObject().value(u"name").toString(),
                 QStringLiteral("Cells Co (here)"));
        QCOMPARE(sc.value(u"theirs").toObject().value(u"name").toString(),
                 QStringLiteral("Cells Co (server)"));
        QCOMPARE(sc.value(u"mine").toObject().value(u"country").toString(), QStringLiteral("PT"));
        QVERIFY(!sc.contains(u"gtin"));
        const QJsonObject lc = open.value(QStringLiteral("link"));
        QCOMPARE(lc.value(u"label").toString(), gtin + QStringLiteral(" gs1:recipeInfo en"));
        QCOMPARE(lc.value(u"mine").toObject().value(u"title").toString(),
                 QStringLiteral("Care (here)"));
        QCOMPARE(lc.value(u"theirs").toObject().value(u"title").toString(),
                 QStringLiteral("Care (server)"));
        QCOMPARE(lc.value(u"theirs").toObject().value(u"href").toString(),
                 QStringLiteral("https://example.com/care"));
        const QJsonObject bc = open.value(QStringLiteral("battery_unit"));
        QCOMPARE(bc.value(u"label").toString(), unit.uniqueIdentifier);
        QCOMPARE(bc.value(u"mine").toObject(),
                 (QJsonObject{{"status", "remanufactured"}, {"description", "new cells"}}));
        QCOMPARE(bc.value(u"theirs").toObject(), (QJsonObject{{"status", "repurposed"}}));
        // A second run waits for the user as well.
        QCOMPARE(sync(d).exitCode, 1);
        QCOMPARE(server(supplierPath, "name"), QStringLiteral("Cells Co (server)"));

        // Keep mine (supplier, battery) and take theirs (link, through dppctl).
        QVERIFY(
            engine.resolve(sc.value(u"id").toString(), sync::SyncEngine::Choice::KeepMine).ok());
        QVERIFY(
            engine.resolve(bc.value(u"id").toString(), sync::SyncEngine::Choice::KeepMine).ok());
        r = sync(d, {QStringLiteral("--resolve"), lc.value(u"id").toString(),
                     QStringLiteral("--keep"), QStringLiteral("theirs")});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(server(supplierPath, "name"), QStringLiteral("Cells Co (here)"));
        QCOMPARE(server(unitPath, "status"), QStringLiteral("remanufactured"));
        QCOMPARE(localTitle(), QStringLiteral("Care (server)"));
        QCOMPARE(server(linkPath, "title"), QStringLiteral("Care (server)"));
        QCOMPARE(localSupplier(), QStringLiteral("Cells Co (here)"));
        QCOMPARE(localStatus(), QStringLiteral("remanufactured"));
        pushedNothingBack();

        // Round two, the other choices. The battery is declared waste here while the
        // server re-used it: taking theirs is not refused by "waste is final".
        QCOMPARE(serverEdit(supplierPath, {{"name", "Cells Co 2 (server)"}}), 200);
        QCOMPARE(serverEdit(linkPath, {{"title", "Care 2 (server)"}}), 200);
        QCOMPARE(serverEdit(unitPath, {{"status", "re-used"}}), 200);
        QVERIFY(suppliers.update(supplier->id, QJsonObject{{"name", "Cells Co 2 (here)"}}).ok());
        QVERIFY(links.update(link->id, QJsonObject{{"title", "Care 2 (here)"}}).ok());
        QVERIFY(units.setStatus(created->id, QStringLiteral("waste")).ok());
        QCOMPARE(sync(d).exitCode, 1);
        open = byEntity();
        QCOMPARE(open.size(), 3);
        QVERIFY(engine
                    .resolve(open.value(QStringLiteral("supplier")).value(u"id").toString(),
                             sync::SyncEngine::Choice::TakeTheirs)
                    .ok());
        QVERIFY(engine
                    .resolve(open.value(QStringLiteral("battery_unit")).value(u"id").toString(),
                             sync::SyncEngine::Choice::TakeTheirs)
                    .ok());
        QCOMPARE(localSupplier(), QStringLiteral("Cells Co 2 (server)"));
        QCOMPARE(localStatus(), QStringLiteral("re-used"));
        // The link changes on the server once more before the user keeps theirs: keep mine
        // answers that the server moved on and shows the newer version; then it goes through.
        const QString linkConflict = open.value(QStringLiteral("link")).value(u"id").toString();
        QCOMPARE(serverEdit(linkPath, {{"title", "Care 3 (server)"}}), 200);
        const Status stale = engine.resolve(linkConflict, sync::SyncEngine::Choice::KeepMine);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, QStringLiteral("version_mismatch"));
        QCOMPARE(server(linkPath, "title"), QStringLiteral("Care 3 (server)"));
        open = byEntity();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.value(QStringLiteral("link")).value(u"theirs").toObject().value(u"title"),
                 QJsonValue(QStringLiteral("Care 3 (server)")));
        QVERIFY(engine.resolve(linkConflict, sync::SyncEngine::Choice::KeepMine).ok());
        QCOMPARE(server(linkPath, "title"), QStringLiteral("Care 2 (here)"));
        QCOMPARE(server(supplierPath, "name"), QStringLiteral("Cells Co 2 (server)"));
        QCOMPARE(server(unitPath, "status"), QStringLiteral("re-used"));
        pushedNothingBack();

        // Changed only on the server: the next sync takes them here (pull), and pushes
        // nothing back.
        QCOMPARE(serverEdit(supplierPath, {{"name", "Cells Co 3 (server)"}}), 200);
        QCOMPARE(serverEdit(linkPath, {{"title", "Care 4 (server)"}}), 200);
        QCOMPARE(serverEdit(unitPath, {{"status", "remanufactured"}}), 200);
        r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("\"pulled\":3"), r.out.constData());
        QCOMPARE(localSupplier(), QStringLiteral("Cells Co 3 (server)"));
        QCOMPARE(localTitle(), QStringLiteral("Care 4 (server)"));
        QCOMPARE(localStatus(), QStringLiteral("remanufactured"));
        pushedNothingBack();

        // The same change on both sides is no conflict: the server's ETag is taken.
        QCOMPARE(serverEdit(supplierPath, {{"country", "ES"}}), 200);
        QVERIFY(suppliers.update(supplier->id, QJsonObject{{"country", "ES"}}).ok());
        r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(conflicts(d).isEmpty());
        QCOMPARE(state.mapping("supplier", supplier->id)->etag,
                 QString::fromUtf8(api("GET", supplierPath).headers.value("etag")));

        // The server declared the battery waste while it was repurposed here: keeping mine
        // is refused by the server with its reason and the conflict stays open for the
        // other choice.
        QCOMPARE(serverEdit(unitPath, {{"status", "waste"}}), 200);
        QVERIFY(units.setStatus(created->id, QStringLiteral("repurposed")).ok());
        QCOMPARE(sync(d).exitCode, 1);
        open = byEntity();
        QCOMPARE(open.size(), 1);
        const QString wasteConflict =
            open.value(QStringLiteral("battery_unit")).value(u"id").toString();
        const Status refused = engine.resolve(wasteConflict, sync::SyncEngine::Choice::KeepMine);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().param, QStringLiteral("status"));
        QVERIFY2(refused.error().message.contains(u"waste"), qPrintable(refused.error().message));
        QCOMPARE(server(unitPath, "status"), QStringLiteral("waste"));
        QCOMPARE(conflicts(d).size(), 1);
        QVERIFY(engine.resolve(wasteConflict, sync::SyncEngine::Choice::TakeTheirs).ok());
        QCOMPARE(localStatus(), QStringLiteral("waste"));
        pushedNothingBack();
    }

    // The desktop syncs on a worker thread while the user keeps editing: a record edited
    // here after the pull read the journal is not overwritten by the server's version but
    // becomes a conflict. The edit is made from the engine's own "pulled" message, so it
    // lands exactly between the pull's journal read and the second record's write.
    void editDuringPullBecomesAConflict()
    {
        Desktop d(m_dir.filePath(QStringLiteral("e-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(d.db);
        const QString other = QStringLiteral("04012345000023");
        QVERIFY(d.products().save(product(kGtin, QStringLiteral("One"))).ok());
        QVERIFY(d.products().save(product(other, QStringLiteral("Two"))).ok());
        auto r = sync(d);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        for (const QString& gtin : {kGtin, other})
            QCOMPARE(
                api("PATCH", QStringLiteral("/v1/products/") + gtin, R"({"name":{"en":"server"}})")
                    .status,
                200);

        sync::SyncEngine engine(*d.db, d.tenant, {m_url, m_key});
        QString editedHere;
        connect(
            &engine, &sync::SyncEngine::message, this,
            [&](const QString& line) {
                if (!editedHere.isEmpty() || !line.startsWith(u"pulled product"))
                    return;
                editedHere = line.contains(kGtin) ? other : kGtin;
                QVERIFY(d.products().save(product(editedHere, QStringLiteral("here"))).ok());
            },
            Qt::DirectConnection);
        const auto report = engine.run();
        QVERIFY(!editedHere.isEmpty());
        QCOMPARE(report.pulled, 1);
        QCOMPARE(report.conflicts, 1);
        QCOMPARE(d.name(editedHere), QStringLiteral("here")); // not overwritten
        QCOMPARE(d.name(editedHere == kGtin ? other : kGtin), QStringLiteral("server"));
        const auto open = engine.conflicts();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().label, editedHere);
        QCOMPARE(open.first().mine.value(u"name").toObject().value(u"en").toString(),
                 QStringLiteral("here"));
        QCOMPARE(open.first().theirs.value(u"name").toObject().value(u"en").toString(),
                 QStringLiteral("server"));
    }

    void killedMidPushResumesWithoutDuplicates()
    {
        Desktop c(m_dir.filePath(QStringLiteral("c-%1.sqlite").arg(m_test.isPostgres())));
        QVERIFY(c.db);
        // 80 products, 80 serial batches, 40 documents, 48 passport versions, 40 serial
        // states and a tenant-wide document: 329 changes.
        store::SerialRepository serials(*c.db, c.tenant);
        store::DocumentRepository documents(*c.db, c.tenant);
        store::PassportPublisher publisher(*c.db, c.tenant);
        QVERIFY(documents
                    .add({}, QStringLiteral("certificate"), QStringLiteral("iso.pdf"),
                         QStringLiteral("application/pdf"), QByteArray("%PDF-1.4 iso"))
                    .ok());
        for (int i = 0; i < 80; ++i) {
            const QString base = QStringLiteral("0401234500%1").arg(i, 3, 10, QLatin1Char('0'));
            const QString gtin = base + QString::number(gs1::mod10CheckDigit(base.toStdString()));
            auto saved = c.products().save(product(gtin, QStringLiteral("Item %1").arg(i)));
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
            passport::SerialBatch batch;
            batch.productId = saved->product.id;
            batch.lot = QStringLiteral("L%1").arg(i);
            batch.prefix = QStringLiteral("SN");
            batch.count = 20;
            QVERIFY(serials.createBatch(batch).ok());
            if (i % 2 == 0) {
                QVERIFY(documents
                            .add(saved->product.id, QStringLiteral("user_manual"),
                                 QStringLiteral("manual-%1.pdf").arg(i),
                                 QStringLiteral("application/pdf"),
                                 QByteArray("%PDF-1.4 manual ") + QByteArray::number(i))
                            .ok());
                QVERIFY(publisher.publish(saved->product.id, QStringLiteral("product"), {}).ok());
                if (i % 10 == 0)
                    QVERIFY(publisher
                                .publish(saved->product.id, QStringLiteral("product"),
                                         QJsonObject{{"description", "second edition"}})
                                .ok());
            } else {
                QVERIFY(serials
                            .setState(saved->product.id, QStringLiteral("SN000001"),
                                      QStringLiteral("assigned"))
                            .ok());
            }
        }

        QProcess p;
        p.start(test::binDir() + QStringLiteral("/dppctl"),
                {QStringLiteral("--db"), c.path, QStringLiteral("sync"), QStringLiteral("--server"),
                 m_url, QStringLiteral("--key"), m_key});
        QVERIFY(p.waitForStarted(10000));
        QByteArray seen;
        static const QRegularExpression progress(QStringLiteral("pushed (\\d+)/(\\d+)"));
        int done = 0;
        while (done < 15 && p.state() == QProcess::Running) {
            if (p.canReadLine() || p.waitForReadyRead(10000)) {
                while (p.canReadLine()) {
                    const QByteArray line = p.readLine();
                    seen += line;
                    const auto m = progress.match(QString::fromUtf8(line));
                    if (m.hasMatch())
                        done = m.captured(1).toInt();
                }
            } else {
                break;
            }
        }
        QVERIFY2(p.state() == QProcess::Running, "the sync finished before it could be killed");
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QVERIFY2(serverCount(QStringLiteral("products")) < 80, seen.constData());

        const auto r = sync(c);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(serverCount(QStringLiteral("products")), 80);
        QCOMPARE(serverCount(QStringLiteral("serial_batches")), 80);
        QCOMPARE(serverCount(QStringLiteral("documents")), 41);
        QCOMPARE(serverCount(QStringLiteral("passport_versions")), 48);
        QCOMPARE(serverSerialStates(), serialStates(*c.db));
        QCOMPARE(serverCount(QStringLiteral("serials WHERE state = 'assigned'")), 40);
        QCOMPARE(store::SyncStateRepository(*c.db, m_url, c.tenant).cursor(),
                 store::ChangeJournal(*c.db).lastSeq());
        // Every local product is on the server under its GTIN, with its name.
        for (const auto& local : c.products().list())
            QCOMPARE(serverName(local.gtin), local.name.value(QStringLiteral("en")));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestSync>(argc, argv);
}

#include "tst_sync.moc"
