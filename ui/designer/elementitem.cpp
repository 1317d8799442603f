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

QSizeF ElementItem::boxSize() const
{
    if (m_resizing)
        return m_resizeSize;
    return {m_element.width.toMm(), m_element.height.toMm()};
}

QRectF ElementItem::handleRect() const
{
    const double h = m_canvas->handleSizeMm();
    const QSizeF s = boxSize();
    return {s.width() - h / 2, s.height() - h / 2, h, h};
}

QRectF ElementItem::rotateHandleRect() const
{
    const double h = m_canvas->handleSizeMm();
    return {boxSize().width() / 2 - h / 2, -2.5 * h, h, h};
}

QRectF ElementItem::boundingRect() const
{
    const double h = m_canvas->handleSizeMm();
    const QSizeF s = boxSize();
    return QRectF(QPointF(0, 0), s).adjusted(-h, -3 * h, h, h);
}

void ElementItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QSizeF s = boxSize();
    const QRectF box(QPointF(0, 0), s);
    if (m_resizing) {
        painter->setPen(QPen(Qt::darkGray, 0, Qt::DashLine));
        painter->drawRect(box);
    } else {
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
            painter->drawRect(handleRect());
            const QRectF r = rotateHandleRect();
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
    if (event->button() == Qt::LeftButton && isSelected() && !m_element.locked &&
        handleRect().contains(event->pos())) {
        m_resizing = true;
        m_resizeSize = boxSize();
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && isSelected() && !m_element.locked &&
        rotateHandleRect().contains(event->pos())) {
        m_rotating = true;
        m_rotateAngle = m_element.rotation;
        event->accept();
        return;
    }
    QGraphicsObject::mousePressEvent(event);
}

void ElementItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_resizing) {
        prepareGeometryChange();
        const double grid = m_canvas->snapper().snapToGrid ? m_canvas->snapper().gridMm : 0.1;
        double w = std::max(grid, std::round(event->pos().x() / grid) * grid);
        double h = std::max(grid, std::round(event->pos().y() / grid) * grid);
        if (m_element.isSymbol()) // 2D symbols are square
            w = h = std::max(w, h);
        m_resizeSize = QSizeF(w, h);
        update();
        return;
    }
    if (m_rotating) {
        // Angle of the mouse around the box centre; 0° = the handle straight up.
        const QPointF c =
            mapToScene(QPointF(m_element.width.toMm() / 2, m_element.height.toMm() / 2));
        const QPointF d = event->scenePos() - c;
        double angle = std::atan2(d.x(), -d.y()) * 180.0 / M_PI;
        // 15° steps, as most label designers; Alt rotates freely.
        if (!(event->modifiers() & Qt::AltModifier))
            angle = std::round(angle / 15.0) * 15.0;
        m_rotateAngle = std::fmod(angle + 360.0, 360.0);
        setRotation(m_rotateAngle);
        return;
    }
    QGraphicsObject::mouseMoveEvent(event);
}

void ElementItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_resizing) {
        m_resizing = false;
        const QSizeF size = m_resizeSize;
        prepareGeometryChange();
        m_canvas->commitResize(m_index, size);
        return;
    }
    if (m_rotating) {
        m_rotating = false;
        m_canvas->commitRotation(m_index, m_rotateAngle);
        return;
    }
    QGraphicsObject::mouseReleaseEvent(event);
    m_canvas->commitMoves();
}

void ElementItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    const bool editable = isSelected() && !m_element.locked;
    if (editable && handleRect().contains(event->pos()))
        setCursor(Qt::SizeFDiagCursor);
    else if (editable && rotateHandleRect().contains(event->pos()))
        setCursor(Qt::CrossCursor);
    else
        setCursor(m_element.locked ? Qt::ArrowCursor : Qt::SizeAllCursor);
    QGraphicsObject::hoverMoveEvent(event);
}

} // namespace dpp::ui
