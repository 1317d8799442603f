#include "elementitem.h"

#include "designercanvas.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>
#include <label/labelrenderer.h>

namespace dpp::ui {

ElementItem::ElementItem(DesignerCanvas* canvas, int index) : m_canvas(canvas), m_index(index)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    // Symbols are re-encoded on every paint; the cache keeps scrolling cheap.
    setCacheMode(DeviceCoordinateCache);
}

void ElementItem::setElement(const label::LabelDocument& document, int index,
                             const label::MergeRecord& record)
{
    prepareGeometryChange();
    m_index = index;
    m_element = document.elements.at(index);
    m_record = record;
    m_single = document;
    m_single.calibration.offsetX = label::Distance();
    m_single.calibration.offsetY = label::Distance();
    label::LabelElement local = m_element;
    local.x = label::Distance();
    local.y = label::Distance();
    local.rotation = 0; // the item rotates; the renderer draws upright
    m_single.elements = {local};
    m_error.clear();
    auto symbols = label::LabelRenderer(m_single).symbols(record);
    if (!symbols)
        m_error = symbols.error().message;
    setFlag(ItemIsMovable, !m_element.locked);
    setPos(m_element.x.toMm(), m_element.y.toMm());
    setTransformOriginPoint(m_element.width.toMm() / 2, m_element.height.toMm() / 2);
    setRotation(m_element.rotation);
    setZValue(m_element.z);
    update();
}

namespace {
using Handle = ElementItem::Handle;
constexpr Handle kResizeHandles[] = {Handle::TopLeft,    Handle::Top,         Handle::TopRight,
                                     Handle::Right,      Handle::BottomRight, Handle::Bottom,
                                     Handle::BottomLeft, Handle::Left};
// -1: the handle moves the left (top) edge, 1: the right (bottom) edge, 0: neither.
int handleX(Handle h)
{
    switch (h) {
    case Handle::TopLeft:
    case Handle::BottomLeft:
    case Handle::Left:
        return -1;
    case Handle::TopRight:
    case Handle::Right:
    case Handle::BottomRight:
        return 1;
    default:
        return 0;
    }
}
int handleY(Handle h)
{
    switch (h) {
    case Handle::TopLeft:
    case Handle::Top:
    case Handle::TopRight:
        return -1;
    case Handle::BottomLeft:
    case Handle::Bottom:
    case Handle::BottomRight:
        return 1;
    default:
        return 0;
    }
}
double roundMm(double v)
{
    return std::round(v * 1000) / 1000;
}
} // namespace

QSizeF ElementItem::boxSize() const
{
    return {m_element.width.toMm(), m_element.height.toMm()};
}

QPointF ElementItem::handleCentre(Handle handle) const
{
    const QSizeF s = boxSize();
    if (handle == Handle::Rotate)
        return {s.width() / 2, -2 * m_canvas->handleSizeMm()};
    return {(handleX(handle) + 1) / 2.0 * s.width(), (handleY(handle) + 1) / 2.0 * s.height()};
}

QRectF ElementItem::handleRect(Handle handle) const
{
    const double h = m_canvas->handleSizeMm();
    const QPointF c = handleCentre(handle);
    return {c.x() - h / 2, c.y() - h / 2, h, h};
}

ElementItem::Handle ElementItem::handleAt(QPointF pos) const
{
    if (!isSelected() || m_element.locked)
        return Handle::None;
    if (handleRect(Handle::Rotate).contains(pos))
        return Handle::Rotate;
    for (Handle h : kResizeHandles)
        if (handleRect(h).contains(pos))
            return h;
    return Handle::None;
}

label::LabelElement ElementItem::resized(const label::LabelElement& start, Handle handle,
                                         QPointF local, const QTransform& toScene, bool keepAspect,
                                         double gridMm)
{
    const double w0 = start.width.toMm(), h0 = start.height.toMm();
    const int hx = handleX(handle), hy = handleY(handle);
    // A line's box may run backwards (its end left of or above its start): no clamping.
    const bool line = start.type == label::LabelElement::Type::Line;
    const double minSize = 0.5;
    const bool grid = gridMm > 0 && start.rotation == 0;
    auto snapX = [&](double v) {
        return grid ? std::round((start.x.toMm() + v) / gridMm) * gridMm - start.x.toMm()
                    : std::round(v * 10) / 10;
    };
    auto snapY = [&](double v) {
        return grid ? std::round((start.y.toMm() + v) / gridMm) * gridMm - start.y.toMm()
                    : std::round(v * 10) / 10;
    };
    double left = 0, top = 0, right = w0, bottom = h0;
    if (hx > 0)
        right = line ? snapX(local.x()) : std::max(left + minSize, snapX(local.x()));
    else if (hx < 0)
        left = line ? snapX(local.x()) : std::min(right - minSize, snapX(local.x()));
    if (hy > 0)
        bottom = line ? snapY(local.y()) : std::max(top + minSize, snapY(local.y()));
    else if (hy < 0)
        top = line ? snapY(local.y()) : std::min(bottom - minSize, snapY(local.y()));
    const bool square = start.isSymbol();
    if ((square || keepAspect) && !line && w0 > 0 && h0 > 0) {
        const double ratio = square ? 1.0 : w0 / h0;
        double w = right - left, h = bottom - top;
        if (hx != 0 && hy != 0) {
            // A corner: the axis dragged further wins, the opposite corner stays.
            if (w / w0 >= h / h0)
                h = w / ratio;
            else
                w = h * ratio;
            if (hx < 0)
                left = right - w;
            else
                right = left + w;
            if (hy < 0)
                top = bottom - h;
            else
                bottom = top + h;
        } else if (hx != 0) {
            // An edge: the other axis follows about its centre.
            h = w / ratio;
            const double cy = (top + bottom) / 2;
            top = cy - h / 2;
            bottom = cy + h / 2;
        } else if (hy != 0) {
            w = h * ratio;
            const double cx = (left + right) / 2;
            left = cx - w / 2;
            right = cx + w / 2;
        }
    }
    label::LabelElement e = start;
    const double w = right - left, h = bottom - top;
    e.width = label::Distance::mm(roundMm(w));
    e.height = label::Distance::mm(roundMm(h));
    // The element turns about its box centre: place the new box so that its centre is
    // where the dragged box's centre is on the label; then the fixed side stays put.
    const QPointF centre = toScene.map(QPointF((left + right) / 2, (top + bottom) / 2));
    e.x = label::Distance::mm(roundMm(centre.x() - w / 2));
    e.y = label::Distance::mm(roundMm(centre.y() - h / 2));
    return e;
}

