// Encoders and outputs: QR levels and versions, DataMatrix shapes and sizes,
// quiet zones, outline tracing (pixel-exact), module snapping, exact PDF page
// size, ZPL commands, and the errors users see (with the field named).
#include "symboldecode.h"

#include <QPainter>
#include <QTest>
#include <symbol/datamatrixencoder.h>
#include <symbol/pdfwriter.h>
#include <symbol/qrencoder.h>
#include <symbol/rasterwriter.h>
#include <symbol/svgwriter.h>
#include <symbol/symbolpath.h>
#include <symbol/symbolrenderer.h>
#include <symbol/symbolzplwriter.h>

using namespace dpp::symbol;

namespace {

const QString kUri = QStringLiteral("https://id.gs1.org/01/09506000134352/10/LOT2026A/21/SN000001");

SymbolContent gs1Content()
{
    return SymbolContent::gs1({{"01", "09506000134352"}, {"10", "AB_C"}, {"21", "12345"}},
                              QByteArrayLiteral("0109506000134352"
                                                "10AB_C\x1d"
                                                "2112345"),
                              QStringLiteral("(01)09506000134352(10)AB_C(21)12345"));
}

// Fills the traced path at 1 pixel per module, no antialiasing.
QImage fillPath(const SymbolMatrix& m)
{
    QImage image(m.width(), m.height(), QImage::Format_Grayscale8);
    image.fill(255);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillPath(SymbolPath::painterPath(m, 1.0), Qt::black);
    return image;
}

void compareWithMatrix(const SymbolMatrix& m)
{
    const QImage image = fillPath(m);
    for (int y = 0; y < m.height(); ++y)
        for (int x = 0; x < m.width(); ++x)
            QVERIFY2((qGray(image.pixel(x, y)) < 128) == m.isDark(x, y),
                     qPrintable(QStringLiteral("module %1,%2\n%3").arg(x).arg(y).arg(m.toText())));
}

} // namespace

