// BatchExporter / BatchPlan: validation before any file, progress, cancel
// (nothing left behind), the same archive whatever the thread count, PNG
// entries stored, and the manifest's CSV quoting.
#include "symboldecode.h"

#include <QTemporaryDir>
#include <QTest>
#include <export/batchexporter.h>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

using namespace dpp::exporting;

namespace {

BatchRequest range(qint64 count)
{
    BatchRequest r;
    r.gtin = QStringLiteral("09506000134352");
    r.lot = QStringLiteral("LOT2026A");
    r.prefix = QStringLiteral("SN");
    r.count = count;
    return r;
}

QMap<QString, QByteArray> readAll(const QString& path)
{
    QMap<QString, QByteArray> entries;
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        return entries;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFile f(&zip);
        if (f.open(QIODevice::ReadOnly))
            entries.insert(zip.getCurrentFileName(), f.readAll());
    }
    return entries;
}

} // namespace

class TestBatchExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("gtin") << "gtin";
        QTest::newRow("lot") << "lot";
        QTest::newRow("count") << "count";
        QTest::newRow("serial") << "serial";
        QTest::newRow("width") << "width";
        QTest::newRow("base") << "base";
        QTest::newRow("gtins") << "gtins";
        QTest::newRow("module_mm") << "module_mm";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        BatchRequest r = range(10);
        if (field == u"gtin")
            r.gtin = QStringLiteral("123");
        else if (field == u"lot")
            r.lot = QStringLiteral("LOT 1");
        else if (field == u"count")
            r.count = 0;
        else if (field == u"serial")
            r.prefix = QStringLiteral("PREFIX-TOO-LONG-");
        else if (field == u"width")
            r.width = 0;
        else if (field == u"base")
            r.base = QStringLiteral("https://id.gs1.org/?q=1");
        else if (field == u"gtins")
            r.gtins = {QStringLiteral("09506000134352"),
                       QStringLiteral("9506000134352")}; // same GTIN
        else
            r.render.moduleMm = -1;
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("x.zip"));
        const auto result = BatchExporter::run(r, out);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().param, field);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void progressAndSameArchiveForAnyThreadCount()
    {
        QTemporaryDir dir;
        BatchRequest r = range(600); // three chunks
        r.threads = 1;
        QList<qint64> seen;
        BatchCallbacks callbacks;
        callbacks.progress = [&](qint64 done, qint64 total) {
            QCOMPARE(total, 1200);
            seen << done;
        };
        const auto one = BatchExporter::run(r, dir.filePath(QStringLiteral("one.zip")), callbacks);
        QVERIFY(one.ok());
        QCOMPARE(one->codes, 1200);
        QCOMPARE(seen, QList<qint64>({512, 1024, 1200}));
        r.threads = 3;
        QVERIFY(BatchExporter::run(r, dir.filePath(QStringLiteral("three.zip"))).ok());
        const auto a = readAll(dir.filePath(QStringLiteral("one.zip")));
        const auto b = readAll(dir.filePath(QStringLiteral("three.zip")));
        QCOMPARE(a.size(), 1201);
        QVERIFY(a == b);
        const QStringList order = [&] {
            QuaZip zip(dir.filePath(QStringLiteral("three.zip")));
            zip.open(QuaZip::mdUnzip);
            return zip.getFileNameList();
        }();
        QCOMPARE(order.at(0), QStringLiteral("manifest.csv"));
        QCOMPARE(order.at(1), QStringLiteral("qr/SN000001.svg"));
        QCOMPARE(order.at(2), QStringLiteral("datamatrix/SN000001.svg"));
        QCOMPARE(order.last(), QStringLiteral("datamatrix/SN000600.svg"));
    }

    void cancelLeavesNothing()
    {
        QTemporaryDir dir;
        std::atomic<bool> cancel{false};
        BatchCallbacks callbacks;
        callbacks.cancel = &cancel;
        callbacks.progress = [&](qint64, qint64) { cancel = true; }; // after the first chunk
        const auto result =
            BatchExporter::run(range(2000), dir.filePath(QStringLiteral("c.zip")), callbacks);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("cancelled"));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void pngEntriesAndListMode()
    {
        QTemporaryDir dir;
        BatchRequest r;
        r.gtins = {QStringLiteral("9506000134352"), QStringLiteral("4012345678901")};
        r.symbols = BatchSymbols::DataMatrix;
        r.image = BatchImage::Png;
        r.lot = QStringLiteral("A,\"B\"");
        const QString out = dir.filePath(QStringLiteral("l.zip"));
        const auto result = BatchExporter::run(r, out);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->codes, 2);
        const auto entries = readAll(out);
        QCOMPARE(entries.keys(), QStringList({"04012345678901_datamatrix.png",
                                              "09506000134352_datamatrix.png", "manifest.csv"}));
        const auto d = dpp::test::decodeImage(
            QImage::fromData(entries.value("09506000134352_datamatrix.png"), "PNG"));
        QCOMPARE(d.text, QByteArray("0109506000134352"
                                    "10A,\"B\""));
        // RFC 4180: fields with commas or quotes are quoted, quotes doubled.
        QVERIFY(entries.value("manifest.csv").contains(",09506000134352,\"A,\"\"B\"\"\","));
    }

    void replacesExistingArchive()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("r.zip"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old");
        f.close();
        QVERIFY(BatchExporter::run(range(3), out).ok());
        QCOMPARE(readAll(out).size(), 7);
        const auto missingDir =
            BatchExporter::run(range(3), dir.filePath(QStringLiteral("no/such/x.zip")));
        QCOMPARE(missingDir.error().param, QStringLiteral("out"));
    }
};

QTEST_MAIN(TestBatchExporter)
#include "tst_batchexporter.moc"
