// Store repositories on a real SQLite file and on a real PostgreSQL server:
// migrations, tenant isolation, upserts, passport versioning, documents,
// serials, battery units, EPR and resolver links. Each case gets an empty store.
#include "storetestsupport.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <store/apikeyrepository.h>
#include <store/batteryunitrepository.h>
#include <store/changejournal.h>
#include <store/documentrepository.h>
#include <store/eprregistrationrepository.h>
#include <store/passportpublisher.h>
#include <store/passportrepository.h>
#include <store/productbulkinserter.h>
#include <store/productrepository.h>
#include <store/productsupplierrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/serialrepository.h>
#include <store/supplierrepository.h>
#include <store/tenantrepository.h>
#include <store/userrepository.h>

using namespace dpp;
using namespace dpp::store;

namespace {
QJsonObject wineProduct(const QString& gtin = QStringLiteral("5601012012200"))
{
    return {{"gtin", gtin},
            {"name", QJsonObject{{"en", "Quinta dos Carvalhais Alfrocheiro 2019"}}},
            {"category", "wine"},
            {"brand", "Quinta dos Carvalhais"},
            {"net_content_ml", 750},
            {"materials", QJsonArray{QJsonObject{{"name", "glass"}, {"percentage", 90}}}}};
}

QJsonObject wineLabel(double energyKj = 296)
{
    return {
        {"alcoholPct", 12.5},
        {"ingredients", QJsonArray{QJsonObject{{"name", "grapes"}, {"category", "raw_material"}}}},
        {"allergens", QJsonArray{"sulphites"}},
        {"nutrition", QJsonObject{{"energyKj", energyKj},
                                  {"energyKcal", 71},
                                  {"fat", 0},
                                  {"saturates", 0},
                                  {"carbohydrate", 0.6},
                                  {"sugars", 0.6},
                                  {"protein", 0},
                                  {"salt", 0}}}};
}
} // namespace

