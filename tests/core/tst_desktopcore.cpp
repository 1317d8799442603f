// The core functions behind the desktop app: the product catalog the product
// list pages through (SQLite and PostgreSQL), the bulk insert, publishing with
// a field-level diff, the wine energy computation and the PDF first-page preview.
#include "storetestsupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QPainter>
#include <QPdfWriter>
#include <export/pdfpreview.h>
#include <passport/nutritionenergy.h>
#include <passport/passportdiff.h>
#include <store/passportpublisher.h>
#include <store/passportrepository.h>
#include <store/productbulkinserter.h>
#include <store/productcatalog.h>
#include <store/productrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using passport::PassportDiff;
using store::ProductCatalog;

namespace {
// GTIN-13 with a correct check digit for the running number n.
QString gtinFor(int n)
{
    QString body = QStringLiteral("400%1").arg(n, 9, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (body[i].digitValue()) * (i % 2 == 0 ? 1 : 3);
    return body + QString::number((10 - sum % 10) % 10);
}

QJsonObject productJson(int n, const QString& name, const QString& category, const QString& sku)
{
    return {{"gtin", gtinFor(n)},
            {"name", QJsonObject{{"en", name}}},
            {"category", category},
            {"sku", sku}};
}
} // namespace

class TestDesktopCore : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<store::Database> open(test::TestDatabase& tdb, QString* tenant)
    {
        QString why;
        const QString location = tdb.create(&why);
        if (location.isEmpty())
            return nullptr;
        auto db = store::Database::open(location);
        if (!db.ok())
            return nullptr;
        *tenant = store::TenantRepository(**db).ensure(QStringLiteral("default"))->id;
        return *db;
    }

private Q_SLOTS:
    void catalog_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    void catalog()
    {
        QFETCH(QString, backend);
        test::TestDatabase tdb(backend);
        if (tdb.isPostgres() && test::TestDatabase::pgUrl().isEmpty())
            QSKIP("DPP_TEST_PG_URL is not set (tests/services/postgres.sh starts PostgreSQL)");
        QString tenant;
        auto db = open(tdb, &tenant);
        QVERIFY(db);
        QList<QJsonObject> batch;
        for (int i = 0; i < 250; ++i)
            batch << productJson(i, QStringLiteral("Item %1").arg(i, 3, 10, QLatin1Char('0')),
                                 i % 5 == 0 ? QStringLiteral("wine") : QStringLiteral("textile"),
                                 QStringLiteral("SKU_%1").arg(i));
        batch << productJson(900, QStringLiteral("Grüner Veltliner Reserve"),
                             QStringLiteral("wine"), QStringLiteral("GV-100%"));
        auto inserted = store::ProductBulkInserter(*db, tenant).insert(batch);
        QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().message));
        QCOMPARE(*inserted, 251);

        ProductCatalog catalog(*db, tenant);
        ProductCatalog::Query all;
        QCOMPARE(*catalog.count(all), 251);
        // Consecutive windows cover every product once, in GTIN order.
        QStringList seen;
        for (int offset = 0; offset < 251; offset += 100) {
            const QList<ProductCatalog::Row> rows = *catalog.window(all, offset, 100);
            for (const auto& row : rows)
                seen << row.gtin;
        }
        QCOMPARE(seen.size(), 251);
        QStringList sorted = seen;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(seen, sorted);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 251);

        // Search: name (case-insensitive, non-ASCII kept), GTIN without the leading zero, SKU
        // with LIKE wildcards taken literally.
        ProductCatalog::Query q;
        q.search = QStringLiteral("veltliner");
        QCOMPARE(*catalog.count(q), 1);
        q.search = gtinFor(42);
        QCOMPARE(*catalog.count(q), 1);
        const QList<ProductCatalog::Row> hit = *catalog.window(q, 0, 10);
        QCOMPARE(hit.first().name, QStringLiteral("Item 042"));
        q.search = QStringLiteral("100%");
        QCOMPARE(*catalog.count(q), 1);
        q.search = QStringLiteral("sku_1_"); // "_" is not a wildcard: no "SKU_10".."SKU_19"
        QCOMPARE(*catalog.count(q), 0);
        q.search = QStringLiteral("sku_12");
        QCOMPARE(*catalog.count(q), 11); // SKU_12, SKU_120..129

        // Filter by sector and sort by name descending.
        ProductCatalog::Query wine;
        wine.category = QStringLiteral("wine");
        wine.sort = ProductCatalog::SortKey::Name;
        wine.descending = true;
        QCOMPARE(*catalog.count(wine), 51);
        const QList<ProductCatalog::Row> first = *catalog.window(wine, 0, 3);
        QCOMPARE(first[0].name, QStringLiteral("Item 245"));
        QCOMPARE(first[1].name, QStringLiteral("Item 240"));

        // Deleted products leave the default view and show under status "deleted".
        store::ProductRepository products(*db, tenant);
        QVERIFY(products.remove(first[0].id).ok());
        QCOMPARE(*catalog.count(all), 250);
        ProductCatalog::Query deleted;
        deleted.status = QStringLiteral("deleted");
        QCOMPARE(*catalog.count(deleted), 1);

        // Bad input is an error naming the parameter, not a crash.
        QCOMPARE(catalog.window(all, -1, 10).error().param, QStringLiteral("offset"));
        QCOMPARE(catalog.window(all, 0, 0).error().param, QStringLiteral("limit"));
    }

    void bulkInsertIsAllOrNothing()
    {
        test::TestDatabase tdb(QStringLiteral("sqlite"));
        QString tenant;
        auto db = open(tdb, &tenant);
        QVERIFY(db);
        store::ProductBulkInserter inserter(*db, tenant);
        QVERIFY(inserter.insert({productJson(1, "A", "wine", "a")}).ok());
        // A bad GTIN in the middle: nothing of the batch is written.
        QJsonObject bad = productJson(3, "C", "wine", "c");
        bad["gtin"] = QStringLiteral("4000000000034");
        auto r = inserter.insert({productJson(2, "B", "wine", "b"), bad});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().param, QStringLiteral("products[1].gtin"));
        // A GTIN the store already has: the unique key refuses it, nothing written.
        r = inserter.insert({productJson(4, "D", "wine", "d"), productJson(1, "A2", "wine", "a")});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("duplicate_gtin"));
        QCOMPARE(store::ProductRepository(*db, tenant).count(), 1);
    }

    void publishAndDiff()
    {
        test::TestDatabase tdb(QStringLiteral("sqlite"));
        QString tenant;
        auto db = open(tdb, &tenant);
        QVERIFY(db);
        auto product =
            store::ProductRepository(*db, tenant).create(productJson(7, "P", "other", ""));
        QVERIFY(product.ok());
        store::PassportPublisher publisher(*db, tenant);
        const QJsonObject v1{{"note", "first"}, {"list", QJsonArray{1, 2}}};
        auto first = publisher.publish(product->id, QStringLiteral("product"), v1);
        QVERIFY(first.ok());
        QCOMPARE(first->status, QStringLiteral("published"));
        // Publishing the same data again adds nothing to the history.
        auto same = publisher.publish(product->id, QStringLiteral("product"), v1);
        QCOMPARE(same.error().code, QStringLiteral("unchanged"));
        const QJsonObject v2{{"note", "second"}, {"list", QJsonArray{1, 2, 3}}, {"new", true}};
        const auto changes = PassportDiff::between(v1, v2);
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes[0].path, QStringLiteral("list[2]"));
        QCOMPARE(changes[0].kind, PassportDiff::Kind::Added);
        QCOMPARE(changes[1].path, QStringLiteral("new"));
        QCOMPARE(changes[2].path, QStringLiteral("note"));
        QCOMPARE(changes[2].kind, PassportDiff::Kind::Changed);
        QCOMPARE(PassportDiff::displayValue(changes[2].before), QStringLiteral("first"));
        auto second = publisher.publish(product->id, QStringLiteral("product"), v2);
        QVERIFY(second.ok());
        const auto versions = store::PassportRepository(*db, tenant).versions(product->id);
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions[0].status, QStringLiteral("superseded"));
        QCOMPARE(versions[1].sha256, passport::PassportVersion::hashOf(v2));
        // Removed keys and nested objects.
        const auto removed = PassportDiff::between(
            QJsonObject{{"nutrition", QJsonObject{{"fat", 0}, {"salt", 0.01}}}},
            QJsonObject{{"nutrition", QJsonObject{{"fat", 0}}}});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed[0].path, QStringLiteral("nutrition.salt"));
        QCOMPARE(removed[0].kind, PassportDiff::Kind::Removed);
        QVERIFY(PassportDiff::between(v2, v2).isEmpty());
        // Invalid data for the kind: an error, no stray draft left behind.
        auto bad = publisher.publish(product->id, QStringLiteral("wine"), QJsonObject{});
        QVERIFY(!bad.ok());
        QCOMPARE(store::PassportRepository(*db, tenant).versions(product->id).size(), 2);
        // No public base (or the GS1 global resolver): no resolver links are made.
        QVERIFY(store::ResolverLinkRepository(*db, tenant).list(product->gtin).isEmpty());
    }

    // The one publish call (GUI, API, seeder) makes the default resolver links when the
    // store has a public base, as publishing through dppserver always did.
    void publishCreatesDefaultLinks()
    {
        test::TestDatabase tdb(QStringLiteral("sqlite"));
        QString tenant;
        auto db = open(tdb, &tenant);
        QVERIFY(db);
        auto product =
            store::ProductRepository(*db, tenant).create(productJson(8, "P", "other", ""));
        QVERIFY(product.ok());
        store::PassportPublisher global(*db, tenant);
        global.setPublicBase(QStringLiteral("https://id.gs1.org"));
        QVERIFY(global.publish(product->id, QStringLiteral("product"), {{"n", 1}}).ok());
        store::ResolverLinkRepository links(*db, tenant);
        QVERIFY(links.list(product->gtin).isEmpty());
        store::PassportPublisher publisher(*db, tenant);
        publisher.setPublicBase(QStringLiteral("https://id.example.com/"));
        QVERIFY(publisher.publish(product->id, QStringLiteral("product"), {{"n", 2}}).ok());
        const auto made = links.list(product->gtin);
        QCOMPARE(made.size(), 2);
        QStringList types;
        for (const auto& l : made) {
            types << l.linkType;
            QCOMPARE(l.href, QStringLiteral("https://id.example.com/passport/") + product->gtin);
        }
        types.sort();
        QCOMPARE(types, QStringList({QStringLiteral("gs1:dpp"), QStringLiteral("gs1:pip")}));
        // Re-publishing adds no links.
        QVERIFY(publisher.publish(product->id, QStringLiteral("product"), {{"n", 3}}).ok());
        QCOMPARE(links.list(product->gtin).size(), 2);
    }

    void wineEnergy()
    {
        // 12.5 % vol: 9.8625 g alcohol * 29 = 286 kJ; 2.6 g carbohydrate * 17 = 44.2 kJ.
        const QJsonObject wine{
            {"alcoholPct", 12.5},
            {"nutrition",
             QJsonObject{{"fat", 0}, {"carbohydrate", 2.6}, {"protein", 0.1}, {"energyKj", 332}}}};
        const auto e = passport::NutritionEnergy::fromWineLabel(wine);
        QVERIFY(e);
        QCOMPARE(qRound(e->kj), 332);
        QCOMPARE(qRound(e->kcal), 80);
        QVERIFY(passport::NutritionEnergy::warning(wine).isEmpty());
        QJsonObject typo = wine;
        QJsonObject n = wine["nutrition"].toObject();
        n["energyKj"] = 233; // digits swapped
        typo["nutrition"] = n;
        const QString warning = passport::NutritionEnergy::warning(typo);
        QVERIFY(warning.contains(QStringLiteral("233")));
        QVERIFY(warning.contains(QStringLiteral("332")));
        // Within the tolerance: max(10 kJ, 10 %).
        QVERIFY(passport::NutritionEnergy::withinTolerance(360, 332));
        QVERIFY(!passport::NutritionEnergy::withinTolerance(370, 332));
        QVERIFY(passport::NutritionEnergy::withinTolerance(9, 0));
        QVERIFY(!passport::NutritionEnergy::fromWineLabel(QJsonObject{}));
    }

    void pdfPreview()
    {
        // A real A4 PDF with a black box in the top-left quarter.
        QByteArray pdf;
        {
            QBuffer buffer(&pdf);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setResolution(72);
            QPainter p(&writer);
            const QRect page = p.viewport();
            p.fillRect(QRect(0, 0, page.width() / 2, page.height() / 2), Qt::black);
        }
        const auto image = exporting::PdfPreview::firstPage(pdf, QSize(200, 400));
        QVERIFY2(image.ok(), qPrintable(image.ok() ? QString() : image.error().message));
        // Fits the box, keeps A4's aspect.
        QVERIFY(image->width() <= 201 && image->height() <= 401);
        const double aspect = double(image->height()) / image->width();
        QVERIFY2(aspect > 1.40 && aspect < 1.43, qPrintable(QString::number(aspect)));
        QCOMPARE(qGray(image->pixel(image->width() / 4, image->height() / 4)), 0);
        QCOMPARE(qGray(image->pixel(image->width() * 3 / 4, image->height() * 3 / 4)), 255);
        const auto notPdf = exporting::PdfPreview::firstPage("hello", QSize(100, 100));
        QCOMPARE(notPdf.error().param, QStringLiteral("file"));
        const auto broken = exporting::PdfPreview::firstPage("%PDF-1.4 garbage", QSize(100, 100));
        QVERIFY(!broken.ok());
    }
};

QTEST_GUILESS_MAIN(TestDesktopCore)
#include "tst_desktopcore.moc"
