// ZPL output checked by an independent renderer: npm zpl-renderer-js (a WASM
// build of zebrash, offline, installed by tests/node/install.sh) renders our
// ^XA…^XZ labels to PNG at the printer's dots per mm, and zxing-cpp must read
// every QR and DataMatrix back to its intended content: once with native
// ^BQ/^BX commands (the printer encodes) and once with our own matrices as
// ^GFA graphics.
#include "labeltestsupport.h"

#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <label/mergesource.h>
#include <label/zplwriter.h>

using namespace dpp;
using namespace dpp::label;

class TestZplRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nativeAndGraphicSymbolsDecode_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("battery 100x150 (GS1 DataMatrix + QR)")
            << QStringLiteral("battery-label.dpplabel");
    }

    void nativeAndGraphicSymbolsDecode()
    {
        QFETCH(QString, file);
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString tools = test::sourceDir() + QStringLiteral("/tests/node");
        if (node.isEmpty() ||
            !QFile::exists(tools + QStringLiteral("/node_modules/zpl-renderer-js/package.json")))
            QSKIP("node or tests/node/node_modules/zpl-renderer-js missing (run "
                  "tests/node/install.sh)");
        const LabelDocument doc = test::loadExample(file);
        auto source = MergeSource::open(doc.merge);
        QVERIFY(source.ok());
        MergeRecord record;
        QVERIFY(source.value()->next(record).value());

        // Label 1: native ^BQ/^BX; label 2: the same record with ^GFA symbols.
        ZplSettings graphic;
        graphic.nativeSymbols = false;
        auto native = ZplWriter(doc).label(record);
        auto raster = ZplWriter(doc, graphic).label(record);
        QVERIFY(native.ok() && raster.ok());
        QVERIFY(native->contains("^BQ") && native->contains("^BX"));
        QVERIFY(!raster->contains("^BQ") && !raster->contains("^BX"));
        QTemporaryDir dir;
        QFile zpl(dir.filePath(QStringLiteral("labels.zpl")));
        QVERIFY(zpl.open(QIODevice::WriteOnly));
        zpl.write(native.value() + raster.value());
        zpl.close();

        const int dpi = doc.calibration.dpi;
        const double dpmm = dpi / 25.4;
        QProcess p;
        p.setWorkingDirectory(tools);
        p.start(node, {tools + QStringLiteral("/zpl-render.mjs"), zpl.fileName(),
                       dir.filePath(QStringLiteral("label")), QString::number(doc.labelWidthMm()),
                       QString::number(doc.labelHeightMm()), QString::number(std::lround(dpmm))});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("2"));

        const auto symbols = LabelRenderer(doc, RenderSettings{dpi, true}).symbols(record);
        QVERIFY(symbols.ok());
        QCOMPARE(symbols->size(), 2);
        for (int n = 1; n <= 2; ++n) {
            const QImage page(dir.filePath(QStringLiteral("label-%1.png").arg(n)));
            QVERIFY(!page.isNull());
            // zebrash draws at whole dots per mm (8 for 203 dpi).
            const double renderDpi = std::lround(dpmm) * 25.4;
            QCOMPARE(page.width(), int(std::lround(doc.labelWidthMm() * std::lround(dpmm))));
            for (const PlacedSymbol& s : symbols.value()) {
                const auto d = test::decodeImage(test::cropMm(page, s.rectMm, renderDpi, 2.0));
                QVERIFY2(d.ok, qPrintable(QStringLiteral("label %1 element %2: %3")
                                              .arg(n)
                                              .arg(s.element)
                                              .arg(d.error)));
                QCOMPARE(d.text, s.expected);
                if (s.expected.contains('\x1d') || d.format == QLatin1String("DataMatrix"))
                    QVERIFY2(d.gs1, qPrintable(d.symbologyId)); // FNC1 survived: ]d2
            }
        }
    }
};

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    TestZplRender suite;
    return QTest::qExec(&suite, argc, argv);
}

#include "tst_zplrender.moc"
