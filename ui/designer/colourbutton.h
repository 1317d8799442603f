// ColourButton: a swatch in the property panel that opens QColorDialog, plus,
// where the element allows it, "none" (no stroke, no fill). It only reports
// the user's choice; the panel turns it into an undoable edit.
#pragma once

#include <QColor>
#include <QWidget>

class QToolButton;

namespace dpp::ui {

class ColourButton : public QWidget
{
    Q_OBJECT
public:
    explicit ColourButton(bool allowNone, QWidget* parent = nullptr);

    QColor colour() const { return m_colour; }
    // Shows `colour` without reporting it (the panel refreshing).
    void setColour(const QColor& colour);
    QToolButton* swatch() const { return m_swatch; }
    QToolButton* noneButton() const { return m_none; }

Q_SIGNALS:
    // The user chose a colour; transparent = none.
    void colourChosen(const QColor& colour);

private:
    void choose();
    QColor m_colour;
    QToolButton* m_swatch;
    QToolButton* m_none = nullptr;
};

} // namespace dpp::ui
