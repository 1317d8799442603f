#include "winetab.h"

#include "fieldform.h"
#include "jsontableeditor.h"
#include "productdocument.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>
#include <passport/nutritionenergy.h>
#include <passport/winelabel.h>

namespace dpp::ui {

using passport::WineLabel;

WineTab::WineTab(ProductDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_computed(new QLabel(this)),
      m_warning(new QLabel(this))
{
    const QString p = ProductDocument::kPassportPrefix;
    auto* inner = new QWidget;
    auto* layout = new QVBoxLayout(inner);
    auto group = [&](const QString& title, QWidget* content) {
        auto* box = new QGroupBox(title, inner);
        auto* l = new QVBoxLayout(box);
        l->addWidget(content);
        layout->addWidget(box);
        return l;
    };
    auto* hint = new QLabel(tr("The e-label is published as the wine passport. Leave it empty "
                               "until you start it; once started it must be complete to save."),
                            inner);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_forms << new FieldForm(m_document, p, WineLabel::fields());
    group(tr("Wine"), m_forms.last());

    m_ingredients = new JsonTableEditor(m_document, p + QStringLiteral(".ingredients"),
                                        WineLabel::ingredientFields());
    group(tr("Ingredients (in descending order of weight)"), m_ingredients);

    m_forms << new FieldForm(m_document, p + QStringLiteral(".nutrition"),
                             WineLabel::nutritionFields());
    auto* nutrition = group(tr("Nutrition declaration per 100 ml"), m_forms.last());
    m_computed->setObjectName(QStringLiteral("computed_energy"));
    m_warning->setObjectName(QStringLiteral("energy_warning"));
    m_warning->setStyleSheet(QStringLiteral("color: #b26a00;"));
    m_warning->setWordWrap(true);
    nutrition->addWidget(m_computed);
    nutrition->addWidget(m_warning);

    auto* allergenBox = new QWidget;
    auto* grid = new QGridLayout(allergenBox);
    int i = 0;
    for (const QString& code : WineLabel::allergenCodes()) {
        auto* check = new QCheckBox(code, allergenBox);
        check->setObjectName(p + QStringLiteral(".allergens:") + code);
        grid->addWidget(check, i / 5, i % 5);
        ++i;
        m_allergens.insert(code, check);
        connect(check, &QCheckBox::toggled, this, [this, p] {
            QJsonArray codes;
            for (const QString& c : WineLabel::allergenCodes())
                if (m_allergens.value(c)->isChecked())
                    codes.append(c);
            m_document->setValue(p + QStringLiteral(".allergens"),
                                 codes.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                 : QJsonValue(codes));
        });
    }
    group(tr("Allergens"), allergenBox);

    m_forms << new FieldForm(m_document, p + QStringLiteral(".origin"), WineLabel::originFields());
    group(tr("Origin"), m_forms.last());
    m_producers = new JsonTableEditor(m_document, p + QStringLiteral(".producers"),
                                      WineLabel::producerFields());
    group(tr("Producers, bottlers, importers"), m_producers);
    layout->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(inner);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    connect(m_document, &ProductDocument::changed, this, &WineTab::refresh);
    refresh(QString());
}

QHash<QString, QWidget*> WineTab::fields() const
{
    QHash<QString, QWidget*> out;
    for (const FieldForm* f : m_forms)
        out.insert(f->fields());
    out.insert(m_ingredients->path(), m_ingredients->table());
    out.insert(m_producers->path(), m_producers->table());
    if (!m_allergens.isEmpty())
        out.insert(ProductDocument::kPassportPrefix + QStringLiteral(".allergens"),
                   m_allergens.value(WineLabel::allergenCodes().first()));
    return out;
}

void WineTab::refresh(const QString& path)
{
    const QString p = ProductDocument::kPassportPrefix;
    if (!path.isEmpty() && !path.startsWith(p) && path != u"category")
        return;
    const QJsonArray codes = m_document->value(p + QStringLiteral(".allergens")).toArray();
    for (auto it = m_allergens.begin(); it != m_allergens.end(); ++it) {
        const QSignalBlocker block(it.value());
        it.value()->setChecked(codes.contains(it.key()));
    }
    const auto energy = passport::NutritionEnergy::fromWineLabel(m_document->value(p).toObject());
    m_computed->setText(energy ? tr("Computed from the nutrients and alcohol: %1 kJ / %2 kcal")
                                     .arg(qRound(energy->kj))
                                     .arg(qRound(energy->kcal))
                               : QString());
    const QString warning = m_document->energyWarning();
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
}

} // namespace dpp::ui
