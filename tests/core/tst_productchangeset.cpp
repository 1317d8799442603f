// ProductChangeSet: a product and the records staged around it (documents,
// serial batches, battery units with SoH readings and lifecycle events)
// committed in one transaction, on SQLite and PostgreSQL: everything lands,
// a record the store refuses leaves nothing behind (product included), the
// error names the record, and one tenant cannot touch another's records.
#include "storetestsupport.h"

#include <QGuiApplication>
#include <store/batteryunitrepository.h>
#include <store/changejournal.h>
#include <store/documentrepository.h>
#include <store/productchangeset.h>
#include <store/productrepository.h>
#include <store/productsupplierrepository.h>
#include <store/serialrepository.h>
#include <store/supplierrepository.h>

using namespace dpp;
using store::ProductChangeSet;

class TestProductChangeSet : public QObject
{
    Q_OBJECT
public:
    explicit TestProductChangeSet(QString backend) : m_backend(std::move(backend)) {}

private:
    QString m_backend;
    std::unique_ptr<test::TestDatabase> m_tdb;
    test::TwoTenantStore m_store;

    static QJsonObject product(const QString& gtin)
    {
        return {{"gtin", gtin},
                {"name", QJsonObject{{"en", "Cell pack"}}},
                {"category", "electronics"},
                {"sku", "CP-1"}};
    }
    static passport::SerialBatch batch(const QString& prefix, qint64 start, int count)
    {
        passport::SerialBatch b;
        b.prefix = prefix;
        b.start = start;
        b.count = count;
        b.width = 4;
        return b;
    }
    // A new product with a document, a batch, a unit, its reading and event.
    static ProductChangeSet everything(const QString& gtin)
    {
        ProductChangeSet c;
        c.product = product(gtin);
        c.documents.append({ProductChangeSet::newKey(), QStringLiteral("user_manual"),
                            QStringLiteral("manual.pdf"), QStringLiteral("application/pdf"),
                            QByteArray("%PDF-1.4\n%%EOF\n")});
        c.batches.append({ProductChangeSet::newKey(), batch(QStringLiteral("CS"), 1, 10)});
        passport::BatteryUnit unit;
        unit.uniqueIdentifier = QStringLiteral("urn:unit:") + gtin;
        unit.serialNumber = QStringLiteral("U1");
        const QString key = ProductChangeSet::newKey();
        c.units.append({key, unit});
        passport::SohReading r;
        r.measuredAt = QDateTime::currentDateTimeUtc();
        r.stateOfHealthPct = 98.5;
        c.readings.append({key, r});
        passport::LifecycleEvent e;
        e.occurredAt = QDateTime::currentDateTimeUtc();
        e.type = passport::LifecycleEvent::types().first();
        c.events.append({key, e});
        return c;
    }

private Q_SLOTS:
    void init()
    {
        m_tdb = std::make_unique<test::TestDatabase>(m_backend);
        m_store = {};
        const QString skip = m_store.open(*m_tdb);
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(m_store.db, qPrintable(m_store.error));
    }
    void cleanup()
    {
        m_store = {};
        m_tdb.reset();
    }

    void commitsEverythingInOneGo()
    {
        const ProductChangeSet c = everything(QStringLiteral("09506000134352"));
        QVERIFY(c.hasRecords());
        const auto id = c.commit(*m_store.db, m_store.tenantA);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
        store::Database& db = *m_store.db;
        QVERIFY(store::ProductRepository(db, m_store.tenantA).get(*id));
        const auto docs = store::DocumentRepository(db, m_store.tenantA).list(*id);
        QCOMPARE(docs.size(), 1);
        QCOMPARE(*store::DocumentRepository(db, m_store.tenantA).bytes(docs.first().id),
                 QByteArray("%PDF-1.4\n%%EOF\n"));
        QCOMPARE(store::SerialRepository(db, m_store.tenantA).batches(*id).size(), 1);
        store::BatteryUnitRepository units(db, m_store.tenantA);
        const auto stored = units.list(*id);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(units.readings(stored.first().id).size(), 1);
        QCOMPARE(units.readings(stored.first().id).first().stateOfHealthPct, 98.5);
        QCOMPARE(units.events(stored.first().id).size(), 1);
        // The change journal saw the product and the batch, in the same transaction.
        const QList<store::ChangeEntry> journal =
            store::ChangeJournal(db).after(0, 100, m_store.tenantA).value();
        QVERIFY(std::any_of(journal.begin(), journal.end(),
                            [](const auto& e) { return e.entity == u"serial_batch"; }));

        // A second change set on the stored product: remove the document and the batch,
        // add a reading to the stored unit (by its id). No product fields: the row stays.
        ProductChangeSet next;
        next.productId = *id;
        next.removedDocuments << docs.first().id;
        next.removedBatches << store::SerialRepository(db, m_store.tenantA).batches(*id).first().id;
        passport::SohReading r;
        r.measuredAt = QDateTime::currentDateTimeUtc();
        r.stateOfHealthPct = 97;
        next.readings.append({stored.first().id, r});
        next.statusChanges.append({stored.first().id, QStringLiteral("repurposed"), {}});
        QVERIFY(next.commit(db, m_store.tenantA).ok());
        QCOMPARE(units.get(stored.first().id)->status, QStringLiteral("repurposed"));
        QCOMPARE(units.events(stored.first().id).size(), 2); // + the status change's event
        QVERIFY(store::DocumentRepository(db, m_store.tenantA).list(*id).isEmpty());
        QVERIFY(store::SerialRepository(db, m_store.tenantA).batches(*id).isEmpty());
        QCOMPARE(units.readings(stored.first().id).size(), 2);
    }

