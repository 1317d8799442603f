// DesignerCanvas: the label at true size (scene units are millimetres; 100 %
// zoom maps them through the screen's logical dpi), with grid, snapping,
// selection, keyboard nudging and ctrl+wheel zoom. It shows a
// LabelDesignDocument and turns mouse and key edits into undo commands.
#pragma once

#include <QPointer>

#include "snapper.h"

#include <QGraphicsView>
#include <label/labelelement.h>
#include <label/mergerecord.h>

namespace dpp::ui {

class ElementItem;
class LabelDesignDocument;

class DesignerCanvas : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DesignerCanvas(QWidget* parent = nullptr);
    ~DesignerCanvas() override;

    void setDocument(LabelDesignDocument* document);
    LabelDesignDocument* document() const;
    void setPreviewRecord(const label::MergeRecord& record);
    const label::MergeRecord& previewRecord() const { return m_record; }

    // 1.0 = true size on this screen.
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    void zoomToFit();
    // Device pixels per millimetre at the current zoom.
    double pixelsPerMm() const;

    bool gridVisible() const { return m_gridVisible; }
    void setGridVisible(bool visible);
    Snapper& snapper() { return m_snapper; }

    QList<int> selectedIndexes() const;
    void selectIndexes(const QList<int>& indexes);
    ElementItem* itemAt(int index) const;

    // Used by ElementItem.
    double handleSizeMm() const;
    bool isApplyingDocument() const { return m_applying; }
    QPointF snapPosition(ElementItem* item, const QPointF& proposed);
    void commitMoves();
    // A handle drag's change of element `index`; all changes of one drag (same
    // `mergeKey`, from newDragMergeKey()) are one undo step.
    void dragElement(int index, const label::LabelElement& element, const QString& text,
                     int mergeKey);
    int newDragMergeKey();
    // Moves the selection by (dx, dy) mm as one undo step per run of nudges.
    void nudge(double dxMm, double dyMm);

Q_SIGNALS:
    void selectionChanged(const QList<int>& indexes);
    void viewChanged();
    void zoomChanged(double zoom);

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void refreshItem(int index);
    void updateSceneRect();

    QGraphicsScene m_scene;
    QPointer<LabelDesignDocument> m_document; // owned by the window; may go first
    QList<ElementItem*> m_items;
    label::MergeRecord m_record;
    Snapper m_snapper;
    double m_zoom = 1.0;
    bool m_gridVisible = true;
    bool m_applying = false;
    int m_dragCount = 0;
};

} // namespace dpp::ui
