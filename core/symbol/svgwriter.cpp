#include "svgwriter.h"

#include "symbollayout.h"
#include "symbolpath.h"

#include <charconv>
#include <string>
#include <vector>

namespace dpp::symbol {

namespace {

void appendInt(std::string& out, int value)
{
    char buffer[16];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, size_t(end - buffer));
}

void appendNumber(QByteArray& out, double value)
{
    out += QByteArray::number(value, 'g', 8);
}

void appendColour(QByteArray& out, const char* attribute, const QColor& colour)
{
    out += ' ';
    out += attribute;
    out += "=\"";
    out += colour.name(QColor::HexRgb).toLatin1();
    out += '"';
    if (colour.alpha() < 255) {
        out += ' ';
        out += attribute;
        out += "-opacity=\"";
        appendNumber(out, colour.alphaF());
        out += '"';
    }
}

QByteArray xmlEscaped(const QString& text)
{
    return text.toHtmlEscaped().toUtf8();
}

} // namespace

QByteArray SvgWriter::write(const SymbolMatrix& matrix, const RenderOptions& options,
                            const QString& contentText)
{
    const SymbolLayout layout =
        SymbolLayout::compute(matrix, options, options.moduleMm, contentText);
    const double m = layout.moduleMm;
    QByteArray out;
    out.reserve(1024 + matrix.width() * matrix.height() / 2);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"";
    appendNumber(out, layout.pageWidthMm);
    out += "mm\" height=\"";
    appendNumber(out, layout.pageHeightMm);
    out += "mm\" viewBox=\"0 0 ";
    // User units are modules: the path needs integers only.
    appendNumber(out, layout.pageWidthMm / m);
    out += ' ';
    appendNumber(out, layout.pageHeightMm / m);
    out += "\">\n";
    if (options.background.alpha() > 0) {
        out += "<rect width=\"100%\" height=\"100%\"";
        appendColour(out, "fill", options.background);
        out += "/>\n";
    }
    out += "<path";
    appendColour(out, "fill", options.foreground);
    out += " d=\"";
    const int q = layout.quietZone;
    // Path data is the bulk of the file: built in a std::string with a
    // per-thread outline buffer, as batches write thousands of these.
    thread_local std::vector<QPoint> points;
    thread_local std::vector<int> ends;
    SymbolPath::trace(matrix, points, ends);
    thread_local std::string d;
    d.clear();
    int begin = 0;
    for (int end : ends) {
        // Absolute start, then relative h/v steps: the outline is rectilinear.
        QPoint at = points[size_t(begin)];
        d += 'M';
        appendInt(d, at.x() + q);
        d += ' ';
        appendInt(d, at.y() + q);
        for (int i = begin + 1; i < end; ++i) {
            const QPoint next = points[size_t(i)];
            if (next.y() == at.y()) {
                d += 'h';
                appendInt(d, next.x() - at.x());
            } else {
                d += 'v';
                appendInt(d, next.y() - at.y());
            }
            at = next;
        }
        d += 'z';
        begin = end;
    }
    out.append(d.data(), qsizetype(d.size()));
    out += "\"/>\n";
    if (!layout.text.isEmpty()) {
        out += "<text x=\"";
        appendNumber(out, layout.pageWidthMm / 2 / m);
        out += "\" y=\"";
        appendNumber(out, layout.textBaselineMm / m);
        out += "\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"";
        appendNumber(out, layout.fontMm / m);
        out += "\" text-anchor=\"middle\"";
        appendColour(out, "fill", options.foreground);
        out += '>';
        out += xmlEscaped(layout.text);
        out += "</text>\n";
    }
    out += "</svg>\n";
    return out;
}

} // namespace dpp::symbol
