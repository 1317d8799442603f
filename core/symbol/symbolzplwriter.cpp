#include "symbolzplwriter.h"

#include "rasterwriter.h"
#include "symbollayout.h"

#include <cmath>

namespace dpp::symbol {

namespace {

// ^FD data cannot hold the ZPL command prefixes; ^FH\ lets them go as hex.
QByteArray fieldData(const QByteArray& data, bool* needsHex)
{
    QByteArray out;
    out.reserve(data.size() + 8);
    *needsHex = false;
    for (char c : data) {
        if (c == '^' || c == '~' || c == '\\') {
            *needsHex = true;
            out += '\\' + QByteArray::number(uchar(c), 16).toUpper().rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray fd(const QByteArray& data)
{
    bool hex = false;
    const QByteArray body = fieldData(data, &hex);
    return (hex ? QByteArray("^FH\\^FD") : QByteArray("^FD")) + body + "^FS\n";
}

QByteArray graphic(const SymbolMatrix& matrix, int dots)
{
    const int width = matrix.width() * dots;
    const int height = matrix.height() * dots;
    const int bytesPerRow = (width + 7) / 8;
    QByteArray hex;
    hex.reserve(bytesPerRow * height * 2);
    QByteArray row(bytesPerRow, 0);
    for (int y = 0; y < matrix.height(); ++y) {
        row.fill(0);
        for (int x = 0; x < width; ++x)
            if (matrix.isDark(x / dots, y))
                row[x / 8] = char(uchar(row[x / 8]) | (0x80 >> (x % 8)));
        const QByteArray rowHex = row.toHex().toUpper();
        for (int copy = 0; copy < dots; ++copy)
            hex += rowHex;
    }
    const QByteArray total = QByteArray::number(bytesPerRow * height);
    return "^GFA," + total + ',' + total + ',' + QByteArray::number(bytesPerRow) + ',' + hex +
           "^FS\n";
}

} // namespace

Result<ZplOutput> SymbolZplWriter::write(const SymbolMatrix& matrix, const SymbolContent& content,
                                         const RenderOptions& render, const ZplOptions& options)
{
    if (auto ok = validateRenderOptions(render); !ok)
        return ok.error();
    if (matrix.isNull())
        return Error{QStringLiteral("data"), QStringLiteral("empty symbol"),
                     QStringLiteral("empty")};
    ZplOutput out;
    out.mode = options.mode;
    out.dotsPerModule = render.pixelsPerModule > 0
                            ? render.pixelsPerModule
                            : RasterWriter::dotsPerModule(render.moduleMm, render.dpi);
    out.moduleMm = out.dotsPerModule * 25.4 / render.dpi;
    const int dots = out.dotsPerModule;
    const SymbolLayout layout =
        SymbolLayout::compute(matrix, render, out.moduleMm, content.humanReadable);
    const double dotsPerMm = dots / out.moduleMm;
    const int quiet = layout.quietZone * dots;
    const QPoint at = options.originDots + QPoint(quiet, quiet);
    const QByteArray fo = "^FO" + QByteArray::number(at.x()) + ',' + QByteArray::number(at.y());

    QByteArray fields;
    if (out.mode == ZplMode::Native && matrix.symbology() == Symbology::Qr) {
        if (content.isGs1()) {
            out.mode = ZplMode::Graphic;
            out.note = QStringLiteral("GS1 QR written as a graphic: ZPL ^BQ has no reliable FNC1");
        } else if (dots > 10) {
            out.mode = ZplMode::Graphic;
            out.note =
                QStringLiteral("QR written as a graphic: ^BQ allows at most 10 dots per module");
        } else {
            // ^FD for ^BQ starts with the error correction level and the input
            // mode: "MA," = level M, automatic mode selection.
            fields += fo + "^BQN,2," + QByteArray::number(dots) + '\n' +
                      fd(QByteArray(1, qrEcLevelLetter(options.qrEcLevel).toLatin1()) + "A," +
                         content.data);
        }
    } else if (out.mode == ZplMode::Native) {
        // The ^BX escape character (FNC1 = escape + '1') must not occur in the
        // data; firmware defaults differ, so it is always given explicitly.
        char escape = 0;
        for (char candidate : {'_', '`', '|', '{', '}'}) {
            if (!content.data.contains(candidate)) {
                escape = candidate;
                break;
            }
        }
        if (!escape) {
            out.mode = ZplMode::Graphic;
            out.note =
                QStringLiteral("DataMatrix written as a graphic: no free ^BX escape character");
        } else {
            QByteArray data;
            if (content.isGs1()) {
                data += escape;
                data += '1';
                for (char c : content.data) {
                    if (c == '\x1d') {
                        data += escape;
                        data += '1';
                    } else {
                        data += c;
                    }
                }
            } else {
                data = content.data;
            }
            const bool square = matrix.width() == matrix.height();
            // Fixing columns and rows makes the printer draw the size we laid out.
            fields += fo + "^BXN," + QByteArray::number(dots) + ",200," +
                      QByteArray::number(matrix.width()) + ',' +
                      QByteArray::number(matrix.height()) + ",6," + escape + ',' +
                      (square ? '1' : '2') + '\n' + fd(data);
        }
    }
    if (out.mode == ZplMode::Graphic)
        fields += fo + graphic(matrix, dots);
    if (!layout.text.isEmpty()) {
        const int textDots = std::max(10, int(std::lround(layout.fontMm * dotsPerMm)));
        const int y = options.originDots.y() + int(std::lround(layout.symbolHeightMm * dotsPerMm));
        const int width = int(std::lround(layout.pageWidthMm * dotsPerMm));
        fields += "^FO" + QByteArray::number(options.originDots.x()) + ',' + QByteArray::number(y) +
                  "^A0N," + QByteArray::number(textDots) + ',' + QByteArray::number(textDots) +
                  "^FB" + QByteArray::number(width) + ",1,0,C,0\n" + fd(layout.text.toUtf8());
    }
    if (options.wholeLabel) {
        const int width = options.originDots.x() + int(std::lround(layout.pageWidthMm * dotsPerMm));
        const int height =
            options.originDots.y() + int(std::lround(layout.pageHeightMm * dotsPerMm));
        out.zpl = "^XA\n^CI28\n^PW" + QByteArray::number(width) + "\n^LL" +
                  QByteArray::number(height) + "\n^LH0,0\n" + fields + "^XZ\n";
    } else {
        out.zpl = fields;
    }
    return out;
}

} // namespace dpp::symbol