class TestSymbolEncoders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void qrErrorCorrectionLevels()
    {
        int previousWidth = 0;
        for (QrEcLevel level : {QrEcLevel::L, QrEcLevel::M, QrEcLevel::Q, QrEcLevel::H}) {
            const auto m = QrEncoder(QrOptions{level, 0}).encodeText(kUri.toUtf8());
            QVERIFY(m.ok());
            QVERIFY(m->width() >= previousWidth); // more correction never makes it smaller
            previousWidth = m->width();
            RenderOptions o;
            o.pixelsPerModule = 4;
            const auto d = dpp::test::decodeImage(RasterWriter::render(m.value(), o)->image);
            QCOMPARE(d.ecLevel, QString(qrEcLevelLetter(level)));
            QCOMPARE(d.text, kUri.toUtf8());
        }
        QCOMPARE(qrEcLevelFromName(u"q"), std::optional(QrEcLevel::Q));
        QCOMPARE(qrEcLevelFromName(u"X"), std::nullopt);
    }

    void qrVersions()
    {
        const auto fixed = QrEncoder(QrOptions{QrEcLevel::M, 10}).encodeText(kUri.toUtf8());
        QVERIFY(fixed.ok());
        QCOMPARE(fixed->version(), 10);
        QCOMPARE(fixed->width(), 17 + 4 * 10);
        const auto gs1 = QrEncoder(QrOptions{QrEcLevel::M, 7}).encode(gs1Content());
        QVERIFY(gs1.ok());
        QCOMPARE(gs1->width(), 17 + 4 * 7);
        const auto tooSmall = QrEncoder(QrOptions{QrEcLevel::H, 1}).encodeText(kUri.toUtf8());
        QVERIFY(!tooSmall.ok());
        QCOMPARE(tooSmall.error().param, QStringLiteral("version"));
        QVERIFY(!QrEncoder::validate(QrOptions{QrEcLevel::M, 41}).ok());
        QCOMPARE(QrEncoder::validate(QrOptions{QrEcLevel::M, -1}).error().param,
                 QStringLiteral("version"));
        const auto tooLong = QrEncoder().encodeText(QByteArray(3000, 'a'));
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().param, QStringLiteral("data"));
        QVERIFY(!QrEncoder().encodeText(QByteArray()).ok());
    }

    void dataMatrixShapesAndSizes()
    {
        const auto square = DataMatrixEncoder().encode(gs1Content());
        QVERIFY(square.ok());
        QCOMPARE(square->width(), square->height());
        // The finder pattern: solid left column and bottom row, dotted top row.
        for (int i = 0; i < square->height(); ++i)
            QVERIFY(square->isDark(0, i));
        for (int i = 0; i < square->width(); ++i) {
            QVERIFY(square->isDark(i, square->height() - 1));
            QCOMPARE(square->isDark(i, 0), i % 2 == 0);
        }
        DataMatrixOptions rect;
        rect.shape = DataMatrixShape::Rectangle;
        const auto r = DataMatrixEncoder(rect).encode(gs1Content());
        QVERIFY(r.ok());
        QVERIFY(r->width() > r->height());
        RenderOptions o;
        o.pixelsPerModule = 5;
        auto d = dpp::test::decodeImage(RasterWriter::render(r.value(), o)->image);
        QCOMPARE(d.symbologyId, QStringLiteral("]d2"));
        QCOMPARE(d.text, gs1Content().data);

        DataMatrixOptions fixed;
        fixed.size = QSize(32, 32);
        const auto f = DataMatrixEncoder(fixed).encode(gs1Content());
        QVERIFY(f.ok());
        QCOMPARE(f->width(), 32);
        d = dpp::test::decodeImage(RasterWriter::render(f.value(), o)->image);
        QCOMPARE(d.text, gs1Content().data);

        fixed.size = QSize(17, 17);
        QCOMPARE(DataMatrixEncoder::validate(fixed).error().param, QStringLiteral("size"));
        fixed.size = QSize(32, 8); // a rectangle size while asking for a square
        QCOMPARE(DataMatrixEncoder::validate(fixed).error().param, QStringLiteral("size"));
        fixed.shape = DataMatrixShape::Rectangle;
        QVERIFY(DataMatrixEncoder::validate(fixed).ok());
        fixed.shape = DataMatrixShape::Square;
        fixed.size = QSize(10, 10);
        const auto small = DataMatrixEncoder(fixed).encode(gs1Content());
        QVERIFY(!small.ok());
        QCOMPARE(small.error().param, QStringLiteral("size"));
        QCOMPARE(DataMatrixEncoder::supportedSizes().size(), 30);
    }

    void quietZoneNeverBelowMinimum()
    {
        SymbolMatrix qr(Symbology::Qr, 21, 21);
        QCOMPARE(qr.quietZone(), 4);
        qr.setQuietZone(1);
        QCOMPARE(qr.quietZone(), 4);
        qr.setQuietZone(6);
        QCOMPARE(qr.quietZone(), 6);
        SymbolMatrix dm(Symbology::DataMatrix, 10, 10);
        QCOMPARE(dm.quietZone(), 1);
        dm.setQuietZone(0);
        QCOMPARE(dm.quietZone(), 1);

        const auto m = QrEncoder().encodeText(kUri.toUtf8());
        RenderOptions o;
        o.quietZone = 0; // asked for less than the minimum: still 4
        o.pixelsPerModule = 3;
        QCOMPARE(RasterWriter::render(m.value(), o)->image.width(), (m->width() + 8) * 3);
        o.quietZone = 10;
        QCOMPARE(RasterWriter::render(m.value(), o)->image.width(), (m->width() + 20) * 3);
        const QByteArray svg = SvgWriter::write(m.value(), o);
        QVERIFY(
            svg.contains(QByteArray("viewBox=\"0 0 " + QByteArray::number(m->width() + 20) + ' ')));
    }

    // The traced outline fills exactly the dark modules, also for checkerboards
    // (modules touching at corners only) and rings (holes).
    void outlinesArePixelExact()
    {
        compareWithMatrix(QrEncoder().encodeText(kUri.toUtf8()).value());
        compareWithMatrix(DataMatrixEncoder().encode(gs1Content()).value());
        SymbolMatrix checker(Symbology::DataMatrix, 9, 7);
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 9; ++x)
                checker.setDark(x, y, (x + y) % 2 == 0);
        compareWithMatrix(checker);
        SymbolMatrix ring(Symbology::Qr, 7, 7);
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 7; ++x)
                ring.setDark(x, y, x == 0 || y == 0 || x == 6 || y == 6 || (x == 3 && y == 3));
        compareWithMatrix(ring);
        const QList<QPolygon> loops = SymbolPath::outlines(ring);
        QCOMPARE(loops.size(), 3); // outer edge, hole, centre module
        for (const QPolygon& loop : loops)
            QCOMPARE(loop.size(), 4); // corners only: merged runs, no per-module edges
    }

    // The painter path route (labels, GUI preview, print) draws a readable
    // symbol at a non-integer scale with antialiasing on.
    void paintWithQPainter()
    {
        const SymbolMatrix m = DataMatrixEncoder().encode(gs1Content()).value();
        QImage image(200, 200, QImage::Format_RGB32);
        image.fill(Qt::gray);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, true);
        SymbolPath::paint(&p, m, 7.3, QPointF(10.5, 12.25));
        p.end();
        const auto d = dpp::test::decodeImage(image);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.text, gs1Content().data);
        // The quiet zone is painted in the background colour.
        QCOMPARE(image.pixel(12, 14), QColor(Qt::white).rgb());
    }

    void zplHumanReadableText()
    {
        const SymbolContent gs1 = gs1Content();
        RenderOptions o;
        o.dpi = 203;
        o.humanReadable = true;
        const auto job = SymbolZplWriter::write(DataMatrixEncoder().encode(gs1).value(), gs1, o);
        QVERIFY(job.ok());
        QVERIFY2(job->zpl.contains("^FD(01)09506000134352(10)AB_C(21)12345^FS"),
                 job->zpl.constData());
        QVERIFY(job->zpl.contains("^A0N,"));
        ZplOptions fieldsOnly;
        fieldsOnly.wholeLabel = false;
        fieldsOnly.originDots = QPoint(100, 50);
        const auto fields = SymbolZplWriter::write(DataMatrixEncoder().encode(gs1).value(), gs1,
                                                   RenderOptions{}, fieldsOnly);
        QVERIFY(!fields->zpl.contains("^XA"));
        QVERIFY2(fields->zpl.startsWith("^FO106,56^BXN,6,"),
                 fields->zpl.constData()); // 0.5 mm at 300 dpi
    }

    void svgIsCompact()
    {
        const SymbolMatrix m = QrEncoder().encodeText(kUri.toUtf8()).value();
        const QByteArray svg = SvgWriter::write(m);
        QCOMPARE(svg.count("<path"), 1);
        QCOMPARE(svg.count("<rect"), 1);           // the background only
        QVERIFY(svg.contains("width=\"20.5mm\"")); // (33 + 8) modules × 0.5 mm
        int dark = 0;
        for (int y = 0; y < m.height(); ++y)
            for (int x = 0; x < m.width(); ++x)
                dark += m.isDark(x, y);
        // One <rect> per module would take ~40 bytes each; path data is a fraction.
        QVERIFY2(svg.size() < dark * 8,
                 qPrintable(QStringLiteral("%1 bytes, %2 dark").arg(svg.size()).arg(dark)));
    }

    void moduleSnapping_data()
    {
        QTest::addColumn<double>("moduleMm");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<int>("dots");
        QTest::newRow("0.5 mm at 203 dpi") << 0.5 << 203 << 4;
        QTest::newRow("0.5 mm at 300 dpi") << 0.5 << 300 << 6;
        QTest::newRow("0.33 mm at 203 dpi") << 0.33 << 203 << 3;
        QTest::newRow("0.25 mm at 600 dpi") << 0.25 << 600 << 6;
        QTest::newRow("tiny at 203 dpi") << 0.05 << 203 << 1;
    }
    void moduleSnapping()
    {
        QFETCH(double, moduleMm);
        QFETCH(int, dpi);
        QFETCH(int, dots);
        const SymbolMatrix m = DataMatrixEncoder().encode(gs1Content()).value();
        RenderOptions o;
        o.moduleMm = moduleMm;
        o.dpi = dpi;
        const auto r = RasterWriter::render(m, o);
        QVERIFY(r.ok());
        QCOMPARE(r->dotsPerModule, dots);
        QCOMPARE(r->moduleMm, dots * 25.4 / dpi);
        QCOMPARE(r->image.width(), (m.width() + 2) * dots);
        QCOMPARE(r->image.dotsPerMeterX(), int(std::lround(dpi / 0.0254)));
        // Every module is exactly `dots` pixels: check the dotted top row.
        const int y = dots; // first row inside the 1-module quiet zone
        for (int x = 0; x < m.width() * dots; ++x)
            QCOMPARE(r->image.pixelIndex(dots + x, y), (x / dots) % 2 == 0 ? 1 : 0);
    }

    void pdfPageIsExactSize()
    {
        const SymbolMatrix m = QrEncoder().encodeText(kUri.toUtf8()).value();
        RenderOptions o;
        o.moduleMm = 0.33;
        const auto pdf = PdfWriter::write(m, o);
        QVERIFY(pdf.ok());
        QSizeF points;
        const QImage image = dpp::test::rasterisePdf(pdf.value(), 600, &points);
        const double expected = (m.width() + 8) * 0.33 * 72 / 25.4;
        QVERIFY2(std::abs(points.width() - expected) < 0.001,
                 qPrintable(QString::number(points.width())));
        QVERIFY(std::abs(points.height() - expected) < 0.001);
        QCOMPARE(dpp::test::decodeImage(image).text, kUri.toUtf8());
        QCOMPARE(pdf->count(" re f"), 1); // background; modules are one filled path
    }

    void zplNative()
    {
        const SymbolContent uri = SymbolContent::text(kUri);
        RenderOptions o;
        o.dpi = 203;
        auto job = SymbolZplWriter::write(QrEncoder().encode(uri).value(), uri, o);
        QVERIFY(job.ok());
        QCOMPARE(job->mode, ZplMode::Native);
        QCOMPARE(job->dotsPerModule, 4);
        QVERIFY2(job->zpl.contains(QByteArray("^FO16,16^BQN,2,4\n^FDMA," + kUri.toUtf8() + "^FS")),
                 job->zpl.constData());
        QVERIFY(job->zpl.startsWith("^XA") && job->zpl.endsWith("^XZ\n"));

        // GS1 QR: ^BQ cannot carry FNC1 separators, so it becomes a graphic.
        const SymbolContent gs1 = gs1Content();
        job = SymbolZplWriter::write(QrEncoder().encode(gs1).value(), gs1, o);
        QCOMPARE(job->mode, ZplMode::Graphic);
        QVERIFY(!job->note.isEmpty());
        QCOMPARE(dpp::test::decodeImage(dpp::test::zplGraphic(job->zpl)).symbologyId,
                 QStringLiteral("]Q3"));

        // GS1 DataMatrix: FNC1 first and as separator; the data holds '_', so
        // another escape character is declared.
        const SymbolMatrix dm = DataMatrixEncoder().encode(gs1).value();
        job = SymbolZplWriter::write(dm, gs1, o);
        QCOMPARE(job->mode, ZplMode::Native);
        QVERIFY2(job->zpl.contains(",6,`,1\n^FD`1010950600013435210AB_C`12112345^FS"),
                 job->zpl.constData());
        QVERIFY(job->zpl.contains(QByteArray("^BXN,4,200," + QByteArray::number(dm.width()) + ',' +
                                             QByteArray::number(dm.height()))));

        // ZPL command characters in data go as ^FH hex escapes.
        const SymbolContent caret = SymbolContent::text(QStringLiteral("a^b~c"));
        job = SymbolZplWriter::write(DataMatrixEncoder().encode(caret).value(), caret, o);
        QVERIFY2(job->zpl.contains("^FH\\^FDa\\5Eb\\7Ec^FS"), job->zpl.constData());
    }

    void renderOptionErrorsNameTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("module_mm") << "module_mm";
        QTest::newRow("dpi") << "dpi";
        QTest::newRow("quiet_zone") << "quiet_zone";
        QTest::newRow("foreground") << "foreground";
        QTest::newRow("scale") << "scale";
    }
    void renderOptionErrorsNameTheField()
    {
        QFETCH(QString, field);
        RenderOptions o;
        if (field == u"module_mm")
            o.moduleMm = 0;
        else if (field == u"dpi")
            o.dpi = 10;
        else if (field == u"quiet_zone")
            o.quietZone = 1000;
        else if (field == u"foreground")
            o.foreground = QColor();
        else
            o.pixelsPerModule = -2;
        const auto status = validateRenderOptions(o);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().param, field);
        const SymbolMatrix m = QrEncoder().encodeText("x").value();
        QCOMPARE(RasterWriter::render(m, o).error().param, field);
        QCOMPARE(PdfWriter::write(m, o).error().param, field);
    }

    // Content through the GS1 engine: element strings and product keys.
    void contentFromGs1Engine()
    {
        const auto es =
            SymbolContent::fromElementString(u"(01)09506000134352(17)271231(10)ABC(21)1");
        QVERIFY2(es.ok(), qPrintable(es.ok() ? QString() : es.error().message));
        QVERIFY(es->isGs1());
        QCOMPARE(es->humanReadable, QStringLiteral("(01)09506000134352(17)271231(10)ABC(21)1"));
        for (Symbology s : {Symbology::Qr, Symbology::DataMatrix}) {
            SymbolRequest request;
            request.symbology = s;
            request.content = es.value();
            request.format = OutputFormat::Png;
            const auto out = SymbolRenderer::render(request);
            QVERIFY(out.ok());
            const auto d = dpp::test::decodeImage(QImage::fromData(out->bytes, "PNG"));
            QCOMPARE(d.text, QByteArray("0109506000134352"
                                        "17271231"
                                        "10ABC\x1d"
                                        "211"));
            QVERIFY(d.gs1);
        }
        QVERIFY(!SymbolContent::fromElementString(u"(01)09506000134357").ok());

        const auto keys =
            SymbolContent::fromProductKeys(QStringLiteral("9506000134352"), QStringLiteral("L1"),
                                           QStringLiteral("S1"), QString(), QString());
        QVERIFY(keys.ok());
        QCOMPARE(keys->humanReadable,
                 QStringLiteral("https://id.gs1.org/01/09506000134352/10/L1/21/S1"));
        const auto badLot =
            SymbolContent::fromProductKeys(QStringLiteral("9506000134352"), QStringLiteral("L#1"),
                                           QString(), QString(), QString());
        QCOMPARE(badLot.error().param, QStringLiteral("lot"));
        const auto badBase =
            SymbolContent::fromProductKeys(QStringLiteral("9506000134352"), QString(), QString(),
                                           QString(), QStringLiteral("id.example"));
        QCOMPARE(badBase.error().param, QStringLiteral("base"));
        QCOMPARE(SymbolContent::fromDigitalLink(u"https://example.com/p/1").error().param.isEmpty(),
                 false);
    }
};

QTEST_MAIN(TestSymbolEncoders)
#include "tst_symbol_encoders.moc"
