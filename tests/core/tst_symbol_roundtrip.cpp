// Round trip: every symbology × content kind × output decodes back with
// zxing-cpp to exactly the input, GS1 content with the GS1 symbology identifier.
#include "symboldecode.h"

#include <QTest>
#include <symbol/datamatrixencoder.h>
#include <symbol/pdfwriter.h>
#include <symbol/qrencoder.h>
#include <symbol/rasterwriter.h>
#include <symbol/svgwriter.h>
#include <symbol/symbolzplwriter.h>

using namespace dpp::symbol;

namespace {

const QString kUri = QStringLiteral("https://id.gs1.org/01/09506000134352/10/LOT2026A/21/SN000001");
// (01)09506000134352(10)LOT2026A(21)SN000001 in encoder form: the lot is variable
// length and not last, so a GS separates it from (21).
const QByteArray kGs1Data = QByteArrayLiteral("0109506000134352"
                                              "10LOT2026A\x1d"
                                              "21SN000001");
const QString kGs1Hri = QStringLiteral("(01)09506000134352(10)LOT2026A(21)SN000001");
const QList<dpp::gs1::AiValue> kGs1Values = {
    {"01", "09506000134352"}, {"10", "LOT2026A"}, {"21", "SN000001"}};
// Odd characters of CSET 82 in variable-length AIs, an expiry and a count.
const QByteArray kGs1Odd = QByteArrayLiteral("0109506000134352"
                                             "17271231"
                                             "10a%b_c/d-e\x1d"
                                             "21x.y:z\x1d"
                                             "3799");
const QList<dpp::gs1::AiValue> kGs1OddValues = {
    {"01", "09506000134352"}, {"17", "271231"}, {"10", "a%b_c/d-e"}, {"21", "x.y:z"}, {"37", "99"}};

SymbolContent gs1Content(const QByteArray& data)
{
    return SymbolContent::gs1(data == kGs1Odd ? kGs1OddValues : kGs1Values, data, kGs1Hri);
}

SymbolMatrix encode(Symbology symbology, const SymbolContent& content)
{
    auto m = symbology == Symbology::Qr ? QrEncoder().encode(content)
                                        : DataMatrixEncoder().encode(content);
    if (!m.ok())
        qFatal("encode failed: %s", qPrintable(m.error().message));
    return m.value();
}

QImage output(const QString& kind, const SymbolMatrix& matrix, const SymbolContent& content)
{
    RenderOptions options;
    if (kind == u"svg")
        return dpp::test::renderSvg(SvgWriter::write(matrix, options, content.humanReadable));
    if (kind == u"png") {
        auto png = RasterWriter::png(matrix, options, content.humanReadable);
        return png.ok() ? QImage::fromData(png.value(), "PNG") : QImage();
    }
    if (kind == u"pdf") {
        auto pdf = PdfWriter::write(matrix, options, content.humanReadable);
        return pdf.ok() ? dpp::test::rasterisePdf(pdf.value(), 300) : QImage();
    }
    if (kind == u"zpl") {
        ZplOptions zpl;
        zpl.mode = ZplMode::Graphic;
        options.dpi = 203;
        auto job = SymbolZplWriter::write(matrix, content, options, zpl);
        return job.ok() ? dpp::test::zplGraphic(job->zpl) : QImage();
    }
    return {};
}

} // namespace