class TestStore : public QObject
{
    Q_OBJECT
public:
    explicit TestStore(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    std::shared_ptr<Database> m_db;
    QString m_location;
    QString m_tenant;

    int countRows(const QString& sql)
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private Q_SLOTS:
    void init()
    {
        QString why;
        m_location = m_test.create(&why);
        if (m_location.isEmpty())
            QSKIP(qPrintable(why));
        auto db = Database::open(m_location);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = *db;
        auto tenant =
            TenantRepository(*m_db).create(QStringLiteral("Acme"), {QStringLiteral("560101")});
        QVERIFY(tenant.ok());
        m_tenant = tenant->id;
    }
    void cleanup()
    {
        m_db.reset();
        m_test.drop();
    }

    void migrationsAppliedOnceAndRecorded()
    {
        const int files = int(Database::migrations().size());
        QVERIFY(files >= 1);
        QCOMPARE(m_db->schemaVersion(), Database::migrations().last().first);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")), files);
        m_db.reset();
        auto again = Database::open(m_location); // reopening must not re-apply anything
        QVERIFY(again.ok());
        m_db = *again;
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")), files);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM tenants")), 1);
        if (m_db->engine() == Database::Engine::Sqlite) {
            QSqlQuery q(m_db->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
    }

    void failedMigrationLeavesNoTrace()
    {
        // A store where migration 1 cannot complete (a table of that name
        // already exists, mid-way through the file): nothing of it may remain.
        m_db.reset();
        QString why;
        const QString location = m_test.create(&why);
        QVERIFY2(test::TestDatabase::rawExec(
                     location, QStringLiteral("CREATE TABLE serials (x INTEGER)"), &why),
                 qPrintable(why));
        auto failed = Database::open(location);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().param, QStringLiteral("db"));
        QVERIFY(failed.error().message.contains(QLatin1String("migration 1 failed")));
        // tenants is created before serials in the same migration: rolled back too.
        QVERIFY(
            !test::TestDatabase::rawExec(location, QStringLiteral("SELECT 1 FROM tenants"), &why));
        QVERIFY(test::TestDatabase::rawExec(location, QStringLiteral("DROP TABLE serials"), &why));
        auto healed = Database::open(location);
        QVERIFY2(healed.ok(), qPrintable(healed.ok() ? QString() : healed.error().message));
        QCOMPARE((*healed)->schemaVersion(), Database::migrations().last().first);
    }

    void foreignKeysEnforced()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(
            !q.exec(QStringLiteral("INSERT INTO users (id, tenant_id, email, role, created_at) "
                                   "VALUES ('u', 'no-such-tenant', 'a@b.c', 'supplier', 'x')")));
    }

    void tenantsValidateAndStayUnique()
    {
        TenantRepository tenants(*m_db);
        auto dup = tenants.create(QStringLiteral("Acme"), {});
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().param, QStringLiteral("name"));
        auto badGcp = tenants.create(QStringLiteral("Other"), {QStringLiteral("12a")});
        QVERIFY(!badGcp.ok());
        QCOMPARE(badGcp.error().param, QStringLiteral("gcps[0]"));
        QVERIFY(!tenants.findByName(QStringLiteral("Other")));
        auto ensured = tenants.ensure(QStringLiteral("Acme"));
        QVERIFY(ensured.ok());
        QCOMPARE(ensured->id, m_tenant);
        QCOMPARE(ensured->gcps, QStringList{QStringLiteral("560101")});
        QCOMPARE(tenants.list().size(), 1);

        UserRepository users(*m_db, m_tenant);
        QVERIFY(
            users.create(QStringLiteral("Ana@Example.com"), QStringLiteral("compliance_officer"))
                .ok());
        auto badRole = users.create(QStringLiteral("b@example.com"), QStringLiteral("boss"));
        QVERIFY(!badRole.ok());
        QCOMPARE(badRole.error().param, QStringLiteral("role"));
        QCOMPARE(users.list().size(), 1);
        QCOMPARE(users.list().first().email, QStringLiteral("ana@example.com"));
    }

    void apiKeysStoreOnlyTheHash()
    {
        ApiKeyRepository keys(*m_db, m_tenant);
        auto live = keys.create(QStringLiteral("ERP"), {QStringLiteral("products:read")}, false);
        QVERIFY(live.ok());
        QVERIFY(live->secret.startsWith(QLatin1String("sk_live_")));
        QVERIFY(live->secret.size() > 40);
        auto test = keys.create(QStringLiteral("CI"), {QStringLiteral("products:write")}, true);
        QVERIFY(test.ok());
        QVERIFY(test->secret.startsWith(QLatin1String("sk_test_")));

        // No column anywhere holds the secret.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM api_keys")));
        while (q.next())
            for (int i = 0; i < q.record().count(); ++i)
                QVERIFY(!q.value(i).toString().contains(live->secret.mid(8)));

        auto found = ApiKeyRepository::authenticate(*m_db, live->secret);
        QVERIFY(found);
        QCOMPARE(found->tenantId, m_tenant);
        QCOMPARE(found->scopes, QStringList{QStringLiteral("products:read")});
        QVERIFY(!ApiKeyRepository::authenticate(*m_db, live->secret + u'x'));
        QVERIFY(keys.revoke(live->key.id).ok());
        QVERIFY(!ApiKeyRepository::authenticate(*m_db, live->secret));
        QVERIFY(ApiKeyRepository::authenticate(*m_db, test->secret));

        auto expired = keys.create(QStringLiteral("old"), {QStringLiteral("admin")}, false,
                                   QDateTime::currentDateTimeUtc().addSecs(-60));
        QVERIFY(!expired.ok());
        QCOMPARE(expired.error().param, QStringLiteral("expires"));
        auto badScope = keys.create(QStringLiteral("x"), {QStringLiteral("everything")}, false);
        QVERIFY(!badScope.ok());
        QCOMPARE(badScope.error().param, QStringLiteral("scopes[0]"));
        QCOMPARE(keys.list().size(), 2);
    }

    void productUpsertByGtin()
    {
        ProductRepository products(*m_db, m_tenant);
        auto first = products.save(wineProduct());
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QVERIFY(first->created);
        QCOMPARE(first->product.gtin, QStringLiteral("05601012012200"));

        QJsonObject changed = wineProduct(QStringLiteral("05601012012200"));
        changed.insert(QStringLiteral("brand"), QStringLiteral("Sogrape"));
        auto second = products.save(changed);
        QVERIFY(second.ok());
        QVERIFY(!second->created);
        QCOMPARE(second->product.id, first->product.id);
        QCOMPARE(products.count(), 1);

        const auto loaded = products.findByGtin(QStringLiteral("5601012012200"));
        QVERIFY(loaded);
        QCOMPARE(loaded->attributes.value(QStringLiteral("brand")).toString(),
                 QStringLiteral("Sogrape"));
        QCOMPARE(loaded->materials.size(), 1);
        QCOMPARE(loaded->createdAt, first->product.createdAt);
        QVERIFY(loaded->updatedAt >= loaded->createdAt);
        QCOMPARE(loaded->name.value(QStringLiteral("en")),
                 QStringLiteral("Quinta dos Carvalhais Alfrocheiro 2019"));
    }

    void invalidProductLeavesStoreUnchanged()
    {
        ProductRepository products(*m_db, m_tenant);
        QVERIFY(products.save(wineProduct()).ok());
        QJsonObject bad = wineProduct();
        bad.insert(QStringLiteral("recycled_content_pct"), 140);
        bad.insert(QStringLiteral("brand"), QStringLiteral("Changed"));
        auto result = products.save(bad);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().param, QStringLiteral("recycled_content_pct"));
        QCOMPARE(products.findByGtin(QStringLiteral("5601012012200"))
                     ->attributes.value(QStringLiteral("brand"))
                     .toString(),
                 QStringLiteral("Quinta dos Carvalhais"));

        // GTIN outside the tenant's company prefixes.
        auto foreign = products.save(wineProduct(QStringLiteral("4006381333931")));
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().param, QStringLiteral("gtin"));
        QCOMPARE(products.count(), 1);
    }

    void tenantsCannotSeeEachOther()
    {
        auto other = TenantRepository(*m_db).create(QStringLiteral("Other"), {});
        QVERIFY(other.ok());
        ProductRepository mine(*m_db, m_tenant), theirs(*m_db, other->id);
        auto saved = mine.save(wineProduct());
        QVERIFY(saved.ok());
        QVERIFY(!theirs.get(saved->product.id));
        QVERIFY(!theirs.findByGtin(QStringLiteral("5601012012200")));
        QVERIFY(theirs.list().isEmpty());
        QVERIFY(!theirs.remove(saved->product.id).ok());
        // The same GTIN is independent in another tenant.
        auto theirsSaved = theirs.save(wineProduct());
        QVERIFY(theirsSaved.ok());
        QVERIFY(theirsSaved->created);
        QVERIFY(theirsSaved->product.id != saved->product.id);

        PassportRepository myPassports(*m_db, m_tenant), theirPassports(*m_db, other->id);
        auto draft =
            myPassports.createDraft(saved->product.id, QStringLiteral("wine"), wineLabel());
        QVERIFY(draft.ok());
        QVERIFY(!theirPassports.get(draft->id));
        QVERIFY(!theirPassports.publish(draft->id).ok());
        QVERIFY(!theirPassports.createDraft(saved->product.id, QStringLiteral("wine"), wineLabel())
                     .ok());
        DocumentRepository theirDocs(*m_db, other->id);
        QVERIFY(!theirDocs
                     .add(saved->product.id, QStringLiteral("other"), QStringLiteral("a.txt"),
                          QStringLiteral("text/plain"), "x")
                     .ok());
    }

    void softDelete()
    {
        ProductRepository products(*m_db, m_tenant);
        auto saved = products.save(wineProduct());
        QVERIFY(products.remove(saved->product.id).ok());
        QCOMPARE(products.count(), 0);
        QCOMPARE(products.list({}, true).size(), 1);
        QCOMPARE(products.get(saved->product.id)->status, QStringLiteral("deleted"));
    }

    void passportVersionsSupersede()
    {
        ProductRepository products(*m_db, m_tenant);
        const QString productId = products.save(wineProduct())->product.id;
        PassportRepository passports(*m_db, m_tenant);

        auto invalid = passports.createDraft(productId, QStringLiteral("wine"), wineLabel(900));
        QVERIFY(!invalid.ok());
        QCOMPARE(invalid.error().param, QStringLiteral("nutrition.energyKj"));
        QVERIFY(passports.versions(productId).isEmpty());

        auto v1 = passports.createDraft(productId, QStringLiteral("wine"), wineLabel());
        QVERIFY(v1.ok());
        QCOMPARE(v1->version, 1);
        QVERIFY(passports.publish(v1->id).ok());
        QVERIFY(!passports.publish(v1->id).ok()); // only drafts
        auto v2 = passports.createDraft(productId, QStringLiteral("wine"), wineLabel(297));
        QCOMPARE(v2->version, 2);
        auto published = passports.publish(v2->id);
        QVERIFY(published.ok());
        QCOMPARE(published->status, QStringLiteral("published"));
        QVERIFY(published->publishedAt.isValid());

        const auto all = passports.versions(productId);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].status, QStringLiteral("superseded"));
        QCOMPARE(all[1].status, QStringLiteral("published"));
        QCOMPARE(passports.published(productId)->id, v2->id);
        for (const auto& v : all) {
            QVERIFY(v.hashMatches());
            QCOMPARE(v.sha256.size(), 64);
        }
        QVERIFY(all[0].sha256 != all[1].sha256);
        QVERIFY(passports.archive(v1->id).ok());
        QCOMPARE(passports.get(v1->id)->status, QStringLiteral("archived"));

        // The database itself refuses a second published version.
        QSqlQuery q(m_db->connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE passport_versions SET status = 'published'")));
    }

    void documentsAreContentAddressed()
    {
        ProductRepository products(*m_db, m_tenant);
        const QString productId = products.save(wineProduct())->product.id;
        DocumentRepository docs(*m_db, m_tenant);
        QByteArray pdf = "%PDF-1.4\n" + QByteArray(70000, 'x') + QByteArray("\0\1\2\xff", 4);
        auto a = docs.add(productId, QStringLiteral("declaration_of_conformity"),
                          QStringLiteral("doc.pdf"), QStringLiteral("application/pdf"), pdf);
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        auto b = docs.add(productId, QStringLiteral("test_report"), QStringLiteral("copy.pdf"),
                          QStringLiteral("application/pdf"), pdf);
        QVERIFY(b.ok());
        QCOMPARE(a->sha256, b->sha256);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM document_blobs")), 1);
        QCOMPARE(docs.bytes(a->id).value(), pdf);
        QCOMPARE(docs.list(productId).size(), 2);

        for (const char* name : {"../etc/passwd", "a/b.pdf", "..", "C:\\x.pdf", ".hidden"}) {
            auto bad = docs.add(productId, QStringLiteral("other"), QString::fromLatin1(name),
                                QStringLiteral("application/pdf"), pdf);
            QVERIFY2(!bad.ok(), name);
            QCOMPARE(bad.error().param, QStringLiteral("filename"));
        }
        auto badType = docs.add(productId, QStringLiteral("novel"), QStringLiteral("x.pdf"),
                                QStringLiteral("application/pdf"), pdf);
        QCOMPARE(badType.error().param, QStringLiteral("doc_type"));

        QVERIFY(docs.remove(a->id).ok());
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM document_blobs")), 1);
        QVERIFY(docs.remove(b->id).ok());
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM document_blobs")), 0);
    }

    void serialBatchesAreAllOrNothing()
    {
        ProductRepository products(*m_db, m_tenant);
        const QString productId = products.save(wineProduct())->product.id;
        SerialRepository serials(*m_db, m_tenant);
        passport::SerialBatch batch;
        batch.productId = productId;
        batch.prefix = QStringLiteral("SN");
        batch.count = 1000;
        batch.width = 6;
        auto created = serials.createBatch(batch);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(serials.countByState(created->id).value(QStringLiteral("available")), 1000);
        QCOMPARE(serials.serials(created->id).first(), QStringLiteral("SN000001"));

        // Overlapping batch: SN001000 exists, so nothing of it may remain.
        passport::SerialBatch overlap = batch;
        overlap.start = 1000;
        overlap.count = 50;
        auto failed = serials.createBatch(overlap);
        QVERIFY(!failed.ok());
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM serials")), 1000);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM serial_batches")), 1);

        passport::SerialBatch uploaded;
        uploaded.productId = productId;
        uploaded.mode = QStringLiteral("uploaded");
        uploaded.uploaded = {QStringLiteral("A1"), QStringLiteral("A1")};
        auto dup = serials.createBatch(uploaded);
        QCOMPARE(dup.error().param, QStringLiteral("serials[1]"));

        const QString serial = QStringLiteral("SN000007");
        QVERIFY(
            !serials.setState(productId, serial, QStringLiteral("printed")).ok()); // skip a step
        QVERIFY(serials.setState(productId, serial, QStringLiteral("assigned")).ok());
        QVERIFY(serials.setState(productId, serial, QStringLiteral("printed")).ok());
        QVERIFY(serials.setState(productId, serial, QStringLiteral("activated")).ok());
        QVERIFY(serials.setState(productId, serial, QStringLiteral("decommissioned")).ok());
        QVERIFY(!serials.setState(productId, serial, QStringLiteral("available")).ok());
        QCOMPARE(*serials.state(productId, serial), QStringLiteral("decommissioned"));

        auto assigned = serials.assign(created->id, 10);
        QVERIFY(assigned.ok());
        QCOMPARE(assigned->size(), 10);
        QCOMPARE(serials.countByState(created->id).value(QStringLiteral("assigned")), 10);
        QVERIFY(!serials.assign(created->id, 5000).ok());
        QCOMPARE(serials.countByState(created->id).value(QStringLiteral("assigned")), 10);
    }

    // Every change lands in the change journal in the same transaction; a
    // refused change leaves no entry.
    void changeJournalRecordsCommittedChanges()
    {
        ChangeJournal journal(*m_db);
        const qint64 start = journal.lastSeq();
        ProductRepository products(*m_db, m_tenant);
        auto saved = products.save(wineProduct());
        QVERIFY(saved.ok());
        QJsonObject bad = wineProduct();
        bad.insert(QStringLiteral("recycled_content_pct"), 140);
        QVERIFY(!products.save(bad).ok());
        QJsonObject changed = wineProduct();
        changed.insert(QStringLiteral("brand"), QStringLiteral("Sogrape"));
        QVERIFY(products.save(changed).ok());
        PassportPublisher publisher(*m_db, m_tenant);
        QVERIFY(publisher.publish(saved->product.id, QStringLiteral("wine"), wineLabel()).ok());
        SerialRepository serials(*m_db, m_tenant);
        passport::SerialBatch batch;
        batch.productId = saved->product.id;
        batch.prefix = QStringLiteral("SN");
        batch.count = 5;
        auto created = serials.createBatch(batch);
        QVERIFY(created.ok());
        QVERIFY(
            serials
                .setState(saved->product.id, QStringLiteral("SN000001"), QStringLiteral("assigned"))
                .ok());
        QVERIFY(products.remove(saved->product.id).ok());

        m_db->setJournalOrigin(QStringLiteral("sync"));
        QVERIFY(products.save(wineProduct(QStringLiteral("05601012012217"))).ok());
        m_db->setJournalOrigin(QStringLiteral("local"));

        auto entries = journal.after(start, 100, m_tenant);
        QVERIFY(entries.ok());
        QStringList seen;
        qint64 previous = start;
        for (const ChangeEntry& e : *entries) {
            QVERIFY(e.seq > previous);
            previous = e.seq;
            seen << e.entity + u'.' + e.op;
        }
        QCOMPARE(
            seen,
            (QStringList{QStringLiteral("product.created"), QStringLiteral("product.updated"),
                         QStringLiteral("passport.created"), QStringLiteral("serial_batch.created"),
                         QStringLiteral("serial.state_changed"), QStringLiteral("product.deleted"),
                         QStringLiteral("product.created")}));
        QCOMPARE(entries->first().data.value(QStringLiteral("gtin")).toString(),
                 saved->product.gtin);
        QCOMPARE(entries->at(2).data.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(entries->at(4).data.value(QStringLiteral("to")).toString(),
                 QStringLiteral("assigned"));
        QCOMPARE(entries->first().origin, QStringLiteral("local"));
        QCOMPARE(entries->last().origin, QStringLiteral("sync"));
        QVERIFY(journal.after(start, 100, QStringLiteral("no-such-tenant"))->isEmpty());
    }

    // The records the sync engine pushes besides products, passports and serials each
    // write one journal entry per change, in the change's transaction: documents,
    // suppliers, supplier links, resolver links, battery units (+ SoH, events) and CSV
    // bulk inserts. A refused change writes none.
    void changeJournalCoversEverySyncedRecord()
    {
        ChangeJournal journal(*m_db);
        ProductRepository products(*m_db, m_tenant);
        auto saved = products.save(wineProduct());
        QVERIFY(saved.ok());
        const QString pid = saved->product.id;
        const qint64 start = journal.lastSeq();

        DocumentRepository documents(*m_db, m_tenant);
        auto doc = documents.add(pid, QStringLiteral("user_manual"), QStringLiteral("m.pdf"),
                                 QStringLiteral("application/pdf"), QByteArray("%PDF-1.4 x"));
        QVERIFY(doc.ok());
        QVERIFY(!documents
                     .add(QStringLiteral("no-such-product"), QStringLiteral("manual"),
                          QStringLiteral("m.pdf"), QStringLiteral("application/pdf"),
                          QByteArray("x"))
                     .ok());
        QVERIFY(documents.remove(doc->id).ok());

        SupplierRepository suppliers(*m_db, m_tenant);
        auto supplier = suppliers.create(
            QJsonObject{{"name", "Vidreira"}, {"country", "PT"}, {"role", "packaging"}});
        QVERIFY2(supplier.ok(), qPrintable(supplier.ok() ? QString() : supplier.error().message));
        QVERIFY(!suppliers.create(QJsonObject{{"country", "PT"}}).ok());
        QVERIFY(suppliers.update(supplier->id, QJsonObject{{"name", "Vidreira SA"}}).ok());
        QVERIFY(!suppliers.update(supplier->id, QJsonObject{{"gln", "123"}}).ok());

        ProductSupplierRepository links(*m_db, m_tenant);
        passport::ProductSupplier ps;
        ps.productId = pid;
        ps.supplierId = supplier->id;
        ps.role = QStringLiteral("bottler");
        QVERIFY(links.link(ps).ok());
        QVERIFY(!links.link(ps).ok()); // duplicate: refused, no entry
        QVERIFY(links.unlink(pid, supplier->id).ok());

        ResolverLinkRepository resolverLinks(*m_db, m_tenant);
        passport::ResolverLink rl;
        rl.productId = pid;
        rl.gtin = saved->product.gtin;
        rl.linkType = QStringLiteral("gs1:recipeInfo");
        rl.href = QStringLiteral("https://example.com/recipes");
        rl.title = QStringLiteral("Recipes");
        auto createdLink = resolverLinks.create(rl);
        QVERIFY(createdLink.ok());
        QVERIFY(resolverLinks.update(createdLink->id, QJsonObject{{"title", "More recipes"}}).ok());
        QVERIFY(resolverLinks.remove(createdLink->id).ok());

        auto battery = products.save(
            QJsonObject{{"gtin", "5601010000001"},
                        {"name", QJsonObject{{"en", "Pack"}}},
                        {"category", "battery"},
                        {"battery", QJsonObject{{"category", "ev"}, {"chemistry", "NMC"}}}});
        QVERIFY(battery.ok());
        BatteryUnitRepository units(*m_db, m_tenant);
        passport::BatteryUnit unit;
        unit.productId = battery->product.id;
        unit.uniqueIdentifier = QStringLiteral("https://id.example.com/01/05601010000001/21/B1");
        auto createdUnit = units.create(unit);
        QVERIFY(createdUnit.ok());
        passport::SohReading reading;
        reading.measuredAt = QDateTime::currentDateTimeUtc();
        reading.stateOfHealthPct = 97;
        QVERIFY(units.addReading(createdUnit->id, reading).ok());
        passport::LifecycleEvent event;
        event.occurredAt = QDateTime::currentDateTimeUtc();
        event.type = QStringLiteral("repaired");
        event.description = QStringLiteral("cell 4 replaced");
        QVERIFY(units.addEvent(createdUnit->id, event).ok());
        QVERIFY(units.setStatus(createdUnit->id, QStringLiteral("repurposed")).ok());

        ProductBulkInserter bulk(*m_db, m_tenant);
        QCOMPARE(bulk.insert({wineProduct(QStringLiteral("5601012012217")),
                              wineProduct(QStringLiteral("5601012012224"))})
                     .value(),
                 2);
        // One GTIN the tenant has: nothing is written, no entry.
        QVERIFY(!bulk.insert({wineProduct(QStringLiteral("5601012012231")), wineProduct()}).ok());

        auto entries = journal.after(start, 100, m_tenant);
        QVERIFY(entries.ok());
        QStringList seen;
        for (const ChangeEntry& e : *entries)
            seen << e.entity + u'.' + e.op;
        QCOMPARE(seen, (QStringList{"document.created", "document.deleted", "supplier.created",
                                    "supplier.updated", "product_supplier.created",
                                    "product_supplier.deleted", "link.created", "link.updated",
                                    "link.deleted", "product.created", "battery_unit.created",
                                    "battery_unit.soh_recorded", "battery_unit.event_recorded",
                                    "battery_unit.updated", "product.created", "product.created"}));
        QCOMPARE(entries->at(0).entityId, doc->id);
        QCOMPARE(entries->at(0).data.value(u"product_id").toString(), pid);
        QCOMPARE(entries->at(4).entityId, pid + u'/' + supplier->id);
        QCOMPARE(entries->at(7).entityId, createdLink->id);
        QCOMPARE(entries->at(11)
                     .data.value(u"reading")
                     .toObject()
                     .value(u"state_of_health_pct")
                     .toDouble(),
                 97.0);
        QCOMPARE(entries->at(13).data.value(u"status").toString(), QStringLiteral("repurposed"));
        QCOMPARE(entries->at(14).data.value(u"gtin").toString(), QStringLiteral("05601012012217"));
    }

    void batteryUnitsWithHistory()
    {
        ProductRepository products(*m_db, m_tenant);
        QJsonObject battery{{"gtin", "5601010000001"},
                            {"name", QJsonObject{{"en", "Pack"}}},
                            {"category", "battery"},
                            {"battery", QJsonObject{{"category", "ev"}, {"chemistry", "NMC"}}}};
        auto saved = products.save(battery);
        QVERIFY2(saved.ok(),
                 qPrintable(saved.ok() ? QString() : saved.error().param + saved.error().message));
        BatteryUnitRepository units(*m_db, m_tenant);
        passport::BatteryUnit unit;
        unit.productId = saved->product.id;
        unit.uniqueIdentifier = QStringLiteral("https://id.example.com/01/05601010000001/21/B1");
        unit.serialNumber = QStringLiteral("B1");
        unit.manufacturingDate = QStringLiteral("2026-01");
        auto created = units.create(unit);
        QVERIFY(created.ok());
        QVERIFY(!units.create(unit).ok()); // same identifier
        unit.manufacturingDate = QStringLiteral("2026-13");
        unit.uniqueIdentifier = QStringLiteral("B2");
        QCOMPARE(units.create(unit).error().param, QStringLiteral("manufacturing_date"));

        passport::SohReading r;
        r.measuredAt = QDateTime::currentDateTimeUtc();
        r.stateOfHealthPct = 97.5;
        r.cycleCount = 120;
        QVERIFY(units.addReading(created->id, r).ok());
        r.stateOfHealthPct = 101;
        QCOMPARE(units.addReading(created->id, r).error().param,
                 QStringLiteral("state_of_health_pct"));
        QCOMPARE(units.readings(created->id).size(), 1);
        QCOMPARE(*units.readings(created->id).first().cycleCount, 120);

        QVERIFY(units.setStatus(created->id, QStringLiteral("repurposed")).ok());
        QVERIFY(units.setStatus(created->id, QStringLiteral("waste")).ok());
        QVERIFY(!units.setStatus(created->id, QStringLiteral("original")).ok());
        QCOMPARE(units.get(created->id)->status, QStringLiteral("waste"));
        QCOMPARE(units.events(created->id).size(), 2);
        QCOMPARE(units.events(created->id).first().type, QStringLiteral("repurposed"));
    }

    void suppliersEprAndLinks()
    {
        SupplierRepository suppliers(*m_db, m_tenant);
        QJsonObject s{{"name", "Cork Co"},
                      {"role", "packaging"},
                      {"country", "PT"},
                      {"gln", "9520123456788"},
                      {"vat_number", "PT123456789"}};
        QVERIFY(suppliers.create(s).ok());
        s.insert(QStringLiteral("gln"), QStringLiteral("9520123456789"));
        auto bad = suppliers.create(s);
        QCOMPARE(bad.error().param, QStringLiteral("gln"));
        QCOMPARE(suppliers.list().size(), 1);

        EprRegistrationRepository epr(*m_db, m_tenant);
        passport::EprRegistration reg;
        reg.memberState = QStringLiteral("DE");
        reg.regime = QStringLiteral("battery");
        reg.registrationNumber = QStringLiteral("DE 12345678");
        reg.producerName = QStringLiteral("Acme");
        reg.complianceRoute = QStringLiteral("pro");
        QCOMPARE(epr.save(reg).error().param, QStringLiteral("pro_name"));
        reg.proName = QStringLiteral("GRS");
        QVERIFY(epr.save(reg).ok());
        reg.registrationNumber = QStringLiteral("DE 87654321");
        QVERIFY(epr.save(reg).ok());
        QCOMPARE(epr.list().size(), 1);
        QCOMPARE(epr.list().first().registrationNumber, QStringLiteral("DE 87654321"));

        ResolverLinkRepository links(*m_db, m_tenant);
        passport::ResolverLink l;
        l.gtin = QStringLiteral("5601012012200");
        l.linkType = QStringLiteral("gs1:dpp");
        l.href = QStringLiteral("https://example.com/dpp");
        l.title = QStringLiteral("Passport");
        l.languages = {QStringLiteral("en")};
        l.isDefault = true;
        auto first = links.create(l);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        l.linkType = QStringLiteral("gs1:pip");
        l.href = QStringLiteral("https://example.com/pip");
        auto second = links.create(l);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        const auto all = links.list(QStringLiteral("05601012012200"));
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().linkType, QStringLiteral("gs1:pip"));
        QVERIFY(all.first().isDefault);
        QVERIFY(!all.last().isDefault);
        l.level = QStringLiteral("serial");
        l.qualifier = QString();
        QCOMPARE(links.create(l).error().param, QStringLiteral("qualifier"));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestStore>(argc, argv);
}

#include "tst_store.moc"
