#include "designercanvas.h"

#include "elementitem.h"
#include "labeldesigndocument.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <utility>

namespace dpp::ui {

namespace {
constexpr int kNudgeMergeKey = 1;
constexpr int kFirstDragMergeKey = 1 << 20;
} // namespace

DesignerCanvas::DesignerCanvas(QWidget* parent) : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("designerCanvas"));
    setScene(&m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setFocusPolicy(Qt::StrongFocus);
    // Not while items are being replaced: rebuild() reports the selection once done.
    connect(&m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        if (!m_applying)
            Q_EMIT selectionChanged(selectedIndexes());
    });
    setZoom(1.0);
}

DesignerCanvas::~DesignerCanvas()
{
    // The scene deletes the items after this body; a selected item going away
    // would report a selection change over items already freed.
    disconnect(&m_scene, nullptr, this, nullptr);
    m_items.clear();
}

void DesignerCanvas::setDocument(LabelDesignDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    connect(document, &LabelDesignDocument::elementsReset, this, &DesignerCanvas::rebuild);
    connect(document, &LabelDesignDocument::elementChanged, this, &DesignerCanvas::refreshItem);
    rebuild();
    updateSceneRect();
}

LabelDesignDocument* DesignerCanvas::document() const
{
    return m_document;
}

void DesignerCanvas::setPreviewRecord(const label::MergeRecord& record)
{
    if (record.values == m_record.values)
        return; // rebuilding drops and re-creates every item: only when it shows
    m_record = record;
    if (m_document)
        rebuild();
}

double DesignerCanvas::pixelsPerMm() const
{
    return m_zoom * logicalDpiX() / 25.4;
}

void DesignerCanvas::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.1, 40.0);
    resetTransform();
    const double s = pixelsPerMm();
    scale(s, s);
    Q_EMIT zoomChanged(m_zoom);
    Q_EMIT viewChanged();
}

void DesignerCanvas::zoomToFit()
{
    if (!m_document)
        return;
    const auto& doc = m_document->document();
    const double w = doc.labelWidthMm() + 10, h = doc.labelHeightMm() + 10;
    const double base = logicalDpiX() / 25.4;
    const double zx = viewport()->width() / (w * base);
    const double zy = viewport()->height() / (h * base);
    setZoom(std::min(zx, zy));
    centerOn(doc.labelWidthMm() / 2, doc.labelHeightMm() / 2);
}

void DesignerCanvas::setGridVisible(bool visible)
{
    m_gridVisible = visible;
    viewport()->update();
}

void DesignerCanvas::updateSceneRect()
{
    if (!m_document)
        return;
    const auto& doc = m_document->document();
    // Room around the label so elements can be parked outside and dragged back.
    m_scene.setSceneRect(-20, -20, doc.labelWidthMm() + 40, doc.labelHeightMm() + 40);
}

void DesignerCanvas::rebuild()
{
    const QList<int> selected = selectedIndexes();
    m_applying = true;
    // Out of m_items before they go: removing a selected item signals synchronously.
    const QList<ElementItem*> old = std::exchange(m_items, {});
    for (ElementItem* item : old) {
        m_scene.removeItem(item);
        delete item;
    }
    if (m_document) {
        for (int i = 0; i < m_document->count(); ++i) {
            auto* item = new ElementItem(this, i);
            item->setElement(m_document->document(), i, m_record);
            m_scene.addItem(item);
            m_items.append(item);
        }
    }
    m_applying = false;
    QList<int> keep;
    for (int i : selected) {
        if (i < m_items.size())
            keep.append(i);
    }
    selectIndexes(keep);
    Q_EMIT selectionChanged(selectedIndexes());
}

void DesignerCanvas::refreshItem(int index)
{
    if (index < 0 || index >= m_items.size())
        return;
    m_applying = true;
    m_items.at(index)->setElement(m_document->document(), index, m_record);
    m_applying = false;
    Q_EMIT selectionChanged(selectedIndexes());
}

QList<int> DesignerCanvas::selectedIndexes() const
{
    QList<int> out;
    for (ElementItem* item : m_items) {
        if (item->isSelected())
            out.append(item->index());
    }
    return out;
}

void DesignerCanvas::selectIndexes(const QList<int>& indexes)
{
    const QSignalBlocker block(&m_scene);
    m_scene.clearSelection();
    for (int i : indexes) {
        if (i >= 0 && i < m_items.size())
            m_items.at(i)->setSelected(true);
    }
    Q_EMIT selectionChanged(selectedIndexes());
}

