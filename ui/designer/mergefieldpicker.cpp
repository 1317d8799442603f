#include "mergefieldpicker.h"

#include <QMenu>
#include <label/mergetemplate.h>

namespace dpp::ui {

MergeFieldPicker::MergeFieldPicker(QWidget* parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("mergeFieldPicker"));
    setText(tr("Insert field"));
    setToolTip(tr("Insert a merge field such as {{serial}} at the cursor"));
    setPopupMode(QToolButton::InstantPopup);
    setMenu(new QMenu(this));
    rebuildMenu();
}

void MergeFieldPicker::setExtraFields(const QStringList& fields)
{
    m_extra = fields;
    rebuildMenu();
}

QStringList MergeFieldPicker::fields() const
{
    QStringList out = label::MergeTemplate::fieldCatalogue();
    for (const QString& f : m_extra) {
        if (!out.contains(f))
            out.append(f);
    }
    return out;
}

void MergeFieldPicker::choose(const QString& field)
{
    Q_EMIT placeholderChosen(QStringLiteral("{{") + field + QStringLiteral("}}"));
}

void MergeFieldPicker::rebuildMenu()
{
    menu()->clear();
    for (const QString& field : fields()) {
        QAction* a = menu()->addAction(field);
        a->setObjectName(QStringLiteral("field_") + field);
        connect(a, &QAction::triggered, this, [this, field] { choose(field); });
    }
}

} // namespace dpp::ui
