// dppctl batch: the archive contract (20,000 symbol files + 10,001-line
// manifest for --count 10000, GTIN lists, PNG), the JSON summary, and that
// invalid input is refused with the field named and no file written.
#include "symboldecode.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

using dpp::test::runTool;

namespace {
QByteArray readEntry(QuaZip& zip, const QString& name)
{
    if (!zip.setCurrentFile(name))
        return {};
    QuaZipFile f(&zip);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}
} // namespace

class TestDppctlBatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serialRange10000()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("batch.zip"));
        const auto r = runTool(QStringLiteral("dppctl"),
                               {"batch", "--gtin", "09506000134352", "--lot", "LOT2026A",
                                "--prefix", "SN", "--start", "1", "--count", "10000", "--format",
                                "both", "--image", "svg", "--out", out},
                               {}, 170000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // stdout is a pipe here: no progress bar, only the JSON summary line.
        QVERIFY(!r.err.contains('#'));
        QCOMPARE(r.out.count('\n'), 1);
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value("codes").toInt(), 20000);
        QVERIFY(summary.value("seconds").isDouble());

        QuaZip zip(out);
        QVERIFY(zip.open(QuaZip::mdUnzip));
        const QStringList names = zip.getFileNameList();
        QCOMPARE(names.size(), 20001);
        QCOMPARE(names.filter(QRegularExpression("^qr/SN\\d{6}\\.svg$")).size(), 10000);
        QCOMPARE(names.filter(QRegularExpression("^datamatrix/SN\\d{6}\\.svg$")).size(), 10000);
        QVERIFY(names.contains("qr/SN000001.svg") && names.contains("datamatrix/SN010000.svg"));

        const QByteArray manifest = readEntry(zip, QStringLiteral("manifest.csv"));
        const QList<QByteArray> lines = manifest.trimmed().split('\n');
        QCOMPARE(lines.size(), 10001);
        QCOMPARE(lines.first(),
                 QByteArray("serial_number,gtin,batch_lot,digital_link,gs1_ai_string"));
        QCOMPARE(lines.at(1),
                 QByteArray("SN000001,09506000134352,LOT2026A,"
                            "https://id.gs1.org/01/09506000134352/10/LOT2026A/21/SN000001,"
                            "(01)09506000134352(10)LOT2026A(21)SN000001"));
        QVERIFY(lines.last().startsWith("SN010000,"));

        // Spot-check symbols decode to what the manifest says.
        const auto qr =
            dpp::test::decodeImage(dpp::test::renderSvg(readEntry(zip, "qr/SN004321.svg")));
        QCOMPARE(qr.text,
                 QByteArray("https://id.gs1.org/01/09506000134352/10/LOT2026A/21/SN004321"));
        const auto dm =
            dpp::test::decodeImage(dpp::test::renderSvg(readEntry(zip, "datamatrix/SN010000.svg")));
        QCOMPARE(dm.symbologyId, QStringLiteral("]d2"));
        QCOMPARE(dm.text, QByteArray("0109506000134352"
                                     "10LOT2026A\x1d"
                                     "21SN010000"));
        QVERIFY(!QFile::exists(out + ".part"));
    }

    // On a terminal (script(1) gives dppctl a pseudo-terminal) the progress bar
    // is drawn and reaches the total; the JSON summary still follows.
    void progressBarOnTerminal()
    {
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty())
            QSKIP("script(1) (util-linux) is not installed; cannot give dppctl a terminal");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("tty.zip"));
        const QString command = dpp::test::binDir() +
                                QStringLiteral("/dppctl batch --gtin 09506000134352 "
                                               "--prefix SN --count 600 --out ") +
                                out;
        QProcess p;
        p.start(script, {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray tty = p.readAllStandardOutput();
        QVERIFY2(tty.contains("] 512/1200") && tty.contains("] 1200/1200"), tty.constData());
        QVERIFY(tty.contains("{\"codes\":1200,"));
    }

    void gtinListPng()
    {
        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("gtins.txt"));
        QFile f(list);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# products\n9506000134352\n\n04012345678901\n");
        f.close();
        const QString out = dir.filePath(QStringLiteral("list.zip"));
        const auto r = runTool(QStringLiteral("dppctl"),
                               {"batch", "--gtins", list, "--format", "both", "--image", "png",
                                "--base", "https://example.com", "--out", out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("codes").toInt(), 4);
        QuaZip zip(out);
        QVERIFY(zip.open(QuaZip::mdUnzip));
        QStringList names = zip.getFileNameList();
        names.sort();
        QCOMPARE(names, QStringList({"04012345678901_datamatrix.png", "04012345678901_qr.png",
                                     "09506000134352_datamatrix.png", "09506000134352_qr.png",
                                     "manifest.csv"}));
        const auto qr = dpp::test::decodeImage(
            QImage::fromData(readEntry(zip, "09506000134352_qr.png"), "PNG"));
        QCOMPARE(qr.text, QByteArray("https://example.com/01/09506000134352"));
        const auto dm = dpp::test::decodeImage(
            QImage::fromData(readEntry(zip, "04012345678901_datamatrix.png"), "PNG"));
        QCOMPARE(dm.text, QByteArray("0104012345678901"));
        QCOMPARE(dm.symbologyId, QStringLiteral("]d2"));
    }

    void invalidInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        const QStringList base{"--lot",   "LOT1", "--prefix", "SN",
                               "--start", "1",    "--format", "both"};
        QTest::newRow("bad gtin") << (QStringList{"--gtin", "09506000134357", "--count", "5"} +
                                      base)
                                  << "gtin";
        QTest::newRow("lot outside cset 82")
            << QStringList{"--gtin", "09506000134352", "--lot", "LOT#1", "--count", "5"} << "lot";
        QTest::newRow("count zero")
            << (QStringList{"--gtin", "09506000134352", "--count", "0"} + base) << "count";
        QTest::newRow("count negative")
            << (QStringList{"--gtin", "09506000134352", "--count", "-3"} + base) << "count";
        QTest::newRow("count not a number")
            << (QStringList{"--gtin", "09506000134352", "--count", "ten"} + base) << "count";
        QTest::newRow("serial too long for ai 21")
            << QStringList{"--gtin", "09506000134352", "--prefix", "ABCDEFGHIJKLMNOP", "--count",
                           "10",     "--width",        "6"}
            << "serial";
        QTest::newRow("prefix outside cset 82")
            << QStringList{"--gtin", "09506000134352", "--prefix", "S N", "--count", "10"}
            << "prefix";
        QTest::newRow("base")
            << (QStringList{"--gtin", "09506000134352", "--count", "5", "--base", "ftp://x"} + base)
            << "base";
        QTest::newRow("image")
            << (QStringList{"--gtin", "09506000134352", "--count", "5", "--image", "gif"} + base)
            << "image";
    }
    void invalidInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("never.zip"));
        const auto r = runTool(QStringLiteral("dppctl"),
                               QStringList{"batch"} + args + QStringList{"--out", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QByteArray("dppctl batch: " + field.toUtf8() + ": ")),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // no archive, no .part
    }

    void invalidGtinList()
    {
        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("gtins.txt"));
        QFile f(list);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("09506000134352\n12345\n");
        f.close();
        const QString out = dir.filePath(QStringLiteral("never.zip"));
        const auto r = runTool(QStringLiteral("dppctl"), {"batch", "--gtins", list, "--out", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("dppctl batch: gtins: entry 2 ('12345')"), r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no out") << QStringList{"--gtin", "09506000134352", "--count", "1"};
        QTest::newRow("no count") << QStringList{"--gtin", "09506000134352", "--out", "x.zip"};
        QTest::newRow("gtin and gtins") << QStringList{
            "--gtin", "09506000134352", "--gtins", "a.txt", "--count", "1", "--out", "x.zip"};
        QTest::newRow("unknown option")
            << QStringList{"--gtin", "09506000134352", "--count", "1", "--out", "x.zip", "--zip64"};
    }
    void usage()
    {
        QFETCH(QStringList, args);
        const auto r = runTool(QStringLiteral("dppctl"), QStringList{"batch"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("usage: dppctl batch"));
    }
};

QTEST_MAIN(TestDppctlBatch)
#include "tst_dppctl_batch.moc"
