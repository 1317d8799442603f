#include "ruler.h"

#include "designercanvas.h"

#include <QPainter>
#include <cmath>

namespace dpp::ui {

Ruler::Ruler(Qt::Orientation orientation, DesignerCanvas* canvas, QWidget* parent)
    : QWidget(parent), m_orientation(orientation), m_canvas(canvas)
{
    connect(canvas, &DesignerCanvas::viewChanged, this, qOverload<>(&QWidget::update));
    setSizePolicy(orientation == Qt::Horizontal
                      ? QSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed)
                      : QSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding));
}

void Ruler::setInches(bool inches)
{
    m_inches = inches;
    update();
}

QSize Ruler::sizeHint() const
{
    return {22, 22};
}

void Ruler::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const bool h = m_orientation == Qt::Horizontal;
    // Where scene millimetre 0 is in this ruler's coordinates.
    const QPoint viewOrigin = m_canvas->mapFromScene(QPointF(0, 0));
    const QPoint inCanvas = m_canvas->viewport()->mapTo(parentWidget(), viewOrigin);
    const QPoint here = mapFrom(parentWidget(), inCanvas);
    const double origin = h ? here.x() : here.y();
    const double pxPerMm = m_canvas->pixelsPerMm();
    const double unitMm = m_inches ? 25.4 : 1.0;
    // Minor ticks: mm (or 1/16 in), thinned until at least 4 px apart.
    double minor = m_inches ? unitMm / 16 : unitMm;
    int labelEvery = m_inches ? 16 : 10;
    while (minor * pxPerMm < 4) {
        minor *= 2;
        labelEvery = std::max(1, labelEvery / 2);
    }
    const int length = h ? width() : height();
    const int thick = h ? height() : width();
    p.setPen(palette().color(QPalette::WindowText));
    QFont f = font();
    f.setPointSizeF(7);
    p.setFont(f);
    const long first = long(std::floor(-origin / (minor * pxPerMm)));
    const long last = long(std::ceil((length - origin) / (minor * pxPerMm)));
    for (long i = first; i <= last; ++i) {
        const double at = origin + i * minor * pxPerMm;
        const bool major = i % labelEvery == 0;
        const int tick =
            major ? thick
                  : (i % (labelEvery / 2 ? labelEvery / 2 : 1) == 0 ? thick / 2 : thick / 4);
        if (h)
            p.drawLine(QPointF(at, thick - tick), QPointF(at, thick));
        else
            p.drawLine(QPointF(thick - tick, at), QPointF(thick, at));
        if (major) {
            const QString text = QString::number(i * minor / unitMm);
            if (h) {
                p.drawText(QPointF(at + 2, 9), text);
            } else {
                p.save();
                p.translate(9, at + 2);
                p.rotate(90);
                p.drawText(QPointF(0, 0), text);
                p.restore();
            }
        }
    }
    p.drawLine(h ? QLineF(0, thick - 1, length, thick - 1)
                 : QLineF(thick - 1, 0, thick - 1, length));
}

} // namespace dpp::ui
