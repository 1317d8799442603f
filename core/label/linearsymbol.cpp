#include "linearsymbol.h"

#include <QPainter>
#include <QPainterPath>
#include <memory>
#include <zint.h>

namespace dpp::label {

namespace {
struct ZintDeleter
{
    void operator()(zint_symbol* s) const { ZBarcode_Delete(s); }
};
} // namespace

Result<LinearSymbol> LinearSymbol::encode(LabelElement::LinearType type, const QString& data,
                                          bool humanReadable, const QString& param)
{
    std::unique_ptr<zint_symbol, ZintDeleter> sym(ZBarcode_Create());
    if (!sym)
        return Error{param, QStringLiteral("out of memory"), QStringLiteral("internal")};
    QByteArray input = data.toUtf8();
    switch (type) {
    case LabelElement::LinearType::Ean13:
        sym->symbology = BARCODE_EANX;
        break;
    case LabelElement::LinearType::UpcA:
        sym->symbology = BARCODE_UPCA;
        break;
    case LabelElement::LinearType::Gs1_128: {
        sym->symbology = BARCODE_GS1_128;
        // zint's GS1 input is "[AI]value"; accept the usual bracketed form "(01)…".
        input.replace('(', '[').replace(')', ']');
        break;
    }
    }
    if (type != LabelElement::LinearType::Gs1_128) {
        for (char c : input) {
            if (c < '0' || c > '9')
                return Error{param, QStringLiteral("'%1' must be digits only").arg(data),
                             QStringLiteral("invalid_content")};
        }
    }
    sym->show_hrt = humanReadable ? 1 : 0;
    const int rc = ZBarcode_Encode_and_Buffer_Vector(
        sym.get(), reinterpret_cast<const unsigned char*>(input.constData()), int(input.size()), 0);
    if (rc >= ZINT_ERROR)
        return Error{param, QStringLiteral("'%1': %2").arg(data, QString::fromLatin1(sym->errtxt)),
                     QStringLiteral("invalid_content")};
    LinearSymbol out;
    const zint_vector* v = sym->vector;
    out.size = QSizeF(v->width, v->height);
    out.modules = sym->width > 0 ? double(v->width) / sym->width : 1;
    for (const zint_vector_rect* r = v->rectangles; r; r = r->next)
        out.bars.append(QRectF(r->x, r->y, r->width, r->height));
    for (const zint_vector_string* s = v->strings; s; s = s->next)
        out.texts.append({QPointF(s->x, s->y), s->fsize,
                          QString::fromUtf8(reinterpret_cast<const char*>(s->text), s->length)});
    return out;
}

void LinearSymbol::paint(QPainter& painter, const QRectF& box) const
{
    if (size.isEmpty())
        return;
    painter.save();
    painter.translate(box.topLeft());
    painter.scale(box.width() / size.width(), box.height() / size.height());
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (const QRectF& r : bars)
        painter.drawRect(r);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    for (const Text& t : texts) {
        QFont font(QStringLiteral("DejaVu Sans"));
        // A 100-pixel outline scaled to zint's font size keeps the digits
        // independent of the paint device's dpi.
        font.setPixelSize(100);
        QPainterPath path;
        path.addText(0, 0, font, t.text);
        const QRectF b = path.boundingRect();
        const double s = t.height / 100;
        QTransform tr;
        tr.translate(t.centre.x() - b.center().x() * s, t.centre.y());
        tr.scale(s, s);
        painter.drawPath(tr.map(path));
    }
    painter.restore();
}

} // namespace dpp::label
