// Round-trip oracle for symbol tests: decodes QR / DataMatrix from a QImage with
// zxing-cpp, and turns SVG, PNG, PDF (Poppler) and ZPL ^GFA outputs into images.
#pragma once

#define ZX_USE_UTF8 1 // zxing-cpp 1.4: text() returns UTF-8 std::string
#include <ZXing/ReadBarcode.h>

#include <QByteArray>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QString>
#include <QSvgRenderer>
#include <memory>
#include <poppler-qt6.h>

namespace dpp::test {

struct Decoded
{
    bool ok = false;
    QByteArray text;     // raw bytes as decoded (GS1: GS 0x1D between fields)
    QString symbologyId; // "]Q1", "]Q3", "]d1", "]d2"
    QString format;
    bool gs1 = false;
    QString ecLevel;
    QString error;
};

inline Decoded decodeImage(const QImage& input)
{
    Decoded d;
    if (input.isNull()) {
        d.error = QStringLiteral("null image");
        return d;
    }
    // Composite on white: transparent backgrounds must read as light.
    QImage flat(input.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    {
        QPainter p(&flat);
        p.drawImage(0, 0, input);
    }
    const QImage gray = flat.convertToFormat(QImage::Format_Grayscale8);
    ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                          int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::DataMatrix);
    hints.setTryHarder(true);
    ZXing::Result r = ZXing::ReadBarcode(view, hints);
    if (!r.isValid()) {
        d.error = QString::fromStdString(ZXing::ToString(r.error()));
        return d;
    }
    d.ok = true;
    d.text = QByteArray::fromStdString(r.text());
    d.symbologyId = QString::fromStdString(r.symbologyIdentifier());
    d.format = QString::fromLatin1(ZXing::ToString(r.format()));
    d.gs1 = r.contentType() == ZXing::ContentType::GS1;
    d.ecLevel = QString::fromStdString(r.ecLevel());
    return d;
}

// Renders an SVG through QtSvg at `pixelsPerUnit` device pixels per SVG user unit.
inline QImage renderSvg(const QByteArray& svg, double scale = 8.0)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    const QSizeF size = renderer.viewBoxF().size() * scale;
    QImage image(size.toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter p(&image);
    renderer.render(&p);
    return image;
}

inline QImage rasterisePdf(const QByteArray& pdf, double dpi = 300, QSizeF* pageSizePt = nullptr)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc || doc->numPages() < 1)
        return {};
    std::unique_ptr<Poppler::Page> page = doc->page(0);
    if (!page)
        return {};
    if (pageSizePt)
        *pageSizePt = page->pageSizeF();
    return page->renderToImage(dpi, dpi);
}

// Rebuilds the bitmap of the first ^GFA field of a ZPL job (ASCII hex only).
inline QImage zplGraphic(const QByteArray& zpl, QPoint* origin = nullptr)
{
    static const QRegularExpression re(
        QStringLiteral(R"(\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS)"));
    const auto m = re.match(QString::fromLatin1(zpl));
    if (!m.hasMatch())
        return {};
    if (origin)
        *origin = QPoint(m.captured(1).toInt(), m.captured(2).toInt());
    const int total = m.captured(3).toInt();
    const int bytesPerRow = m.captured(5).toInt();
    const QByteArray bits = QByteArray::fromHex(m.captured(6).toLatin1());
    if (bytesPerRow <= 0 || bits.size() != total)
        return {};
    const int rows = total / bytesPerRow;
    // Put the graphic on a white field with room for the quiet zone around it.
    const int pad = 40;
    QImage image(bytesPerRow * 8 + 2 * pad, rows + 2 * pad, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < bytesPerRow * 8; ++x)
            if (uchar(bits[y * bytesPerRow + x / 8]) & (0x80 >> (x % 8)))
                image.scanLine(y + pad)[x + pad] = 0;
    return image;
}

} // namespace dpp::test
