// dppctl code: the script contract (outputs, stdout/--out, exit codes 0/1/2,
// field named on stderr), driving the real executable and decoding its output.
#include "symboldecode.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using dpp::test::runTool;

class TestDppctlCode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outputsDecode_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QString>("symbologyId");
        const QString uri =
            QStringLiteral("https://id.gs1.org/01/09506000134352/10/ABC%2F1/21/12345");
        const QByteArray gs1 = QByteArrayLiteral("0109506000134352"
                                                 "10ABC123\x1d"
                                                 "2112345");
        for (const char* format : {"svg", "png", "pdf"}) {
            const QString f = QString::fromLatin1(format);
            QTest::addRow("qr uri %s", format)
                << QStringList{"--symbology", "qr", "--format", f, "--uri", uri} << uri.toUtf8()
                << "]Q1";
            QTest::addRow("qr element string %s", format)
                << QStringList{"--symbology",      "qr",
                               "--format",         f,
                               "--element-string", "(01)09506000134352(10)ABC123(21)12345"}
                << gs1 << "]Q3";
            QTest::addRow("dm element string %s", format)
                << QStringList{"--symbology",      "datamatrix",
                               "--format",         f,
                               "--element-string", "(01)09506000134352(10)ABC123(21)12345"}
                << gs1 << "]d2";
            QTest::addRow("dm uri %s", format)
                << QStringList{"--symbology", "datamatrix", "--format", f, "--uri", uri}
                << uri.toUtf8() << "]d1";
        }
        QTest::addRow("gtin builds the link")
            << QStringList{"--format", "png",    "--gtin",   "9506000134352",
                           "--lot",    "LOT-1",  "--serial", "S/1",
                           "--expiry", "271231", "--base",   "https://example.com/dl"}
            << QByteArray("https://example.com/dl/01/09506000134352/10/LOT-1/21/S%2F1?17=271231")
            << "]Q1";
    }
    void outputsDecode()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, expected);
        QFETCH(QString, symbologyId);
        const auto r = runTool(QStringLiteral("dppctl"), QStringList{"code"} + args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QImage image;
        if (r.out.startsWith("<?xml"))
            image = dpp::test::renderSvg(r.out);
        else if (r.out.startsWith("%PDF"))
            image = dpp::test::rasterisePdf(r.out);
        else
            image = QImage::fromData(r.out, "PNG");
        QVERIFY(!image.isNull());
        const auto d = dpp::test::decodeImage(image);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.text, expected);
        QCOMPARE(d.symbologyId, symbologyId);
    }

    void outFileAndSnappedSize()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("dm.png"));
        const auto r =
            runTool(QStringLiteral("dppctl"), {"code", "--symbology", "datamatrix", "--format",
                                               "png", "--element-string", "(01)09506000134352(21)1",
                                               "--module-mm", "0.5", "--dpi", "300", "--out", out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("dots_per_module").toInt(), 6);
        QCOMPARE(o.value("module_mm").toDouble(), 6 * 25.4 / 300);
        QCOMPARE(o.value("quiet_zone").toInt(), 1);
        QVERIFY(QFile::exists(out));
        QCOMPARE(dpp::test::decodeImage(QImage(out)).symbologyId, QStringLiteral("]d2"));
    }

    void zpl()
    {
        auto r = runTool(QStringLiteral("dppctl"),
                         {"code", "--symbology", "datamatrix", "--format", "zpl",
                          "--element-string", "(01)09506000134352(10)ABC123(21)12345"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith("^XA"));
        QVERIFY2(r.out.contains("^FD_1010950600013435210ABC123_12112345^FS"), r.out.constData());
        r = runTool(QStringLiteral("dppctl"), {"code", "--format", "zpl", "--zpl", "graphic",
                                               "--uri", "https://id.gs1.org/01/09506000134352"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto d = dpp::test::decodeImage(dpp::test::zplGraphic(r.out));
        QCOMPARE(d.text, QByteArray("https://id.gs1.org/01/09506000134352"));
    }

    void invalidInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad gtin") << QStringList{"--gtin", "09506000134357"} << "gtin";
        QTest::newRow("lot outside cset 82")
            << QStringList{"--gtin", "09506000134352", "--lot", "A#1"} << "lot";
        QTest::newRow("serial too long")
            << QStringList{"--gtin", "09506000134352", "--serial", "123456789012345678901"}
            << "serial";
        QTest::newRow("bad expiry")
            << QStringList{"--gtin", "09506000134352", "--expiry", "271332"} << "expiry";
        QTest::newRow("not a digital link")
            << QStringList{"--uri", "https://example.com/x"} << "uri";
        QTest::newRow("bad element string")
            << QStringList{"--element-string", "(01)09506000134357"} << "01";
        QTest::newRow("ec") << QStringList{"--uri", "https://id.gs1.org/01/09506000134352", "--ec",
                                           "X"}
                            << "ec";
        QTest::newRow("module size")
            << QStringList{"--uri", "https://id.gs1.org/01/09506000134352", "--module-mm", "0"}
            << "module_mm";
        QTest::newRow("dpi not a number")
            << QStringList{"--uri", "https://id.gs1.org/01/09506000134352", "--dpi", "abc"}
            << "dpi";
        QTest::newRow("format") << QStringList{"--uri", "https://id.gs1.org/01/09506000134352",
                                               "--format", "gif"}
                                << "format";
        QTest::newRow("symbology")
            << QStringList{"--uri", "https://id.gs1.org/01/09506000134352", "--symbology", "pdf417"}
            << "symbology";
        QTest::newRow("dm size")
            << QStringList{"--symbology", "datamatrix", "--size",
                           "17x17",       "--uri",      "https://id.gs1.org/01/09506000134352"}
            << "size";
        QTest::newRow("qr version too small")
            << QStringList{"--version", "1", "--uri",
                           "https://id.gs1.org/01/09506000134352/10/LOT2026A/21/SN000001"}
            << "version";
    }
    void invalidInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("x.svg"));
        const auto r = runTool(QStringLiteral("dppctl"),
                               QStringList{"code"} + args + QStringList{"--out", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QByteArray("dppctl code: " + field.toUtf8() + ": ")),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(out));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no content") << QStringList{"--format", "svg"};
        QTest::newRow("two contents") << QStringList{
            "--uri", "https://id.gs1.org/01/09506000134352", "--gtin", "09506000134352"};
        QTest::newRow("unknown option")
            << QStringList{"--gtin", "09506000134352", "--colour", "red"};
        QTest::newRow("missing value") << QStringList{"--gtin"};
        QTest::newRow("lot without gtin")
            << QStringList{"--uri", "https://id.gs1.org/01/09506000134352", "--lot", "A"};
    }
    void usage()
    {
        QFETCH(QStringList, args);
        const auto r = runTool(QStringLiteral("dppctl"), QStringList{"code"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("usage: dppctl code"));
    }
};

QTEST_MAIN(TestDppctlCode)
#include "tst_dppctl_code.moc"