ElementItem* DesignerCanvas::itemAt(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

double DesignerCanvas::handleSizeMm() const
{
    return 8.0 / pixelsPerMm(); // 8 screen pixels whatever the zoom
}

QPointF DesignerCanvas::snapPosition(ElementItem* item, const QPointF& proposed)
{
    // Several selected items move together by the mouse's delta: snapping each
    // alone would pull them apart, so only a single dragged element snaps.
    if (m_scene.selectedItems().size() > 1)
        return proposed;
    QList<QRectF> others;
    for (ElementItem* other : std::as_const(m_items)) {
        if (other != item)
            others.append(other->element().rectMm());
    }
    // The label's own edges and centre lines count as targets too.
    const auto& doc = m_document->document();
    others.append(QRectF(0, 0, doc.labelWidthMm(), doc.labelHeightMm()));
    Snapper s = m_snapper;
    s.thresholdMm = std::max(0.2, 6.0 / pixelsPerMm());
    const QRectF moving(proposed, item->element().rectMm().size());
    return s.snap(moving, others);
}

void DesignerCanvas::commitMoves()
{
    if (!m_document)
        return;
    QList<int> indexes;
    QList<label::LabelElement> after;
    for (ElementItem* item : std::as_const(m_items)) {
        label::LabelElement e = item->element();
        const QPointF p = item->pos();
        if (std::abs(p.x() - e.x.toMm()) < 1e-9 && std::abs(p.y() - e.y.toMm()) < 1e-9)
            continue;
        e.x = label::Distance::mm(std::round(p.x() * 1000) / 1000);
        e.y = label::Distance::mm(std::round(p.y() * 1000) / 1000);
        indexes.append(item->index());
        after.append(e);
    }
    m_document->changeElements(indexes, after, tr("Move"));
}

void DesignerCanvas::dragElement(int index, const label::LabelElement& element, const QString& text,
                                 int mergeKey)
{
    if (m_document)
        m_document->changeElement(index, element, text, mergeKey);
}

int DesignerCanvas::newDragMergeKey()
{
    // Above every fixed key (nudge, property panel): each drag gets its own.
    return kFirstDragMergeKey + (m_dragCount++ % 1000000);
}

void DesignerCanvas::nudge(double dxMm, double dyMm)
{
    QList<int> indexes;
    QList<label::LabelElement> after;
    for (int i : selectedIndexes()) {
        label::LabelElement e = m_document->element(i);
        if (e.locked)
            continue;
        e.x = e.x + label::Distance::mm(dxMm);
        e.y = e.y + label::Distance::mm(dyMm);
        indexes.append(i);
        after.append(e);
    }
    m_document->changeElements(indexes, after, tr("Nudge"), kNudgeMergeKey);
}

void DesignerCanvas::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, palette().color(QPalette::Dark));
    if (!m_document)
        return;
    const auto& doc = m_document->document();
    const QRectF label(0, 0, doc.labelWidthMm(), doc.labelHeightMm());
    const double r = doc.stock.cornerRadius.toMm();
    painter->setPen(QPen(Qt::black, 0));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(label, r, r);
    if (!m_gridVisible || m_snapper.gridMm <= 0)
        return;
    // Skip grid lines that would be closer than 6 pixels: a grey wash helps nobody.
    double step = m_snapper.gridMm;
    while (step * pixelsPerMm() < 6)
        step *= 5;
    painter->setPen(QPen(QColor(0, 0, 0, 28), 0));
    for (double x = step; x < label.width(); x += step)
        painter->drawLine(QPointF(x, 0), QPointF(x, label.height()));
    for (double y = step; y < label.height(); y += step)
        painter->drawLine(QPointF(0, y), QPointF(label.width(), y));
}

void DesignerCanvas::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        setZoom(m_zoom * std::pow(1.2, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DesignerCanvas::keyPressEvent(QKeyEvent* event)
{
    // 0.5 mm per press, ×10 with shift: fine enough for a 203 dpi printer's
    // 0.125 mm dot after a few presses, fast enough to cross a label.
    const double step = (event->modifiers() & Qt::ShiftModifier) ? 5.0 : 0.5;
    switch (event->key()) {
    case Qt::Key_Left:
        nudge(-step, 0);
        break;
    case Qt::Key_Right:
        nudge(step, 0);
        break;
    case Qt::Key_Up:
        nudge(0, -step);
        break;
    case Qt::Key_Down:
        nudge(0, step);
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void DesignerCanvas::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    Q_EMIT viewChanged();
}

void DesignerCanvas::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    Q_EMIT viewChanged();
}

} // namespace dpp::ui
