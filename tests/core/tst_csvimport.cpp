// CSV reading and product import/export on SQLite and PostgreSQL: BOM,
// separators, quoted line breaks, good/bad/mixed files, the report shape,
// re-import as update, and export → import round trips.
#include "storetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <export/csvreader.h>
#include <export/csvwriter.h>
#include <export/productcsv.h>
#include <export/productexporter.h>
#include <export/productimporter.h>
#include <store/productrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::exporting;

class TestCsvImport : public QObject
{
    Q_OBJECT
public:
    explicit TestCsvImport(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    std::shared_ptr<store::Database> m_db;
    QString m_tenant;

    ImportReport import(const QByteArray& csv, const QString& tenant = {})
    {
        ProductImporter importer(*m_db, tenant.isEmpty() ? m_tenant : tenant);
        auto report = importer.importCsv(csv);
        if (!report.ok())
            qWarning() << report.error().param << report.error().message;
        return report.ok() ? *report : ImportReport{-1, -1, -1, {}};
    }

private Q_SLOTS:
    // Pure parsing, no store needed; run once per backend anyway (cheap).
    void readerHandlesSpreadsheetCsv()
    {
        const QByteArray text =
            "\xEF\xBB\xBFgtin;name.en;description\r\n"
            "4006381333931;\"Stabilo; \"\"Boss\"\"\";\"line one\r\nline two\"\r\n"
            "\r\n"
            "96385074;Fünf;\n";
        auto table = CsvReader::parse(text);
        QVERIFY(table.ok());
        QCOMPARE(table->separator, QChar(u';'));
        QCOMPARE(table->records.size(), 3);
        QCOMPARE(table->records[0].first(), QStringLiteral("gtin")); // BOM gone
        QCOMPARE(table->records[1][1], QStringLiteral("Stabilo; \"Boss\""));
        QCOMPARE(table->records[1][2], QStringLiteral("line one\r\nline two"));
        QCOMPARE(table->records[2][1], QStringLiteral("Fünf"));
        QCOMPARE(table->lines[2], 5);

        QCOMPARE(CsvReader::parse("a,b\n\"open,x\n").error().message,
                 QStringLiteral("a quoted field starting on line 2 is never closed"));
        QCOMPARE(CsvReader::parse("gtin\n\xff\xfe\n").error().param, QStringLiteral("file"));
        QVERIFY(!CsvReader::parse("   \n").ok());

        CsvWriter writer;
        writer.addRecord({QStringLiteral("a,b"), QStringLiteral("x\"y"), QStringLiteral("l1\nl2"),
                          QStringLiteral("plain")});
        QCOMPARE(writer.data(), QByteArray("\"a,b\",\"x\"\"y\",\"l1\nl2\",plain\r\n"));
        auto back = CsvReader::parse(writer.data());
        QCOMPARE(back->records.first(), (QStringList{"a,b", "x\"y", "l1\nl2", "plain"}));
    }

    void init()
    {
        QString why;
        const QString location = m_test.create(&why);
        if (location.isEmpty())
            QSKIP(qPrintable(why));
        auto db = store::Database::open(location);
        QVERIFY(db.ok());
        m_db = *db;
        m_tenant = store::TenantRepository(*m_db).create(QStringLiteral("Acme"), {})->id;
    }
    void cleanup()
    {
        m_db.reset();
        m_test.drop();
    }

    void goodFile()
    {
        const QByteArray csv = "gtin,name.en,name.de,category,recycled_content_pct,ce_marking,"
                               "materials,battery.category,battery.chemistry\n"
                               "4006381333931,Pen,Stift,electronics,35,true,\"[{\"\"name\"\":"
                               "\"\"steel\"\",\"\"percentage\"\":60}]\",,\n"
                               "08523456790018,Battery,,battery,12,yes,,ev,NMC\n"
                               "96385074,\"Multi\nline name\",,toys,0,no,,,\n";
        const ImportReport r = import(csv);
        QCOMPARE(r.created, 3);
        QCOMPARE(r.updated, 0);
        QCOMPARE(r.skipped, 0);
        QVERIFY(r.errors.isEmpty());
        store::ProductRepository products(*m_db, m_tenant);
        const auto pen = products.findByGtin(QStringLiteral("4006381333931"));
        QVERIFY(pen);
        QCOMPARE(pen->name.value(QStringLiteral("de")), QStringLiteral("Stift"));
        QCOMPARE(pen->attributes.value(QStringLiteral("recycled_content_pct")).toDouble(), 35.0);
        QCOMPARE(pen->attributes.value(QStringLiteral("ce_marking")).toBool(), true);
        QCOMPARE(pen->materials.first().percentage.value(), 60.0);
        QCOMPARE(products.findByGtin(QStringLiteral("08523456790018"))->battery->chemistry(),
                 QStringLiteral("NMC"));
        QCOMPARE(products.findByGtin(QStringLiteral("96385074"))->displayName(),
                 QStringLiteral("Multi\nline name"));

        // The same file again updates instead of duplicating.
        const ImportReport again = import(csv);
        QCOMPARE(again.created, 0);
        QCOMPARE(again.updated, 3);
        QCOMPARE(products.count(), 3);
    }

    void badFileReportsEveryRow()
    {
        const QByteArray csv = "gtin;name.en;recycled_content_pct;manufacturer_country\n"
                               "4006381333932;Pen;35;DE\n"       // check digit
                               "4006381333931;;35;DE\n"          // no name
                               "4006381333931;Pen;abc;DE\n"      // not a number
                               "4006381333931;Pen;35;Germany\n"; // country
        const ImportReport r = import(csv);
        QCOMPARE(r.created, 0);
        QCOMPARE(r.skipped, 4);
        const QJsonObject json = r.toJson();
        QCOMPARE(json.keys(), (QStringList{"created", "errors", "skipped", "updated"}));
        const QJsonArray errors = json.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 4);
        const QJsonObject first = errors[0].toObject();
        QCOMPARE(first.value(QStringLiteral("row")).toInt(), 2);
        QCOMPARE(first.value(QStringLiteral("column")).toString(), QStringLiteral("gtin"));
        QCOMPARE(first.value(QStringLiteral("message")).toString(),
                 QStringLiteral("check digit should be 1, got 2"));
        QCOMPARE(errors[1].toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("name.en"));
        QCOMPARE(errors[2].toObject().value(QStringLiteral("row")).toInt(), 4);
        QCOMPARE(errors[2].toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("recycled_content_pct"));
        QCOMPARE(errors[3].toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("manufacturer_country"));
        QCOMPARE(store::ProductRepository(*m_db, m_tenant).count(), 0);
    }

