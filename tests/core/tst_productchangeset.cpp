// ProductChangeSet: a product and the records staged around it (documents,
// serial batches, battery units with SoH readings and lifecycle events)
// committed in one transaction, on SQLite and PostgreSQL: everything lands,
// a record the store refuses leaves nothing behind (product included), the
// error names the record, and one tenant cannot touch another's records.
// Serial state changes: checked at staging against the state each serial will
// have (stored, then earlier staged changes), stored compare-and-set so a
// serial moved meanwhile by another writer fails the whole commit.
#include "storetestsupport.h"

#include <QGuiApplication>
#include <QJsonArray>
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

    // serial -> state of a stored batch, what an editor hands to serialStateErrors().
    static QHash<QString, QString> storedStates(store::SerialRepository& repo, const QString& batch)
    {
        QHash<QString, QString> out;
        for (const QString& state : passport::SerialBatch::states())
            for (const QString& serial : repo.serials(batch, state))
                out.insert(serial, state);
        return out;
    }
    static QList<store::ChangeEntry> serialRows(store::Database& db, qint64 after,
                                                const QString& tenant)
    {
        QList<store::ChangeEntry> out;
        // Keep the Result alive: value() of a temporary would dangle in the loop.
        const auto entries = store::ChangeJournal(db).after(after, 1000, tenant);
        for (const auto& e : entries.value())
            if (e.entity == QLatin1String(store::ChangeJournal::Serial))
                out.append(e);
        return out;
    }
    static ProductChangeSet::SerialStateChange
    stateChange(const QString& batch, const QStringList& serials, const QString& state)
    {
        ProductChangeSet::SerialStateChange c;
        c.batchId = batch;
        c.serials = serials;
        c.state = state;
        return c;
    }

    void serialStatesStagedAndStored()
    {
        store::Database& db = *m_store.db;
        ProductChangeSet first;
        first.product = product(QStringLiteral("09506000134352"));
        first.batches.append({ProductChangeSet::newKey(), batch(QStringLiteral("CS"), 1, 10)});
        const auto id = first.commit(db, m_store.tenantA);
        QVERIFY(id.ok());
        store::SerialRepository repo(db, m_store.tenantA);
        const QString batchId = repo.batches(*id).first().id;
        // CS0001..CS0003 printed, the way a print job leaves them.
        const QStringList printed{"CS0001", "CS0002", "CS0003"};
        QVERIFY(repo.setStates(batchId, printed, "assigned", "available").ok());
        QVERIFY(repo.setStates(batchId, printed, "printed", "assigned").ok());

        ProductChangeSet c;
        c.productId = *id;
        auto activate = stateChange(batchId, printed, QStringLiteral("activated"));
        QVERIFY(c.serialStateErrors(activate, storedStates(repo, batchId)).isEmpty());
        QCOMPARE(activate.from, (QStringList{"printed", "printed", "printed"}));
        c.serialStates.append(activate);
        QVERIFY(c.hasRecords());
        // Checked against the state after the staged change: CS0001 is activated then.
        auto scrap = stateChange(batchId, {"CS0001", "CS0004"}, QStringLiteral("decommissioned"));
        QVERIFY(c.serialStateErrors(scrap, storedStates(repo, batchId)).isEmpty());
        QCOMPARE(scrap.from, (QStringList{"activated", "available"}));
        c.serialStates.append(scrap);
        QCOMPARE(c.stagedSerialStates(batchId).value("CS0001"), QStringLiteral("decommissioned"));
        QCOMPARE(c.stagedSerialStates(batchId).value("CS0002"), QStringLiteral("activated"));
        // What the batch will count per state after Save.
        const QMap<QString, int> counts = c.serialStateCounts(batchId, repo.countByState(batchId));
        QCOMPARE(counts,
                 (QMap<QString, int>{{"available", 6}, {"activated", 2}, {"decommissioned", 2}}));

        // Refused at staging, naming the field and the allowed next states.
        auto skip = stateChange(batchId, {"CS0005"}, QStringLiteral("activated"));
        auto errors = c.serialStateErrors(skip, storedStates(repo, batchId));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().param, QStringLiteral("serial_states[2].state"));
        QVERIFY2(errors.first().message.contains(
                     QStringLiteral("allowed next: assigned, decommissioned")),
                 qPrintable(errors.first().message));
        QVERIFY(skip.from.isEmpty());
        auto again = stateChange(batchId, {"CS0004"}, QStringLiteral("available"));
        errors = c.serialStateErrors(again, storedStates(repo, batchId));
        QVERIFY2(errors.first().message.contains(QStringLiteral("decommissioned is final")),
                 qPrintable(errors.first().message));
        auto unknown = stateChange(batchId, {"CS0002", "XX9"}, QStringLiteral("decommissioned"));
        QCOMPARE(c.serialStateErrors(unknown, storedStates(repo, batchId)).first().param,
                 QStringLiteral("serial_states[2].serials[1]"));
        auto twice = stateChange(batchId, {"CS0006", "CS0006"}, QStringLiteral("assigned"));
        QCOMPARE(c.serialStateErrors(twice, storedStates(repo, batchId)).first().param,
                 QStringLiteral("serial_states[2].serials[1]"));
        auto noState = stateChange(batchId, {"CS0006"}, QStringLiteral("lost"));
        QCOMPARE(c.serialStateErrors(noState, storedStates(repo, batchId)).first().param,
                 QStringLiteral("serial_states[2].state"));

        // Save: the states are stored; the three printed serials moved as one journal row
        // (like the bulk API), the two decommissioned ones each from their own state.
        const qint64 before = store::ChangeJournal(db).lastSeq();
        const auto saved = c.commit(db, m_store.tenantA);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(*repo.state(*id, "CS0001"), QStringLiteral("decommissioned"));
        QCOMPARE(*repo.state(*id, "CS0002"), QStringLiteral("activated"));
        QCOMPARE(*repo.state(*id, "CS0003"), QStringLiteral("activated"));
        QCOMPARE(*repo.state(*id, "CS0004"), QStringLiteral("decommissioned"));
        QCOMPARE(*repo.state(*id, "CS0005"), QStringLiteral("available"));
        const auto rows = serialRows(db, before, m_store.tenantA);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].data.value("serials").toArray().size(), 3);
        QCOMPARE(rows[0].data.value("from").toString(), QStringLiteral("printed"));
        QCOMPARE(rows[0].data.value("to").toString(), QStringLiteral("activated"));
        QCOMPARE(rows[1].data.value("serial").toString(), QStringLiteral("CS0001"));
        QCOMPARE(rows[2].data.value("serial").toString(), QStringLiteral("CS0004"));
        QCOMPARE(rows[2].data.value("from").toString(), QStringLiteral("available"));

        // A batch staged for removal takes no state changes.
        ProductChangeSet removing;
        removing.productId = *id;
        removing.removedBatches << batchId;
        auto onRemoved = stateChange(batchId, {"CS0005"}, QStringLiteral("assigned"));
        QCOMPARE(removing.serialStateErrors(onRemoved, storedStates(repo, batchId)).first().param,
                 QStringLiteral("serial_states[0].batch_id"));
    }

    void serialMovedMeanwhileWritesNothing()
    {
        store::Database& db = *m_store.db;
        ProductChangeSet first;
        first.product = product(QStringLiteral("09506000134352"));
        first.batches.append({ProductChangeSet::newKey(), batch(QStringLiteral("CS"), 1, 10)});
        const auto id = first.commit(db, m_store.tenantA);
        QVERIFY(id.ok());
        store::SerialRepository repo(db, m_store.tenantA);
        const QString batchId = repo.batches(*id).first().id;

        // Staged: a renamed product, a document, CS0005..CS0007 assigned, CS0008 scrapped.
        ProductChangeSet c;
        c.productId = *id;
        QJsonObject renamed = product(QStringLiteral("09506000134352"));
        renamed.insert(QStringLiteral("sku"), QStringLiteral("CHANGED"));
        c.product = renamed;
        c.documents.append({ProductChangeSet::newKey(), QStringLiteral("user_manual"),
                            QStringLiteral("manual.pdf"), QStringLiteral("application/pdf"),
                            QByteArray("%PDF-1.4\n%%EOF\n")});
        auto assign =
            stateChange(batchId, {"CS0005", "CS0006", "CS0007"}, QStringLiteral("assigned"));
        QVERIFY(c.serialStateErrors(assign, storedStates(repo, batchId)).isEmpty());
        c.serialStates.append(assign);
        auto scrap = stateChange(batchId, {"CS0008"}, QStringLiteral("decommissioned"));
        QVERIFY(c.serialStateErrors(scrap, storedStates(repo, batchId)).isEmpty());
        c.serialStates.append(scrap);

        // Another writer (the API, a sync pull) decommissions CS0006 meanwhile.
        QVERIFY(repo.setState(*id, "CS0006", "decommissioned").ok());
        const qint64 before = store::ChangeJournal(db).lastSeq();
        const auto refused = c.commit(db, m_store.tenantA);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().param, QStringLiteral("serial_states[0].serials[1]"));
        QCOMPARE(refused.error().code, QStringLiteral("version_mismatch"));
        QCOMPARE(*repo.state(*id, "CS0005"), QStringLiteral("available"));
        QCOMPARE(*repo.state(*id, "CS0007"), QStringLiteral("available"));
        QCOMPARE(*repo.state(*id, "CS0008"), QStringLiteral("available"));
        QCOMPARE(store::ChangeJournal(db).lastSeq(), before);
        QCOMPARE(store::ProductRepository(db, m_store.tenantA).get(*id)->toJson().value("sku"),
                 QJsonValue(QStringLiteral("CP-1")));
        QVERIFY(store::DocumentRepository(db, m_store.tenantA).list(*id).isEmpty());

        // A lone serial moved meanwhile is named the same way.
        ProductChangeSet lone;
        lone.productId = *id;
        auto one = stateChange(batchId, {"CS0009"}, QStringLiteral("assigned"));
        QVERIFY(lone.serialStateErrors(one, storedStates(repo, batchId)).isEmpty());
        lone.serialStates.append(one);
        QVERIFY(repo.setStates(batchId, {"CS0009"}, "decommissioned", "available").ok());
        const auto stale = lone.commit(db, m_store.tenantA);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().param, QStringLiteral("serial_states[0].serials[0]"));
        QCOMPARE(stale.error().code, QStringLiteral("version_mismatch"));

        // Another tenant's batch is out of reach.
        ProductChangeSet other;
        other.productId = *id;
        other.serialStates.append(stateChange(batchId, {"CS0010"}, QStringLiteral("assigned")));
        other.serialStates.first().from = QStringList{"available"};
        const auto b = everything(QStringLiteral("09506000134352")).commit(db, m_store.tenantB);
        QVERIFY(b.ok());
        other.productId = *b;
        const auto foreign = other.commit(db, m_store.tenantB);
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().param, QStringLiteral("serial_states[0].batch_id"));
        QCOMPARE(*repo.state(*id, "CS0010"), QStringLiteral("available"));
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
