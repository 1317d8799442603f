#include "pdfwriter.h"

#include "symbollayout.h"
#include "symbolpath.h"

#include <QDateTime>

namespace dpp::symbol {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

QByteArray num(double value)
{
    // Four decimals = 1/10000 pt: far below any printer's resolution.
    QByteArray text = QByteArray::number(value, 'f', 4);
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith('.'))
        text.chop(1);
    return text == "-0" ? QByteArray("0") : text;
}

QByteArray colour(const QColor& c, const char* op)
{
    return num(c.redF()) + ' ' + num(c.greenF()) + ' ' + num(c.blueF()) + ' ' + op + '\n';
}

QByteArray pdfString(const QString& text)
{
    QByteArray out = "(";
    for (QChar ch : text) {
        const char16_t u = ch.unicode();
        const char c = u < 256 ? char(u) : '?';
        if (c == '(' || c == ')' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + ')';
}

} // namespace

Result<QByteArray> PdfWriter::write(const SymbolMatrix& matrix, const RenderOptions& options,
                                    const QString& contentText)
{
    if (auto ok = validateRenderOptions(options); !ok)
        return ok.error();
    if (matrix.isNull())
        return Error{QStringLiteral("data"), QStringLiteral("empty symbol"),
                     QStringLiteral("empty")};
    const SymbolLayout layout =
        SymbolLayout::compute(matrix, options, options.moduleMm, contentText);
    const double pageW = layout.pageWidthMm * kPointsPerMm;
    const double pageH = layout.pageHeightMm * kPointsPerMm;
    const double m = layout.moduleMm * kPointsPerMm;
    const double q = layout.quietZone;

    QByteArray content;
    if (options.background.alpha() > 0)
        content +=
            colour(options.background, "rg") + "0 0 " + num(pageW) + ' ' + num(pageH) + " re f\n";
    content += colour(options.foreground, "rg");
    // PDF y grows upwards: module row y is at pageH - (q + y) * m.
    for (const QPolygon& polygon : SymbolPath::outlines(matrix)) {
        for (qsizetype i = 0; i < polygon.size(); ++i) {
            const QPoint p = polygon.at(i);
            content += num((q + p.x()) * m) + ' ' + num(pageH - (q + p.y()) * m) +
                       (i == 0 ? " m\n" : " l\n");
        }
        content += "h\n";
    }
    content += "f\n"; // non-zero winding: outer outlines clockwise, holes counter-clockwise
    if (!layout.text.isEmpty()) {
        const double font = layout.fontMm * kPointsPerMm;
        const double textWidth = SymbolLayout::kAdvance * font * double(layout.text.size());
        content += "BT /F1 " + num(font) + " Tf " + num((pageW - textWidth) / 2) + ' ' +
                   num(pageH - layout.textBaselineMm * kPointsPerMm) + " Td " +
                   pdfString(layout.text) + " Tj ET\n";
    }

    QList<QByteArray> objects;
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(pageW) + ' ' + num(pageH) +
                   "] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>";
    objects << "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
                   "endstream";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>";
    objects << "<< /Producer (DPP Studio) /CreationDate (D:" +
                   QDateTime::currentDateTimeUtc()
                       .toString(QStringLiteral("yyyyMMddHHmmss"))
                       .toLatin1() +
                   "Z) >>";

    QByteArray pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace dpp::symbol
