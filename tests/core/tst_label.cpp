// Label engine: documents, stock, merge, PDF/PNG/SVG/ZPL output, golden
// images and verified print. Every symbol is decoded back with zxing-cpp.
#include "labeltestsupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <label/distance.h>
#include <label/labelexporter.h>
#include <label/mergesource.h>
#include <label/mergetemplate.h>
#include <label/pdfpagebox.h>
#include <label/printjob.h>
#include <label/symbolverifier.h>
#include <label/zplwriter.h>
#include <poppler-qt6.h>

using namespace dpp;
using namespace dpp::label;

namespace {
StockLibrary builtinStock()
{
    return StockLibrary::loadFiles(
               {QStringLiteral(":/stock/sheets.json"), QStringLiteral(":/stock/rolls.json")})
        .value();
}

QList<MergeRecord> records(const LabelDocument& doc)
{
    auto source = MergeSource::open(doc.merge);
    QList<MergeRecord> out;
    MergeRecord r;
    while (source.value()->next(r).value())
        out.append(r);
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Fraction of pixels whose grey differs by more than 96 inside / outside the symbol areas.
double differingFraction(const QImage& a, const QImage& b, const QList<QRect>& exclude, bool inside)
{
    const QImage ga = a.convertToFormat(QImage::Format_Grayscale8);
    const QImage gb = b.convertToFormat(QImage::Format_Grayscale8);
    qint64 differ = 0, total = 0;
    for (int y = 0; y < ga.height(); ++y) {
        const uchar* la = ga.constScanLine(y);
        const uchar* lb = gb.constScanLine(y);
        for (int x = 0; x < ga.width(); ++x) {
            bool in = false;
            for (const QRect& r : exclude)
                in = in || r.contains(x, y);
            if (in != inside)
                continue;
            ++total;
            differ += std::abs(int(la[x]) - int(lb[x])) > 96 ? 1 : 0;
        }
    }
    return total ? double(differ) / total : 0;
}
} // namespace

class TestLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void distanceUnits()
    {
        QCOMPARE(Distance::parse(QStringLiteral("2in"), QStringLiteral("x"))->toMm(), 50.8);
        QVERIFY(qFuzzyCompare(
            Distance::parse(QStringLiteral("72pt"), QStringLiteral("x"))->toInches(), 1.0));
        QCOMPARE(Distance::parse(QStringLiteral("12.5"), QStringLiteral("x"))->toMm(), 12.5);
        const auto bad = Distance::parse(QStringLiteral("12 furlongs"), QStringLiteral("$.x"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().param, QStringLiteral("$.x"));
    }

    void stockLibrary()
    {
        const StockLibrary lib = builtinStock();
        int sheets = 0;
        for (const LabelStock& s : lib.all())
            sheets += s.isSheet() ? 1 : 0;
        QVERIFY2(sheets >= 20, qPrintable(QString::number(sheets)));
        for (const char* id :
             {"roll-100x150", "roll-102x76", "roll-57x32", "roll-50x25", "roll-38x25"})
            QVERIFY2(lib.find(QString::fromLatin1(id)), id);
        const LabelStock* l7159 = lib.find(QStringLiteral("avery-l7159"));
        QCOMPARE(l7159->labelsPerPage(), 24);
        QCOMPARE(l7159->labelRectMm(23).topLeft(), QPointF(7.2 + 2 * 66.0, 12.9 + 7 * 33.9));

        // User stock: adds a size and overrides a built-in one.
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("mine.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"version":1,"stock":[{"id":"roll-57x32","kind":"die-cut","width":57,"height":30},
                   {"id":"my-roll","kind":"continuous","width":80,"height":120}]})");
        f.close();
        qputenv("DPP_STOCK_DIR", dir.path().toUtf8());
        const auto withUser = StockLibrary::load();
        qunsetenv("DPP_STOCK_DIR");
        QVERIFY(withUser.ok());
        QCOMPARE(withUser->find(QStringLiteral("roll-57x32"))->labelHeight.toMm(), 30.0);
        QVERIFY(withUser->find(QStringLiteral("my-roll")));

