// Ruler: the millimetre or inch scale along the designer canvas's top or
// left edge; follows the canvas's zoom and scrolling.
#pragma once

#include <QWidget>

namespace dpp::ui {

class DesignerCanvas;

class Ruler : public QWidget
{
    Q_OBJECT
public:
    Ruler(Qt::Orientation orientation, DesignerCanvas* canvas, QWidget* parent = nullptr);

    bool inches() const { return m_inches; }
    void setInches(bool inches);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Qt::Orientation m_orientation;
    DesignerCanvas* m_canvas;
    bool m_inches = false;
};

} // namespace dpp::ui