    void refusedRecordLeavesNothing()
    {
        store::Database& db = *m_store.db;
        ProductChangeSet first;
        first.product = product(QStringLiteral("09506000134352"));
        first.batches.append({ProductChangeSet::newKey(), batch(QStringLiteral("CS"), 1, 10)});
        const auto id = first.commit(db, m_store.tenantA);
        QVERIFY(id.ok());

        // Everything valid on its own, but the second batch clashes with the stored one.
        ProductChangeSet c = everything(QStringLiteral("09506000134352"));
        c.productId = *id;
        QJsonObject renamed = product(QStringLiteral("09506000134352"));
        renamed.insert(QStringLiteral("sku"), QStringLiteral("CHANGED"));
        c.product = renamed;
        c.batches.first().batch = batch(QStringLiteral("ZZ"), 1, 5);
        c.batches.append({ProductChangeSet::newKey(), batch(QStringLiteral("CS"), 5, 3)});
        // On its own it passes the staging checks: only the store knows the clash.
        QVERIFY(ProductChangeSet().batchErrors(batch(QStringLiteral("CS"), 5, 3)).isEmpty());
        const qint64 journalBefore = store::ChangeJournal(db).lastSeq();
        const auto refused = c.commit(db, m_store.tenantA);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().param.startsWith(QStringLiteral("serial_batches[1]")),
                 qPrintable(refused.error().param));
        QCOMPARE(refused.error().code, QStringLiteral("duplicate"));
        // Nothing of it: product unchanged, no document, no unit, one batch, no journal rows.
        QCOMPARE(store::ProductRepository(db, m_store.tenantA).get(*id)->toJson().value("sku"),
                 QJsonValue(QStringLiteral("CP-1")));
        QVERIFY(store::DocumentRepository(db, m_store.tenantA).list(*id).isEmpty());
        QVERIFY(store::BatteryUnitRepository(db, m_store.tenantA).list(*id).isEmpty());
        QCOMPARE(store::SerialRepository(db, m_store.tenantA).batches(*id).size(), 1);
        QCOMPARE(store::ChangeJournal(db).lastSeq(), journalBefore);

