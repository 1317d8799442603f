// ElementItem: one label element on the designer canvas. It paints through
// the core LabelRenderer (a one-element document), so the canvas shows what
// prints. Dragging the item, its eight resize handles or the rotate handle
// (above the top edge) changes the element live through one undo command per
// drag (consecutive changes of a drag merge).
#pragma once

#include <QGraphicsObject>
#include <QTransform>
#include <label/labeldocument.h>
#include <label/mergerecord.h>

namespace dpp::ui {

class DesignerCanvas;

class ElementItem : public QGraphicsObject
{
    Q_OBJECT
public:
    // The grips of a selected element, in the element's own (unrotated) frame.
    enum class Handle {
        None,
        TopLeft,
        Top,
        TopRight,
        Right,
        BottomRight,
        Bottom,
        BottomLeft,
        Left,
        Rotate
    };

    ElementItem(DesignerCanvas* canvas, int index);

    // Where `handle` sits, in item coordinates (the centre of its square).
    QPointF handleCentre(Handle handle) const;
    // `start` resized by dragging `handle` to `local` (item coordinates of the element
    // as it was at the start of the drag, `toScene` maps them to the label). The handle's
    // opposite corner or edge stays put, also when rotated. Corners change both axes,
    // edges one; `keepAspect` (Shift) keeps the width:height ratio. 2D symbols stay
    // square, as the engine draws them in a square box. Edges snap to the grid when the
    // element is not rotated.
    static label::LabelElement resized(const label::LabelElement& start, Handle handle,
                                       QPointF local, const QTransform& toScene, bool keepAspect,
                                       double gridMm);
    // The angle of the rotate handle dragged to `scenePos`, 0° = straight up. Shift snaps
    // to 15° steps; symbols (2D and linear) always turn in 90° steps, as in BarTender: a
    // barcode at an odd angle has bars between printer dots.
    static double rotationFor(const label::LabelElement& element, QPointF scenePos, bool snap15);

    int index() const { return m_index; }
    const label::LabelElement& element() const { return m_element; }
    // Takes the element as stored and the record it is previewed with.
    void setElement(const label::LabelDocument& document, int index,
                    const label::MergeRecord& record);
    // What the renderer said about this element for the preview record; empty when fine.
    QString renderError() const { return m_error; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    QRectF handleRect(Handle handle) const;
    Handle handleAt(QPointF pos) const;
    QSizeF boxSize() const;

    DesignerCanvas* m_canvas;
    int m_index;
    label::LabelElement m_element;
    label::LabelDocument m_single; // the element alone, at the origin, unrotated
    label::MergeRecord m_record;
    QString m_error;
    Handle m_drag = Handle::None;
    label::LabelElement m_dragStart; // the element as it was when the drag began
    QTransform m_dragToScene;        // item -> scene at the start of the drag
    int m_dragKey = -1;              // merges the drag's changes into one undo step
};

} // namespace dpp::ui