double ElementItem::rotationFor(const label::LabelElement& element, QPointF scenePos, bool snap15)
{
    const QPointF d = scenePos - element.rectMm().center();
    double angle = std::atan2(d.x(), -d.y()) * 180.0 / M_PI;
    const bool barcode = element.isSymbol() || element.type == label::LabelElement::Type::Linear;
    const double step = barcode ? 90.0 : snap15 ? 15.0 : 0.0;
    angle = step > 0 ? std::round(angle / step) * step : std::round(angle * 10) / 10;
    angle = std::fmod(angle + 360.0, 360.0);
    return angle == 360.0 ? 0.0 : angle;
}

QRectF ElementItem::boundingRect() const
{
    const double h = m_canvas->handleSizeMm();
    const QRectF box = QRectF(QPointF(0, 0), boxSize()).normalized();
    return box.adjusted(-h, -3 * h, h, h);
}

void ElementItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QSizeF s = boxSize();
    const QRectF box(QPointF(0, 0), s);
    label::LabelRenderer renderer(m_single);
    const Status painted = renderer.paint(*painter, m_record);
    if (!painted) {
        // Unresolvable content: a hatched box, the reason in the warnings panel.
        painter->setPen(QPen(Qt::red, 0));
        painter->setBrush(QBrush(QColor(255, 0, 0, 40), Qt::BDiagPattern));
        painter->drawRect(box);
        if (m_error.isEmpty())
            m_error = painted.error().message;
    }
    if (m_element.locked) {
        painter->setPen(QPen(QColor(120, 120, 120), 0, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box);
    }
    if (isSelected()) {
        painter->setPen(QPen(QColor(0, 120, 215), 0, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box);
        if (!m_element.locked) {
            painter->setPen(QPen(QColor(0, 120, 215), 0));
            painter->setBrush(Qt::white);
            for (Handle h : kResizeHandles)
                painter->drawRect(handleRect(h));
            const QRectF r = handleRect(Handle::Rotate);
            painter->drawLine(QPointF(r.center().x(), r.bottom()), QPointF(r.center().x(), 0));
            painter->drawEllipse(r);
        }
    }
}

QVariant ElementItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionChange && scene() && !m_canvas->isApplyingDocument())
        return m_canvas->snapPosition(this, value.toPointF());
    return QGraphicsObject::itemChange(change, value);
}

void ElementItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    const Handle h = event->button() == Qt::LeftButton ? handleAt(event->pos()) : Handle::None;
    if (h != Handle::None) {
        m_drag = h;
        m_dragStart = m_element;
        m_dragToScene = sceneTransform();
        m_dragKey = m_canvas->newDragMergeKey();
        event->accept();
        return;
    }
    QGraphicsObject::mousePressEvent(event);
}

void ElementItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_drag == Handle::Rotate) {
        label::LabelElement e = m_dragStart;
        e.rotation =
            rotationFor(m_dragStart, event->scenePos(), event->modifiers() & Qt::ShiftModifier);
        m_canvas->dragElement(m_index, e, tr("Rotate"), m_dragKey);
        return;
    }
    if (m_drag != Handle::None) {
        // In the frame of the element as it was at the start of the drag: the item
        // itself moves under the mouse while the drag changes it.
        const QPointF local = m_dragToScene.inverted().map(event->scenePos());
        const double grid = m_canvas->snapper().snapToGrid ? m_canvas->snapper().gridMm : 0;
        const label::LabelElement e = resized(m_dragStart, m_drag, local, m_dragToScene,
                                              event->modifiers() & Qt::ShiftModifier, grid);
        m_canvas->dragElement(m_index, e, tr("Resize"), m_dragKey);
        return;
    }
    QGraphicsObject::mouseMoveEvent(event);
}

void ElementItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_drag != Handle::None) {
        m_drag = Handle::None;
        event->accept();
        return;
    }
    QGraphicsObject::mouseReleaseEvent(event);
    m_canvas->commitMoves();
}

void ElementItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    // The cursor shows the axis a handle changes, turned with the element.
    static const Qt::CursorShape kShapes[] = {Qt::SizeVerCursor, Qt::SizeBDiagCursor,
                                              Qt::SizeHorCursor, Qt::SizeFDiagCursor};
    const Handle h = handleAt(event->pos());
    if (h == Handle::Rotate) {
        setCursor(Qt::CrossCursor);
    } else if (h != Handle::None) {
        const double base = std::atan2(double(handleX(h)), double(-handleY(h))) * 180.0 / M_PI;
        const int octant = int(std::lround((base + rotation()) / 45.0)) & 3;
        setCursor(kShapes[octant]);
    } else {
        setCursor(m_element.locked ? Qt::ArrowCursor : Qt::SizeAllCursor);
    }
    QGraphicsObject::hoverMoveEvent(event);
}

} // namespace dpp::ui