        // A new product whose reading is out of range: the product is not created either.
        ProductChangeSet bad = everything(QStringLiteral("09506000134369"));
        bad.readings.first().reading.stateOfHealthPct = 140;
        const auto badReading = bad.commit(db, m_store.tenantA);
        QVERIFY(!badReading.ok());
        QCOMPARE(badReading.error().param, QStringLiteral("soh_readings[0].state_of_health_pct"));
        QVERIFY(!store::ProductRepository(db, m_store.tenantA)
                     .findByGtin(QStringLiteral("09506000134369")));
    }

    void stagingChecks()
    {
        ProductChangeSet c;
        c.batches.append({ProductChangeSet::newKey(), batch(QStringLiteral("CS"), 1, 10)});
        // Overlapping a staged batch is refused when staged, naming the field.
        const auto overlap = c.batchErrors(batch(QStringLiteral("CS"), 10, 5));
        QCOMPARE(overlap.size(), 1);
        QCOMPARE(overlap.first().param, QStringLiteral("start"));
        QVERIFY(c.batchErrors(batch(QStringLiteral("CS"), 11, 5)).isEmpty());
        QCOMPARE(c.batchErrors(batch(QStringLiteral("CS"), 1, 0)).first().param,
                 QStringLiteral("count"));
        const auto doc = ProductChangeSet::documentErrors(
            {QString(), QStringLiteral("selfie"), QStringLiteral("../x.pdf"),
             QStringLiteral("application/pdf"), QByteArray()});
        QStringList params;
        for (const auto& e : doc)
            params << e.param;
        QCOMPARE(params, (QStringList{"doc_type", "filename", "size"}));
        passport::BatteryUnit u;
        u.uniqueIdentifier = QStringLiteral("urn:x");
        QVERIFY(c.unitErrors(u).isEmpty());
        c.units.append({ProductChangeSet::newKey(), u});
        QCOMPARE(c.unitErrors(u).first().param, QStringLiteral("unique_identifier"));
    }

    void supplierLinks()
    {
        store::Database& db = *m_store.db;
        auto supplier = store::SupplierRepository(db, m_store.tenantA)
                            .create(QJsonObject{
                                {"name", "Cell Works"}, {"role", "component"}, {"country", "SK"}});
        QVERIFY2(supplier.ok(), qPrintable(supplier.ok() ? QString() : supplier.error().message));
        ProductChangeSet c;
        c.product = product(QStringLiteral("09506000134352"));
        passport::ProductSupplier link;
        link.supplierId = supplier->id;
        link.role = QStringLiteral("cells");
        QVERIFY(c.linkErrors(link, {}).isEmpty());
        c.links.append(link);
        QCOMPARE(c.linkErrors(link, {}).first().param, QStringLiteral("supplierId"));
        const auto id = c.commit(db, m_store.tenantA);
        QVERIFY(id.ok());
        store::ProductSupplierRepository links(db, m_store.tenantA);
        QCOMPARE(links.ofProduct(*id).size(), 1);
        // Unlink and link again with another role in one change set: unlinks go first.
        ProductChangeSet relink;
        relink.productId = *id;
        relink.unlinkedSuppliers << supplier->id;
        QVERIFY(relink.linkErrors(link, {supplier->id}).isEmpty());
        link.role = QStringLiteral("materials");
        relink.links.append(link);
        QVERIFY(relink.commit(db, m_store.tenantA).ok());
        QCOMPARE(links.ofProduct(*id).first().role, QStringLiteral("materials"));
        // A link to a supplier of another tenant is refused, naming the record.
        auto foreign = store::SupplierRepository(db, m_store.tenantB)
                           .create(QJsonObject{
                               {"name", "Elsewhere"}, {"role", "component"}, {"country", "DE"}});
        QVERIFY(foreign.ok());
        ProductChangeSet steal;
        steal.productId = *id;
        link.supplierId = foreign->id;
        steal.links.append(link);
        const auto refused = steal.commit(db, m_store.tenantA);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().param.startsWith(QStringLiteral("supplier_links[0]")),
                 qPrintable(refused.error().param));
        QCOMPARE(links.ofProduct(*id).size(), 1);
    }

    void otherTenantsRecordsAreOutOfReach()
    {
        store::Database& db = *m_store.db;
        const auto a = everything(QStringLiteral("09506000134352")).commit(db, m_store.tenantA);
        QVERIFY(a.ok());
        const QString docId = store::DocumentRepository(db, m_store.tenantA).list(*a).first().id;
        const auto b = everything(QStringLiteral("09506000134352")).commit(db, m_store.tenantB);
        QVERIFY(b.ok());
        ProductChangeSet steal;
        steal.productId = *b;
        steal.removedDocuments << docId;
        const auto refused = steal.commit(db, m_store.tenantB);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().param, QStringLiteral("removed_documents[0]"));
        QCOMPARE(refused.error().code, QStringLiteral("not_found"));
        QCOMPARE(store::DocumentRepository(db, m_store.tenantA).list(*a).size(), 1);
        // Nor can a reading be added to A's unit from B's product.
        ProductChangeSet reading;
        reading.productId = *b;
        passport::SohReading r;
        r.measuredAt = QDateTime::currentDateTimeUtc();
        r.stateOfHealthPct = 50;
        reading.readings.append(
            {store::BatteryUnitRepository(db, m_store.tenantA).list(*a).first().id, r});
        QVERIFY(!reading.commit(db, m_store.tenantB).ok());
    }
};

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestProductChangeSet>(argc, argv);
}

#include "tst_productchangeset.moc"
