// ElementItem: one label element on the designer canvas. It paints through
// the core LabelRenderer (a one-element document), so the canvas shows what
// prints; dragging, the resize handle (bottom right), the rotate handle
// (above the top edge, 15° steps) and snapping end in undo commands the
// canvas pushes.
#pragma once

#include <QGraphicsObject>
#include <label/labeldocument.h>
#include <label/mergerecord.h>

namespace dpp::ui {

class DesignerCanvas;

class ElementItem : public QGraphicsObject
{
    Q_OBJECT
public:
    ElementItem(DesignerCanvas* canvas, int index);

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
    QRectF handleRect() const;
    QRectF rotateHandleRect() const;
    QSizeF boxSize() const;

    DesignerCanvas* m_canvas;
    int m_index;
    label::LabelElement m_element;
    label::LabelDocument m_single; // the element alone, at the origin, unrotated
    label::MergeRecord m_record;
    QString m_error;
    bool m_resizing = false;
    bool m_rotating = false;
    double m_rotateAngle = 0;
    QSizeF m_resizeSize;
};

} // namespace dpp::ui
