#include "batterytab.h"

#include "fieldform.h"
#include "productdocument.h"

#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>
#include <passport/battery.h>

namespace dpp::ui {

using passport::AccessGroup;

BatteryTab::BatteryTab(ProductDocument* document, QWidget* parent) : QWidget(parent)
{
    auto* inner = new QWidget;
    auto* layout = new QVBoxLayout(inner);
    auto* hint = new QLabel(tr("Battery Regulation (EU) 2023/1542 Annex XIII. The access group "
                               "in brackets decides who sees a field in the published "
                               "passport."),
                            inner);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    const QList<std::pair<AccessGroup, QString>> groups = {
        {AccessGroup::Public, tr("Annex XIII (1): publicly accessible")},
        {AccessGroup::LegitimateInterestAndAuthority,
         tr("Annex XIII (2): persons with a legitimate interest and authorities")},
        {AccessGroup::Authority, tr("Annex XIII (3): notified bodies, market surveillance, "
                                    "Commission")},
        {AccessGroup::LegitimateInterest, tr("Annex XIII (4): legitimate interest")},
        {AccessGroup::Internal, tr("Internal (never published)")},
    };
    for (const auto& [group, title] : groups) {
        QList<passport::FieldSpec> specs;
        for (const auto& s : passport::Battery::fields())
            if (s.access == group)
                specs.append(s);
        if (specs.isEmpty())
            continue;
        auto* box = new QGroupBox(title, inner);
        auto* l = new QVBoxLayout(box);
        m_forms << new FieldForm(document, QStringLiteral("battery"), specs, true, box);
        l->addWidget(m_forms.last());
        layout->addWidget(box);
    }
    layout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(inner);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

QHash<QString, QWidget*> BatteryTab::fields() const
{
    QHash<QString, QWidget*> out;
    for (const FieldForm* f : m_forms)
        out.insert(f->fields());
    return out;
}

} // namespace dpp::ui