class TestSymbolRoundTrip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("symbology");
        QTest::addColumn<bool>("gs1");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("output");
        const QList<std::pair<const char*, Symbology>> symbologies = {
            {"qr", Symbology::Qr}, {"datamatrix", Symbology::DataMatrix}};
        for (const auto& [name, symbology] : symbologies) {
            for (const char* out : {"svg", "png", "pdf", "zpl"}) {
                const QString o = QString::fromLatin1(out);
                QTest::addRow("%s uri %s", name, out)
                    << int(symbology) << false << kUri.toUtf8() << o;
                QTest::addRow("%s gs1 %s", name, out) << int(symbology) << true << kGs1Data << o;
                QTest::addRow("%s gs1-odd %s", name, out) << int(symbology) << true << kGs1Odd << o;
            }
        }
    }
    void roundTrip()
    {
        QFETCH(int, symbology);
        QFETCH(bool, gs1);
        QFETCH(QByteArray, data);
        QFETCH(QString, output);
        const Symbology s = Symbology(symbology);
        const SymbolContent content =
            gs1 ? gs1Content(data) : SymbolContent::text(QString::fromUtf8(data));
        const SymbolMatrix matrix = encode(s, content);
        const QImage image = ::output(output, matrix, content);
        QVERIFY2(!image.isNull(), "output did not render");
        const dpp::test::Decoded d = dpp::test::decodeImage(image);
        QVERIFY2(d.ok, qPrintable(d.error + u'\n' + matrix.toText()));
        QCOMPARE(d.text, data);
        QCOMPARE(d.gs1, gs1);
        if (s == Symbology::Qr) {
            QCOMPARE(d.format, QStringLiteral("QRCode"));
            QCOMPARE(d.symbologyId, gs1 ? QStringLiteral("]Q3") : QStringLiteral("]Q1"));
            QCOMPARE(d.ecLevel, QStringLiteral("M"));
        } else {
            QCOMPARE(d.format, QStringLiteral("DataMatrix"));
            QCOMPARE(d.symbologyId, gs1 ? QStringLiteral("]d2") : QStringLiteral("]d1"));
        }
    }

    // With the human-readable line switched on the symbol must still decode.
    void withHumanReadable_data()
    {
        QTest::addColumn<int>("symbology");
        QTest::addColumn<QString>("output");
        for (Symbology s : {Symbology::Qr, Symbology::DataMatrix})
            for (const char* out : {"svg", "png", "pdf"})
                QTest::addRow("%s %s", qPrintable(symbologyName(s)), out)
                    << int(s) << QString::fromLatin1(out);
    }
    void withHumanReadable()
    {
        QFETCH(int, symbology);
        QFETCH(QString, output);
        const SymbolContent content = gs1Content(kGs1Data);
        const SymbolMatrix matrix = encode(Symbology(symbology), content);
        RenderOptions options;
        options.humanReadable = true;
        QImage image;
        if (output == u"svg") {
            const QByteArray svg = SvgWriter::write(matrix, options, content.humanReadable);
            QVERIFY(svg.contains(">(01)09506000134352(10)LOT2026A(21)SN000001</text>"));
            image = dpp::test::renderSvg(svg);
        } else if (output == u"png") {
            auto png = RasterWriter::render(matrix, options, content.humanReadable);
            QVERIFY(png.ok());
            QVERIFY(png->image.height() > png->image.width()); // the text band adds height
            image = png->image;
        } else {
            auto pdf = PdfWriter::write(matrix, options, content.humanReadable);
            QVERIFY(pdf.ok());
            QVERIFY(pdf->contains("(\\(01\\)09506000134352\\(10\\)LOT2026A\\(21\\)SN000001) Tj"));
            image = dpp::test::rasterisePdf(pdf.value());
        }
        const dpp::test::Decoded d = dpp::test::decodeImage(image);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.text, kGs1Data);
    }

    // Colours and a transparent background still give a readable symbol.
    void coloursAndTransparency()
    {
        const SymbolContent content = SymbolContent::text(kUri);
        const SymbolMatrix matrix = encode(Symbology::Qr, content);
        RenderOptions options;
        options.foreground = QColor(0x1a, 0x23, 0x7e);
        options.background = Qt::transparent;
        const QByteArray svg = SvgWriter::write(matrix, options);
        QVERIFY(svg.contains("fill=\"#1a237e\""));
        QVERIFY(!svg.contains("<rect"));
        QCOMPARE(dpp::test::decodeImage(dpp::test::renderSvg(svg)).text, kUri.toUtf8());
        auto png = RasterWriter::render(matrix, options);
        QVERIFY(png.ok());
        QCOMPARE(qAlpha(png->image.pixel(0, 0)), 0);
        // The top-left finder pattern's corner module, just inside the 4-module quiet zone.
        const int corner = 4 * png->dotsPerModule;
        QCOMPARE(png->image.pixel(corner, corner), options.foreground.rgba());
        QCOMPARE(dpp::test::decodeImage(png->image).text, kUri.toUtf8());
    }
};

QTEST_MAIN(TestSymbolRoundTrip)
#include "tst_symbol_roundtrip.moc"