    void mixedFileKeepsTheGoodRows()
    {
        // Decimal comma with ';' separators, as EU spreadsheets write it.
        const QByteArray csv = "gtin;name.en;net_weight_kg;materials\n"
                               "4006381333931;Pen;0,25;\n"
                               "4006381333948;Broken;1;[not json\n"
                               "96385074;Ruler;1,5;\n";
        const ImportReport r = import(csv);
        QCOMPARE(r.created, 2);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().row, 3);
        QCOMPARE(r.errors.first().column, QStringLiteral("materials"));
        store::ProductRepository products(*m_db, m_tenant);
        QCOMPARE(products.count(), 2);
        QCOMPARE(products.findByGtin(QStringLiteral("4006381333931"))
                     ->attributes.value(QStringLiteral("net_weight_kg"))
                     .toDouble(),
                 0.25);
        QVERIFY(!products.findByGtin(QStringLiteral("4006381333948")));
    }

    void unusableHeaderImportsNothing()
    {
        ProductImporter importer(*m_db, m_tenant);
        auto unknown =
            importer.importCsv("gtin,name.en,colour\n4006381333931,Pen,red\n96385074,Ruler,blue\n");
        QVERIFY(unknown.ok());
        QCOMPARE(unknown->created, 0);
        QCOMPARE(unknown->skipped, 2);
        QCOMPARE(unknown->errors.size(), 1);
        QCOMPARE(unknown->errors.first().row, 1);
        QCOMPARE(unknown->errors.first().column, QStringLiteral("colour"));
        auto noGtin = importer.importCsv("name.en,name.en\nPen,Pen\n");
        QCOMPARE(noGtin->errors.size(), 2);
        QCOMPARE(noGtin->errors[0].column, QStringLiteral("name.en"));
        QCOMPARE(noGtin->errors[0].message, QStringLiteral("column appears twice"));
        QCOMPARE(noGtin->errors[1].column, QStringLiteral("gtin"));
        QCOMPARE(store::ProductRepository(*m_db, m_tenant).count(), 0);
        auto unreadable = importer.importCsv("gtin\n\"4006381333931\n");
        QVERIFY(!unreadable.ok());
        QCOMPARE(unreadable.error().param, QStringLiteral("file"));
    }

    void templateHasEveryColumnAndImports()
    {
        const QStringList columns = ProductCsv::templateColumns();
        for (const auto& spec : passport::Product::fields())
            if (!ProductCsv::readOnlyColumns().contains(spec.key))
                QVERIFY2(columns.contains(spec.key), qPrintable(spec.key));
        for (const auto& spec : passport::Battery::fields())
            QVERIFY(columns.contains(QStringLiteral("battery.") + spec.key));
        QVERIFY(columns.contains(QStringLiteral("materials")));
        const ImportReport r = import(ProductExporter::templateCsv());
        QCOMPARE(r.created, 1);
        QVERIFY(r.errors.isEmpty());
    }

    void exportImportRoundTrip()
    {
        const QByteArray csv = "gtin,name.en,name.sk,category,brand,materials,substances,battery."
                               "category,battery.chemistry,battery.removable\n"
                               "08523456790018,Battery,Batéria,battery,\"Acme, "
                               "Inc.\",\"[{\"\"name\"\":\"\"steel\"\",\"\"percentage\"\":60}]\","
                               "\"[{\"\"name\"\":\"\"cobalt\"\",\"\"cas_number\"\":\"\"7440-48-"
                               "4\"\"}]\",ev,NMC,false\n";
        QCOMPARE(import(csv).created, 1);
        store::ProductRepository products(*m_db, m_tenant);
        const QByteArray exported = ProductExporter::toCsv(products.list());
        const QString other =
            store::TenantRepository(*m_db).create(QStringLiteral("Other"), {})->id;
        const ImportReport r = import(exported, other);
        QCOMPARE(r.created, 1);
        QVERIFY(r.errors.isEmpty());
        auto original = *products.findByGtin(QStringLiteral("08523456790018"));
        auto copy =
            *store::ProductRepository(*m_db, other).findByGtin(QStringLiteral("08523456790018"));
        QVERIFY(original.id != copy.id);
        copy.id = original.id;
        copy.createdAt = original.createdAt;
        copy.updatedAt = original.updatedAt;
        QCOMPARE(copy.toJson(), original.toJson());

        const QJsonObject json =
            QJsonDocument::fromJson(ProductExporter::toJson(products.list())).object();
        QCOMPARE(json.value(QStringLiteral("products")).toArray().size(), 1);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestCsvImport>(argc, argv);
}

#include "tst_csvimport.moc"