        // A grid that runs off the page names the field.
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(
            R"({"version":1,"stock":[{"id":"x","kind":"sheet","width":70,"height":36,"page_width":210,
                   "page_height":297,"columns":4,"rows":8,"left":0,"top":0}]})");
        bad.close();
        const auto broken = StockLibrary::loadFiles({bad.fileName()});
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().param.endsWith(QStringLiteral("$.stock[0].columns")),
                 qPrintable(broken.error().param));
    }

    void documentErrorsNameTheJsonPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("param");
        QTest::newRow("not json") << QByteArray("{") << "$";
        QTest::newRow("newer") << QByteArray(R"({"version":9,"stock":"roll-50x25"})")
                               << "$.version";
        QTest::newRow("no stock") << QByteArray(R"({"version":1})") << "$.stock";
        QTest::newRow("unknown stock")
            << QByteArray(R"({"version":1,"stock":"nope"})") << "$.stock";
        QTest::newRow("bad x") << QByteArray(R"({"version":1,"stock":"roll-50x25","elements":[
            {"type":"rect","x":1,"y":1,"width":2,"height":2},{"type":"text","x":"ten","y":1,"width":2,"height":2,"text":"a"}]})")
                               << "$.elements[1].x";
        QTest::newRow("bad type")
            << QByteArray(
                   R"({"version":1,"stock":"roll-50x25","elements":[{"type":"star","x":1,"y":1}]})")
            << "$.elements[0].type";
        QTest::newRow("bad merge")
            << QByteArray(R"({"version":1,"stock":"roll-50x25","merge":{"kind":"serials"}})")
            << "$.merge.serials";
        QTest::newRow("bad dpi")
            << QByteArray(R"({"version":1,"stock":"roll-50x25","calibration":{"dpi":5}})")
            << "$.calibration.dpi";
    }
    void documentErrorsNameTheJsonPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, param);
        const auto doc = LabelDocument::fromJson(json, builtinStock());
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().param, param);
    }

    void documentRoundTrip()
    {
        const LabelDocument doc = test::loadExample(QStringLiteral("battery-label.dpplabel"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("copy.dpplabel"));
        QVERIFY(doc.save(path).ok());
        const auto again = LabelDocument::load(path, builtinStock());
        QVERIFY2(again.ok(),
                 qPrintable(again.ok() ? QString() : again.error().param + again.error().message));
        QCOMPARE(again->toJson(), doc.toJson());
        QCOMPARE(again->elements.size(), 9);
        QCOMPARE(again->calibration.dpi, 203);
    }

    void mergeFields()
    {
        MergeRecord r;
        QVERIFY(r.setProductKeys(QStringLiteral("9506000134352"), QStringLiteral("L1"),
                                 QStringLiteral("S7"), QStringLiteral("2027-03-31"))
                    .ok());
        QCOMPARE(r.value(QStringLiteral("gtin")), QStringLiteral("09506000134352"));
        const QString link = r.value(QStringLiteral("digital_link"));
        QVERIFY2(
            link.startsWith(QStringLiteral("https://id.gs1.org/01/09506000134352/10/L1/21/S7")) &&
                link.contains(QStringLiteral("17=270331")),
            qPrintable(link));
        QCOMPARE(MergeTemplate::expand(
                     QStringLiteral("{{expiry|date:dd.MM.yyyy}} {{ lot }} {{gtin|gtin13}}"), r,
                     QStringLiteral("t"))
                     .value(),
                 QStringLiteral("31.03.2027 L1 9506000134352"));
        const auto missing =
            MergeTemplate::expand(QStringLiteral("{{csv.colour}}"), r, QStringLiteral("$.e"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("unknown_merge_field"));
        QVERIFY(
            !MergeTemplate::expand(QStringLiteral("{{lot|wobble}}"), r, QStringLiteral("t")).ok());

        // Design time: unknown names and fields the source does not give are reported with the
        // element path.
        LabelDocument doc = test::loadExample(QStringLiteral("wine-back-label.dpplabel"));
        QVERIFY(doc.checkMergeFields().isEmpty());
        doc.elements[1].text = QStringLiteral("{{prodcut.name}}");
        const QList<Error> problems = doc.checkMergeFields();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().param, QStringLiteral("$.elements[1].text"));
        doc.elements[1].text = QStringLiteral("{{serial}}");
        QVERIFY(doc.checkMergeFields().isEmpty());
        QCOMPARE(doc.checkMergeFields(doc.merge.suppliedFields()).size(),
                 0); // serial is set, even if empty
        doc.elements[1].text = QStringLiteral("{{csv.colour}}");
        QCOMPARE(doc.checkMergeFields(doc.merge.suppliedFields()).size(), 1);
    }

    void mergeSources()
    {
        MergeSpec spec;
        spec.kind = MergeSpec::Kind::Serials;
        spec.gtin = QStringLiteral("09506000134352");
        spec.serials = QStringLiteral("SN000098-SN000102");
        spec.copies = 2;
        auto source = MergeSource::open(spec);
        QVERIFY(source.ok());
        QCOMPARE(source.value()->recordCount(), 5);
        MergeRecord r;
        QStringList serials;
        while (source.value()->next(r).value())
            serials << r.value(QStringLiteral("serial")) + QLatin1Char('/') +
                           r.value(QStringLiteral("copy"));
        QCOMPARE(serials.size(), 10);
        QCOMPARE(serials.first(), QStringLiteral("SN000098/1"));
        QCOMPARE(serials.at(5), QStringLiteral("SN000100/2"));
        QCOMPARE(serials.last(), QStringLiteral("SN000102/2"));
        QCOMPARE(r.value(QStringLiteral("counter")), QStringLiteral("10"));
        // Resume from label 7.
        QVERIFY(source.value()->seek(6).ok());
        QVERIFY(source.value()->next(r).value());
        QCOMPARE(r.value(QStringLiteral("serial")), QStringLiteral("SN000101"));
        QVERIFY(!source.value()->seek(11).ok());

        QVERIFY(!SerialRange::parse(QStringLiteral("SN10-XY20"), QStringLiteral("serials")).ok());
        QVERIFY(!SerialRange::parse(QStringLiteral("SN20-SN10"), QStringLiteral("serials")).ok());

        // CSV: columns become csv.<name>; a gtin column drives the Digital Link.
        QTemporaryDir dir;
        QFile csv(dir.filePath(QStringLiteral("m.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("gtin;serial;colour\n09506000134352;A1;red\n09506000134352;A2;blue\n");
        csv.close();
        MergeSpec c;
        c.kind = MergeSpec::Kind::Csv;
        c.csvFile = csv.fileName();
        auto cs = MergeSource::open(c);
        QVERIFY(cs.ok());
        QVERIFY(cs.value()->next(r).value());
        QVERIFY(cs.value()->next(r).value());
        QCOMPARE(r.value(QStringLiteral("csv.colour")), QStringLiteral("blue"));
        QVERIFY(r.value(QStringLiteral("digital_link")).endsWith(QStringLiteral("/21/A2")));
        QVERIFY(!cs.value()->next(r).value());

        // A bad GTIN names the record.
        MergeSpec badGtin = spec;
        badGtin.gtin = QStringLiteral("09506000134353");
        auto bad = MergeSource::open(badGtin);
        const auto got = bad.value()->next(r);
        QVERIFY(!got.ok());
        QVERIFY2(got.error().param.contains(QStringLiteral("gtin")), qPrintable(got.error().param));
    }

    void pdfPageBoxArithmetic()
    {
        // Qt-shaped input: the box and xref offsets move together.
        QByteArray pdf = "%PDF-1.4\n1 0 obj\n<< /MediaBox [0 0 142.000000 85.000000] >>\nendobj\n2 "
                         "0 obj\n<<>>\nendobj\n"
                         "\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000067 00000 "
                         "n \ntrailer\n<<>>\n"
                         "startxref\n88 \n%%EOF\n";
        QCOMPARE(pdf.indexOf("2 0 obj"), 67);
        QVERIFY(PdfPageBox::fix(pdf, 141.732283, 85.039370).ok());
        const qsizetype obj2 = pdf.indexOf("2 0 obj");
        QVERIFY(pdf.contains("/MediaBox [0 -0.039370 141.732283 85.000000]"));
        QVERIFY(pdf.contains(
            QByteArray(QByteArray::number(obj2).rightJustified(10, '0') + " 00000 n")));
        QVERIFY(pdf.contains(
            QByteArray("startxref\n" + QByteArray::number(pdf.indexOf("\nxref\n") + 1))));
    }

    void pdfPageBoxAcrossChunks()
    {
        // 3,000 pages of about 1 KB: page boxes straddle the 1 MB read chunks.
        // After the fix every xref offset must still point at its object.
        QByteArray pdf = "%PDF-1.4\n";
        QList<qint64> offsets;
        const QByteArray padding(1000 + 7, 'x');
        for (int i = 1; i <= 3000; ++i) {
            offsets << pdf.size();
            pdf += QByteArray::number(i) + " 0 obj\n<< /MediaBox [0 0 595.000000 842.000000] /P (" +
                   padding.left(1000 + i % 7) + ") >>\nendobj\n";
        }
        const qint64 xrefAt = pdf.size();
        pdf += "xref\n0 3001\n0000000000 65535 f \n";
        for (qint64 o : offsets)
            pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
        pdf += "trailer\n<< /Size 3001 >>\nstartxref\n" + QByteArray::number(xrefAt) + "\n%%EOF\n";
        QVERIFY(pdf.size() > 3 * 1024 * 1024);
        QVERIFY(PdfPageBox::fix(pdf, 595.275591, 841.889764).ok());
        QCOMPARE(pdf.count("/MediaBox [0 0.110236 595.275591 842.000000]"), 3000);
        const qsizetype xref = pdf.lastIndexOf("\nxref\n") + 1;
        const qsizetype sx = pdf.lastIndexOf("startxref\n");
        QCOMPARE(pdf.mid(sx + 10, pdf.indexOf('\n', sx + 10) - sx - 10).toLongLong(), qint64(xref));
        for (int i = 1; i <= 3000; ++i) {
            const qint64 at = pdf.mid(xref + 12 + 20 + (i - 1) * 20, 10).toLongLong();
            QVERIFY2(pdf.mid(at, 12).startsWith(QByteArray(QByteArray::number(i) + " 0 obj")),
                     qPrintable(QString::number(i)));
        }
    }

    void pdfPagesExactAndSymbolsDecode_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("pages");
        QTest::newRow("wine") << "wine-back-label.dpplabel" << 1;
        QTest::newRow("battery") << "battery-label.dpplabel" << 3;
        QTest::newRow("sheet") << "serial-sheet-24.dpplabel" << 1;
    }
    void pdfPagesExactAndSymbolsDecode()
    {
        QFETCH(QString, file);
        QFETCH(int, pages);
        const LabelDocument doc = test::loadExample(file);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        auto source = MergeSource::open(doc.merge);
        const auto report = LabelExporter::writePdf(doc, *source.value(), out);
        QVERIFY2(report.ok(),
                 qPrintable(report.ok() ? QString()
                                        : report.error().param + u' ' + report.error().message));
        QCOMPARE(report->pages, pages);

        std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(out);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), pages);
        const double wantW = doc.stock.isSheet() ? doc.stock.pageWidth.toMm() : doc.labelWidthMm();
        const double wantH =
            doc.stock.isSheet() ? doc.stock.pageHeight.toMm() : doc.labelHeightMm();
        const QList<MergeRecord> recs = records(doc);
        LabelRenderer renderer(doc);
        constexpr double kDpi = 300;
        int decoded = 0;
        for (int p = 0; p < pages; ++p) {
            std::unique_ptr<Poppler::Page> page(pdf->page(p));
            const QSizeF mm = page->pageSizeF() * 25.4 / 72;
            QVERIFY2(std::abs(mm.width() - wantW) <= 0.05, qPrintable(QString::number(mm.width())));
            QVERIFY2(std::abs(mm.height() - wantH) <= 0.05,
                     qPrintable(QString::number(mm.height())));
            const QImage image = page->renderToImage(kDpi, kDpi);
            for (int slot = 0; slot < doc.stock.labelsPerPage(); ++slot) {
                const int index = p * doc.stock.labelsPerPage() + slot;
                if (index >= recs.size())
                    break;
                const QPointF at = doc.stock.labelRectMm(slot).topLeft();
                const auto symbols = renderer.symbols(recs.at(index));
                QVERIFY(symbols.ok());
                for (const PlacedSymbol& s : symbols.value()) {
                    const auto d =
                        test::decodeImage(test::cropMm(image, s.rectMm.translated(at), kDpi));
                    QVERIFY2(d.ok, qPrintable(QStringLiteral("label %1 element %2: %3")
                                                  .arg(index)
                                                  .arg(s.element)
                                                  .arg(d.error)));
                    QCOMPARE(d.text, s.expected);
                    ++decoded;
                }
            }
        }
        QCOMPARE(decoded, recs.size() * (file.startsWith(QLatin1String("battery")) ? 2 : 1));
    }

    void goldenPng_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("dpi");
        QTest::newRow("wine") << "wine-back-label.dpplabel" << 300;
        QTest::newRow("battery") << "battery-label.dpplabel" << 203;
        QTest::newRow("sheet") << "serial-sheet-24.dpplabel" << 150;
    }
    void goldenPng()
    {
        QFETCH(QString, file);
        QFETCH(int, dpi);
        const LabelDocument doc = test::loadExample(file);
        QList<MergeRecord> page = records(doc).mid(0, doc.stock.labelsPerPage());
        LabelRenderer renderer(doc, RenderSettings{dpi, false});
        const auto image = LabelExporter::renderPage(renderer, page, dpi, false);
        QVERIFY(image.ok());
        const QString golden = test::sourceDir() + QStringLiteral("/tests/core/golden/") +
                               QFileInfo(file).completeBaseName() + QStringLiteral(".png");
        if (qEnvironmentVariableIsSet("DPP_UPDATE_GOLDEN"))
            QVERIFY(image->save(golden));
        const QImage want(golden);
        QVERIFY2(!want.isNull(),
                 qPrintable(golden + QStringLiteral(" missing (DPP_UPDATE_GOLDEN=1 writes it)")));
        QCOMPARE(image->size(), want.size());
        // Symbol areas must match exactly; text may differ by font antialiasing.
        QList<QRect> symbolAreas;
        const double s = dpi / 25.4;
        for (int i = 0; i < page.size(); ++i) {
            const QPointF at = doc.stock.labelRectMm(i).topLeft();
            const QList<PlacedSymbol> placed = renderer.symbols(page.at(i)).value();
            for (const PlacedSymbol& sym : placed) {
                const QRectF r = sym.rectMm.translated(at);
                symbolAreas << QRect(int(std::ceil(r.left() * s)), int(std::ceil(r.top() * s)),
                                     int(r.width() * s) - 1, int(r.height() * s) - 1);
            }
        }
        QCOMPARE(differingFraction(image.value(), want, symbolAreas, true), 0.0);
        const double text = differingFraction(image.value(), want, symbolAreas, false);
        QVERIFY2(text < 0.01, qPrintable(QString::number(text)));
    }

    void svgAndPngSeries()
    {
        const LabelDocument doc = test::loadExample(QStringLiteral("battery-label.dpplabel"));
        QTemporaryDir dir;
        auto source = MergeSource::open(doc.merge);
        const auto svg =
            LabelExporter::writeSvg(doc, *source.value(), dir.filePath(QStringLiteral("b.svg")));
        QVERIFY(svg.ok());
        QCOMPARE(svg->files.size(), 3);
        QVERIFY(svg->files.first().endsWith(QStringLiteral("b-0001.svg")));
        const QByteArray text = readAll(svg->files.first());
        QVERIFY(text.contains("width=\"100mm\"") && text.contains("height=\"150mm\""));
        const QImage image = test::renderSvg(text, 3.0); // 30 px/mm
        const auto symbols = LabelRenderer(doc).symbols(records(doc).first()).value();
        for (const PlacedSymbol& s : symbols) {
            const auto d = test::decodeImage(test::cropMm(image, s.rectMm, 762));
            QVERIFY2(d.ok, qPrintable(d.error));
            QCOMPARE(d.text, s.expected);
        }
        auto again = MergeSource::open(doc.merge);
        const auto png = LabelExporter::writeImages(
            doc, *again.value(), dir.filePath(QStringLiteral("b.png")), 203, true);
        QVERIFY(png.ok());
        QCOMPARE(png->files.size(), 3);
        const QImage mono(png->files.at(2));
        QCOMPARE(mono.size(), QSize(799, 1199));
        QVERIFY(mono.allGray());
    }

    // Colours of shapes and text: a red filled rectangle and blue text in every
    // output; on the black-only ZPL path they map to black/white with a warning.
    void shapeAndTextColours()
    {
        LabelDocument doc = test::loadExample(QStringLiteral("battery-label.dpplabel"));
        doc.merge.kind = MergeSpec::Kind::Single;
        doc.merge.serials.clear();
        LabelElement rect;
        rect.type = LabelElement::Type::Rect;
        rect.x = rect.y = Distance::mm(10);
        rect.width = Distance::mm(30);
        rect.height = Distance::mm(20);
        rect.stroke = Qt::transparent;
        rect.fill = QColor(0xff, 0, 0);
        LabelElement text;
        text.type = LabelElement::Type::Text;
        text.x = Distance::mm(10);
        text.y = Distance::mm(40);
        text.width = Distance::mm(80);
        text.height = Distance::mm(20);
        text.fontSizePt = 40;
        text.bold = true;
        text.text = QStringLiteral("IIII");
        text.textColour = QColor(0, 0, 0xff);
        doc.elements = {rect, text};

        // .dpplabel JSON: #rrggbb or none; a black text writes no colour (old files stay).
        const QJsonObject rectJson = rect.toJson();
        QCOMPARE(rectJson.value(QStringLiteral("fill")).toString(), QStringLiteral("#ff0000"));
        QCOMPARE(rectJson.value(QStringLiteral("stroke")).toString(), QStringLiteral("none"));
        QCOMPARE(text.toJson().value(QStringLiteral("fill")).toString(), QStringLiteral("#0000ff"));
        LabelElement black = text;
        black.textColour = Qt::black;
        QVERIFY(!black.toJson().contains(QStringLiteral("fill")));
        auto back = LabelElement::fromJson(text.toJson(), QStringLiteral("$.elements[1]"));
        QVERIFY(back.ok());
        QCOMPARE(back->textColour, QColor(0, 0, 0xff));
        QJsonObject bad = rectJson;
        bad.insert(QStringLiteral("fill"), QStringLiteral("red"));
        auto refused = LabelElement::fromJson(bad, QStringLiteral("$.elements[0]"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().param, QStringLiteral("$.elements[0].fill"));
        QCOMPARE(refused.error().code, QStringLiteral("invalid_colour"));
        QJsonObject noneText = text.toJson();
        noneText.insert(QStringLiteral("fill"), QStringLiteral("none"));
        QVERIFY(!LabelElement::fromJson(noneText, QStringLiteral("$.elements[1]")).ok());

        QTemporaryDir dir;
        auto isRed = [](QRgb c) { return qRed(c) > 200 && qGreen(c) < 60 && qBlue(c) < 60; };
        auto hasBlue = [](const QImage& image, const QRect& area) {
            for (int y = area.top(); y <= area.bottom(); ++y)
                for (int x = area.left(); x <= area.right(); ++x) {
                    const QRgb c = image.pixel(x, y);
                    if (qBlue(c) > 200 && qRed(c) < 60 && qGreen(c) < 60)
                        return true;
                }
            return false;
        };
        // PNG at 100 dpi (about 3.94 px/mm).
        auto source = MergeSource::open(doc.merge);
        QVERIFY(source.ok());
        const auto png = LabelExporter::writeImages(
            doc, *source.value(), dir.filePath(QStringLiteral("c.png")), 254, false);
        QVERIFY2(png.ok(), qPrintable(png.ok() ? QString() : png.error().message));
        const QImage image(png->files.first()); // 10 px/mm
        QVERIFY(isRed(image.pixel(250, 200)));
        QVERIFY(hasBlue(image, QRect(100, 400, 800, 200)));
        QCOMPARE(qRed(image.pixel(5, 5)), 255); // paper stays white

        // SVG: the colours are written as such, and render as such.
        auto again = MergeSource::open(doc.merge);
        const auto svg =
            LabelExporter::writeSvg(doc, *again.value(), dir.filePath(QStringLiteral("c.svg")));
        QVERIFY(svg.ok());
        const QByteArray svgText = readAll(svg->files.first());
        QVERIFY(svgText.contains("#ff0000"));
        QVERIFY(svgText.contains("#0000ff"));
        const QImage svgImage = test::renderSvg(svgText, 1.0); // 10 px/mm
        QVERIFY(isRed(svgImage.pixel(250, 200)));

        // PDF through Poppler.
        auto third = MergeSource::open(doc.merge);
        const QString pdfPath = dir.filePath(QStringLiteral("c.pdf"));
        QVERIFY(LabelExporter::writePdf(doc, *third.value(), pdfPath).ok());
        std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(pdfPath);
        QVERIFY(pdf);
        std::unique_ptr<Poppler::Page> page(pdf->page(0));
        const QImage pdfImage = page->renderToImage(254, 254);
        QVERIFY(isRed(pdfImage.pixel(250, 200)));
        QVERIFY(hasBlue(pdfImage, QRect(100, 400, 800, 200)));

        // ZPL is black-only: red prints black, light yellow white, each with a warning.
        doc.elements[0].stroke = QColor(0xff, 0xff, 0x99);
        doc.elements[0].fill = QColor(0xff, 0, 0);
        auto fourth = MergeSource::open(doc.merge);
        const auto zpl =
            LabelExporter::writeZpl(doc, *fourth.value(), dir.filePath(QStringLiteral("c.zpl")));
        QVERIFY(zpl.ok());
        QStringList mapped;
        for (const Error& w : zpl->warnings)
            if (w.code == u"colour_mapped")
                mapped << w.param + QStringLiteral(": ") + w.message;
        QCOMPARE(mapped.size(), 3);
        QVERIFY2(mapped.contains(QStringLiteral("$.elements[0].fill: colour #ff0000 prints as "
                                                "black on a black-only (thermal/ZPL) printer")),
                 qPrintable(mapped.join(u'\n')));
        QVERIFY(mapped.contains(QStringLiteral("$.elements[0].stroke: colour #ffff99 prints as "
                                               "white on a black-only (thermal/ZPL) printer")));
        QVERIFY(mapped.first().startsWith(QStringLiteral("$.elements[0]")));
        // Black and none need no warning.
        doc.elements[0].fill = Qt::black;
        doc.elements[0].stroke = Qt::transparent;
        doc.elements[1].textColour = Qt::black;
        QVERIFY(LabelRenderer(doc, RenderSettings{203, true})
                    .designWarnings(records(doc).first())
                    .isEmpty());
        // The thermal raster of the red fill is black.
        doc.elements[0].fill = QColor(0xff, 0, 0);
        auto fifth = MergeSource::open(doc.merge);
        const auto mono = LabelExporter::writeImages(
            doc, *fifth.value(), dir.filePath(QStringLiteral("m.png")), 203, true);
        QVERIFY(mono.ok());
        const QImage monoImage(mono->files.first());
        QCOMPARE(qGray(monoImage.pixel(int(25 * 203 / 25.4), int(20 * 203 / 25.4))), 0);
    }

    void thermalSnappingWarnings()
    {
        LabelDocument doc = test::loadExample(QStringLiteral("battery-label.dpplabel"));
        const MergeRecord first = records(doc).first();
        QVERIFY(LabelRenderer(doc, RenderSettings{203, true}).designWarnings(first).isEmpty());
        QCOMPARE(LabelRenderer::snappedModuleMm(0.75, 203), 6 * 25.4 / 203);
        doc.elements[4].moduleMm =
            Distance::mm(0.19); // 1.52 dots → 2 dots: +34 %, and below GS1 minimum at 600
        const QList<Error> w = LabelRenderer(doc, RenderSettings{203, true}).designWarnings(first);
        QVERIFY(!w.isEmpty());
        QCOMPARE(w.first().param, QStringLiteral("$.elements[4].module"));
        QCOMPARE(w.first().code, QStringLiteral("module_snapped"));
        const QList<Error> w600 =
            LabelRenderer(doc, RenderSettings{600, true}).designWarnings(first);
        QVERIFY(std::any_of(w600.begin(), w600.end(),
                            [](const Error& e) { return e.code == u"below_gs1_minimum"; }));
    }

    void zplLabel()
    {
        const LabelDocument doc = test::loadExample(QStringLiteral("battery-label.dpplabel"));
        const MergeRecord first = records(doc).first();
        ZplWriter native(doc);
        const auto zpl = native.label(first);
        QVERIFY2(zpl.ok(),
                 qPrintable(zpl.ok() ? QString() : zpl.error().param + zpl.error().message));
        for (const char* part : {"^XA", "^PW799", "^LL1199", "^MNY", "^MTD", "~SD18", "^PR4", "^BX",
                                 "^GB", "^GFA", "^XZ"})
            QVERIFY2(zpl->contains(part), part);
        // The DataMatrix as a graphic decodes to the GS1 message.
        ZplWriter graphic(doc, ZplSettings{false, false});
        const QByteArray g = graphic.label(first).value();
        // Every graphic field is tried; the DataMatrix and the QR must both be among them.
        const auto symbols = LabelRenderer(doc).symbols(first).value();
        QSet<QByteArray> read;
        for (qsizetype at = g.indexOf("^FO"); at >= 0; at = g.indexOf("^FO", at + 3)) {
            const auto d = test::decodeImage(test::zplGraphic(g.mid(at)));
            if (d.ok)
                read.insert(d.text);
        }
        for (const PlacedSymbol& s : symbols)
            QVERIFY2(read.contains(s.expected), s.expected.constData());
    }

    void printJobCancelAndResume()
    {
        // A real listener on a free loopback port; the kernel queues the
        // connections and bytes while the job runs on this thread.
        QTcpServer printer;
        QVERIFY(printer.listen(QHostAddress::LocalHost, 0));
        const LabelDocument doc = test::loadExample(QStringLiteral("battery-label.dpplabel"));
        const PrintTarget target{PrintTarget::Kind::ZplHost,
                                 QStringLiteral("127.0.0.1:%1").arg(printer.serverPort())};
        QStringList printed;
        PrintOptions options;
        options.chunkLabels = 1;
        options.onSent = [&](const QList<MergeRecord>& chunk) -> Status {
            for (const MergeRecord& r : chunk)
                printed << r.value(QStringLiteral("serial"));
            return Ok{};
        };
        options.progress = [](qint64 sent) { return sent < 2; }; // operator cancels after two
        auto source = MergeSource::open(doc.merge);
        const auto cancelled = PrintJob::run(doc, *source.value(), target, options);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("cancelled"));
        QCOMPARE(printed, QStringList({QStringLiteral("BAT00001"), QStringLiteral("BAT00002")}));

        options.progress = {};
        options.resumeFrom = 2;
        const auto resumed = PrintJob::run(doc, *source.value(), target, options);
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->sent, 1);
        QCOMPARE(printed.last(), QStringLiteral("BAT00003"));

        QByteArray received;
        while (printer.hasPendingConnections() || printer.waitForNewConnection(2000)) {
            QTcpSocket* s = printer.nextPendingConnection();
            while (s->waitForReadyRead(1000))
                received += s->readAll();
            received += s->readAll();
        }
        QCOMPARE(received.count("^XA"), 3);

        // Nothing is reported sent when the printer is not there.
        printer.close();
        printed.clear();
        options.resumeFrom = 0;
        const auto down = PrintJob::run(doc, *source.value(), target, options);
        QVERIFY(!down.ok());
        QCOMPARE(down.error().param, QStringLiteral("zpl_host"));
        QVERIFY(printed.isEmpty());
    }

    void verifiedPrintReport()
    {
        const LabelDocument doc = test::loadExample(QStringLiteral("battery-label.dpplabel"));
        SymbolVerifier verifier(203);
        for (const MergeRecord& r : records(doc))
            QVERIFY(verifier.check(LabelRenderer(doc, RenderSettings{203, true}).symbols(r).value())
                        .ok());
        // Three serials of equal length share one layout per element.
        QCOMPARE(verifier.checks().size(), 2);
        QCOMPARE(verifier.report().value(QStringLiteral("passed")).toInt(), 2);
        // A symbol that does not carry its intended content is refused.
        PlacedSymbol wrong = LabelRenderer(doc).symbols(records(doc).first()).value().first();
        wrong.expected = "something else";
        wrong.element = 99;
        SymbolVerifier strict(203);
        const Status s = strict.check({wrong});
        QVERIFY(!s.ok());
        QCOMPARE(s.error().param, QStringLiteral("$.elements[99]"));
    }
};

QTEST_MAIN(TestLabel)
#include "tst_label.moc"
