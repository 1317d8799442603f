#include "colourbutton.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

namespace dpp::ui {

ColourButton::ColourButton(bool allowNone, QWidget* parent)
    : QWidget(parent), m_swatch(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_swatch->setObjectName(QStringLiteral("swatch"));
    m_swatch->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_swatch, &QToolButton::clicked, this, &ColourButton::choose);
    layout->addWidget(m_swatch);
    if (allowNone) {
        m_none = new QToolButton(this);
        m_none->setObjectName(QStringLiteral("none"));
        m_none->setText(tr("None"));
        m_none->setToolTip(tr("No colour: not drawn"));
        connect(m_none, &QToolButton::clicked, this,
                [this] { Q_EMIT colourChosen(QColor(Qt::transparent)); });
        layout->addWidget(m_none);
    }
    layout->addStretch();
    setColour(Qt::black);
}

void ColourButton::setColour(const QColor& colour)
{
    m_colour = colour;
    QPixmap swatch(16, 16);
    swatch.fill(Qt::transparent);
    QPainter p(&swatch);
    p.setPen(Qt::darkGray);
    if (colour.alpha() == 0) {
        // The usual "no colour" sign: a white box struck through in red.
        p.setBrush(Qt::white);
        p.drawRect(0, 0, 15, 15);
        p.setPen(QPen(Qt::red, 2));
        p.drawLine(1, 14, 14, 1);
    } else {
        p.setBrush(colour);
        p.drawRect(0, 0, 15, 15);
    }
    p.end();
    m_swatch->setIcon(swatch);
    m_swatch->setText(colour.alpha() == 0 ? tr("none") : colour.name());
}

void ColourButton::choose()
{
    QColorDialog dialog(m_colour.alpha() == 0 ? QColor(Qt::black) : m_colour, this);
    dialog.setObjectName(QStringLiteral("colourDialog"));
    // The same dialog everywhere (and in the headless tests).
    dialog.setOption(QColorDialog::DontUseNativeDialog);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QColor c = dialog.selectedColor();
    c.setAlpha(255); // .dpplabel colours are #rrggbb
    Q_EMIT colourChosen(c);
}

} // namespace dpp::ui
