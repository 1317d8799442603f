#include "zplwriter.h"

#include "mergetemplate.h"
#include "symbol/symbolzplwriter.h"

#include <QPainter>
#include <cmath>
#include <numeric>

namespace dpp::label {

namespace {
QByteArray num(double v)
{
    return QByteArray::number(qint64(std::lround(v)));
}

QByteArray escapeFd(const QString& text)
{
    // ^FH\ lets the command prefixes and non-ASCII bytes go as hex (^CI28 = UTF-8).
    QByteArray out;
    for (char c : text.toUtf8()) {
        const uchar u = uchar(c);
        if (c == '^' || c == '~' || c == '\\' || u >= 0x80)
            out += '\\' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}
} // namespace

ZplWriter::ZplWriter(const LabelDocument& doc, ZplSettings settings)
    : m_doc(doc), m_settings(settings), m_renderer(doc, RenderSettings{doc.calibration.dpi, true})
{}

QByteArray ZplWriter::graphicField(const QImage& source)
{
    const QImage image =
        source.convertToFormat(QImage::Format_Mono, Qt::MonoOnly | Qt::ThresholdDither);
    const int bytesPerRow = (image.width() + 7) / 8;
    // In Format_Mono the colour table decides which index is black.
    const bool zeroIsBlack = qGray(image.color(0)) < 128;
    QByteArray hex;
    hex.reserve(bytesPerRow * image.height() * 2 + 2);
    QByteArray row(bytesPerRow, 0);
    for (int y = 0; y < image.height(); ++y) {
        const uchar* line = image.constScanLine(y);
        for (int i = 0; i < bytesPerRow; ++i)
            row[i] = char(zeroIsBlack ? ~line[i] : line[i]);
        // Padding bits past the width must stay white.
        if (image.width() % 8)
            row[bytesPerRow - 1] =
                char(uchar(row[bytesPerRow - 1]) & uchar(0xFF << (8 - image.width() % 8)));
        hex += row.toHex().toUpper();
    }
    const QByteArray total = QByteArray::number(bytesPerRow * image.height());
    return "^GFA," + total + ',' + total + ',' + QByteArray::number(bytesPerRow) + ',' + hex +
           "^FS\n";
}

Result<QByteArray> ZplWriter::rasterElement(int index, const MergeRecord& record,
                                            const QPointF& offsetMm)
{
    // Renders just this element, at the printer dpi, into its rotated bounds.
    LabelDocument single = m_doc;
    const LabelElement e = m_doc.elements.at(index);
    single.elements = {e};
    single.calibration.offsetX = Distance();
    single.calibration.offsetY = Distance();
    QTransform rot;
    const QPointF c = e.rectMm().center();
    rot.translate(c.x(), c.y());
    rot.rotate(e.rotation);
    rot.translate(-c.x(), -c.y());
    QRectF bounds = rot.mapRect(e.rectMm());
    if (e.type == LabelElement::Type::Line)
        bounds = bounds.normalized().adjusted(-e.lineWidth.toMm(), -e.lineWidth.toMm(),
                                              e.lineWidth.toMm(), e.lineWidth.toMm());
    const int dpi = m_doc.calibration.dpi;
    const QRect dots(int(std::floor(bounds.left() * dpi / 25.4)),
                     int(std::floor(bounds.top() * dpi / 25.4)),
                     int(std::ceil(bounds.width() * dpi / 25.4)) + 1,
                     int(std::ceil(bounds.height() * dpi / 25.4)) + 1);
    QImage image(dots.size(), QImage::Format_RGB32);
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.translate(-dots.left(), -dots.top());
        p.scale(dpi / 25.4, dpi / 25.4);
        LabelRenderer renderer(single, RenderSettings{dpi, true});
        // The single-element copy reports paths as [0]; name the real element.
        if (Status s = renderer.paint(p, record); !s) {
            Error err = s.error();
            err.param.replace(QStringLiteral("$.elements[0]"),
                              QStringLiteral("$.elements[%1]").arg(index));
            return err;
        }
    }
    const QPointF origin(dots.left() + offsetMm.x() * dpi / 25.4,
                         dots.top() + offsetMm.y() * dpi / 25.4);
    return QByteArray("^FO" + num(origin.x()) + ',' + num(origin.y()) + graphicField(image));
}

Result<QByteArray> ZplWriter::label(const MergeRecord& record)
{
    const PrinterCalibration& cal = m_doc.calibration;
    const int dpi = cal.dpi;
    auto dotsOf = [dpi](double mm) { return num(mm * dpi / 25.4); };
    QByteArray z = "^XA\n^CI28\n";
    z += "^PW" + dotsOf(m_doc.labelWidthMm()) + "\n^LL" + dotsOf(m_doc.labelHeightMm()) + "\n";
    z += "^LH" + dotsOf(cal.offsetX.toMm() > 0 ? cal.offsetX.toMm() : 0) + ',' +
         dotsOf(cal.offsetY.toMm() > 0 ? cal.offsetY.toMm() : 0) + "\n";
    const char* mn = cal.media == PrinterCalibration::Media::Gap          ? "Y"
                     : cal.media == PrinterCalibration::Media::Continuous ? "N"
                                                                          : "M";
    z += QByteArray("^MN") + mn + "\n^MT" +
         (cal.mediaType == PrinterCalibration::MediaType::Direct ? "D" : "T") + "\n~SD" +
         QByteArray::number(cal.darkness).rightJustified(2, '0') + "\n^PR" +
         QByteArray::number(cal.speed) + "\n";
    // Negative offsets cannot go in ^LH; they move the fields instead.
    const QPointF shift(std::min(0.0, cal.offsetX.toMm()), std::min(0.0, cal.offsetY.toMm()));

    const QList<LabelElement>& elements = m_doc.elements;
    QList<int> order(elements.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return elements[a].z < elements[b].z; });
    auto symbols = m_renderer.symbols(record);
    if (!symbols)
        return symbols.error();
    for (int i : order) {
        const LabelElement& e = elements.at(i);
        const QString path = QStringLiteral("$.elements[%1]").arg(i);
        if (e.isSymbol() && e.rotation == 0) {
            const auto it = std::find_if(symbols->begin(), symbols->end(),
                                         [i](const PlacedSymbol& s) { return s.element == i; });
            symbol::RenderOptions render;
            render.moduleMm = e.moduleMm.toMm();
            render.dpi = dpi;
            symbol::ZplOptions zo;
            zo.mode = m_settings.nativeSymbols ? symbol::ZplMode::Native : symbol::ZplMode::Graphic;
            zo.wholeLabel = false;
            zo.originDots = QPoint(int(std::lround((e.x.toMm() + shift.x()) * dpi / 25.4)),
                                   int(std::lround((e.y.toMm() + shift.y()) * dpi / 25.4)));
            zo.qrEcLevel = symbol::qrEcLevelFromName(e.qrEc).value_or(symbol::QrEcLevel::M);
            auto out = symbol::SymbolZplWriter::write(it->matrix, it->content, render, zo);
            if (!out)
                return Error{path, out.error().message, out.error().code};
            z += out->zpl;
            continue;
        }
        if (e.type == LabelElement::Type::Text && (e.printerFont || m_settings.printerFonts) &&
            e.rotation == 0) {
            auto text = MergeTemplate::expand(e.text, record, path + QStringLiteral(".text"));
            if (!text)
                return text.error();
            const QByteArray h = dotsOf(e.fontSizePt * 25.4 / 72);
            const char* just = (e.alignment & Qt::AlignHCenter) ? "C"
                               : (e.alignment & Qt::AlignRight) ? "R"
                                                                : "L";
            const int lines = std::max(1, int(e.height.toMm() / (e.fontSizePt * 25.4 / 72 * 1.2)));
            z += "^FO" + dotsOf(e.x.toMm() + shift.x()) + ',' + dotsOf(e.y.toMm() + shift.y()) +
                 "^A0N," + h + ',' + h + "^FB" + dotsOf(e.width.toMm()) + ',' +
                 QByteArray::number(lines) + ",0," + just + "^FH\\^FD" +
                 escapeFd(text.value()).replace("\n", "\\&") + "^FS\n";
            continue;
        }
        const bool shape = e.type == LabelElement::Type::Rect ||
                           e.type == LabelElement::Type::Line ||
                           e.type == LabelElement::Type::Ellipse;
        if (shape && (e.stroke.alpha() == 0 || e.lineWidth.toMm() <= 0) && e.fill.alpha() == 0)
            continue; // nothing to print
        if ((e.type == LabelElement::Type::Rect || e.type == LabelElement::Type::Line) &&
            e.rotation == 0 && e.fill.alpha() == 0 &&
            (e.type == LabelElement::Type::Rect || e.width.toMm() == 0 || e.height.toMm() == 0)) {
            // Axis-aligned boxes and rules: the printer draws them (^GB), crisp and tiny.
            const double t = e.lineWidth.toMm();
            QRectF r = e.rectMm().normalized();
            if (e.type == LabelElement::Type::Line)
                r = QRectF(r.left() - (r.width() == 0 ? t / 2 : 0),
                           r.top() - (r.height() == 0 ? t / 2 : 0), std::max(r.width(), t),
                           std::max(r.height(), t));
            else
                r.adjust(-t / 2, -t / 2, t / 2, t / 2);
            z += "^FO" + dotsOf(r.left() + shift.x()) + ',' + dotsOf(r.top() + shift.y()) + "^GB" +
                 dotsOf(r.width()) + ',' + dotsOf(r.height()) + ',' +
                 QByteArray::number(std::max<qint64>(1, qint64(std::lround(t * dpi / 25.4)))) +
                 (LabelElement::blackOrWhite(e.stroke) == QColor(Qt::white) ? ",W" : ",B") +
                 ",0^FS\n";
            continue;
        }
        auto raster = rasterElement(i, record, shift);
        if (!raster)
            return raster.error();
        z += raster.value();
    }
    z += "^PQ1\n^XZ\n";
    return z;
}

} // namespace dpp::label
