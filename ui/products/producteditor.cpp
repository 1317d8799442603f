#include "producteditor.h"

#include "batterytab.h"
#include "compositiontab.h"
#include "documentstab.h"
#include "generaltab.h"
#include "passporttab.h"
#include "productdocument.h"
#include "recordstab.h"
#include "winetab.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dpp::ui {

ProductEditor::ProductEditor(std::shared_ptr<store::Database> db, const QString& tenantId,
                             const QString& productId, const QString& resolverBase, QWidget* parent)
    : QWidget(parent), m_document(new ProductDocument(std::move(db), tenantId, this)),
      m_tabs(new QTabWidget(this)), m_errors(new QListWidget(this)),
      m_save(new QPushButton(tr("&Save"), this)), m_saveMessage(new QLabel(this))
{
    m_saveMessage->setObjectName(QStringLiteral("save_message"));
    m_document->setPublicBase(resolverBase);
    m_saveMessage->setWordWrap(true);
    if (!productId.isEmpty())
        if (const Status s = m_document->load(productId); !s.ok())
            m_loadError = s.error().message;
    m_general = new GeneralTab(m_document, resolverBase);
    m_wine = new WineTab(m_document);
    m_battery = new BatteryTab(m_document);
    m_composition = new CompositionTab(m_document);
    m_documents = new DocumentsTab(m_document);
    m_records = new RecordsTab(m_document);
    m_passport = new PassportTab(m_document);
    m_tabs->addTab(m_general, tr("&General"));
    m_tabs->addTab(m_wine, tr("&Wine e-label"));
    m_tabs->addTab(m_battery, tr("&Battery"));
    m_tabs->addTab(m_composition, tr("&Composition"));
    m_tabs->addTab(m_documents, tr("&Documents"));
    m_tabs->addTab(m_records, tr("&Records"));
    m_tabs->addTab(m_passport, tr("&Passport"));
    m_fields.insert(m_general->fields());
    m_fields.insert(m_wine->fields());
    m_fields.insert(m_battery->fields());
    m_fields.insert(m_composition->fields());

    m_errors->setObjectName(QStringLiteral("errors"));
    m_errors->setMaximumHeight(110);
    m_save->setObjectName(QStringLiteral("save"));
    // Ctrl+S is File ▸ Save product; a second shortcut here would make both ambiguous.
    connect(m_save, &QPushButton::clicked, this, &ProductEditor::save);
    connect(m_errors, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { focusField(item->data(Qt::UserRole).toString()); });
    connect(m_errors, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { focusField(item->data(Qt::UserRole).toString()); });
    connect(m_document, &ProductDocument::errorsChanged, this, &ProductEditor::updateErrors);
    connect(m_document, &ProductDocument::changed, this, [this](const QString& path) {
        if (path.isEmpty() || path == u"category" || path.startsWith(u"passport"))
            updateTabs();
        if (path.isEmpty() || path == u"name" || path == u"gtin")
            Q_EMIT titleChanged();
    });
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &ProductEditor::titleChanged);

    auto* bottom = new QHBoxLayout;
    auto* fixBox = new QVBoxLayout;
    m_fixLabel = new QLabel(tr("To fix before saving:"), this);
    fixBox->addWidget(m_fixLabel);
    fixBox->addWidget(m_errors);
    fixBox->addWidget(m_saveMessage);
    bottom->addLayout(fixBox, 1);
    bottom->addWidget(m_save, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    if (!m_loadError.isEmpty()) {
        auto* error = new QLabel(tr("Cannot open the product: %1").arg(m_loadError), this);
        error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
        layout->addWidget(error);
    }
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);
    updateErrors();
    updateTabs();
}

QString ProductEditor::title() const
{
    const QJsonObject names = m_document->value(QStringLiteral("name")).toObject();
    QString name = names.value(QStringLiteral("en")).toString();
    if (name.isEmpty() && !names.isEmpty())
        name = names.begin().value().toString();
    if (name.isEmpty())
        name = m_document->isNew() ? tr("New product")
                                   : m_document->value(QStringLiteral("gtin")).toString();
    return m_document->isModified() ? name + QStringLiteral(" *") : name;
}

void ProductEditor::updateTabs()
{
    // The e-label applies to wine; a product that already carries one keeps the
    // tab so the data is never hidden.
    const bool wine = m_document->value(QStringLiteral("category")).toString() == u"wine" ||
                      !m_document->value(ProductDocument::kPassportPrefix).toObject().isEmpty();
    m_tabs->setTabEnabled(m_tabs->indexOf(m_wine), wine);
}

void ProductEditor::updateErrors()
{
    m_errors->clear();
    for (const auto& e : m_document->errors()) {
        auto* item =
            new QListWidgetItem(QStringLiteral("%1: %2").arg(e.param, e.message), m_errors);
        item->setData(Qt::UserRole, e.param);
    }
    // The list takes room only while there is something to fix.
    m_errors->setVisible(m_errors->count() > 0);
    m_fixLabel->setVisible(m_errors->count() > 0);
    m_save->setEnabled(m_document->errors().isEmpty());
    m_save->setToolTip(m_document->errors().isEmpty() ? QString()
                                                      : tr("%n problem(s) to fix first", nullptr,
                                                           int(m_document->errors().size())));
}

QWidget* ProductEditor::fieldFor(const QString& param) const
{
    // "materials[2].percentage" is shown by the materials table; "battery.x.y" by "battery.x".
    QString p = param;
    p.remove(QRegularExpression(QStringLiteral("\\[\\d+\\].*$")));
    while (!p.isEmpty()) {
        if (QWidget* w = m_fields.value(p))
            return w;
        const qsizetype dot = p.lastIndexOf(u'.');
        if (dot < 0)
            break;
        p = p.left(dot);
    }
    return nullptr;
}

void ProductEditor::focusField(const QString& param)
{
    QWidget* field = fieldFor(param);
    if (!field)
        return;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->isAncestorOf(field)) {
            m_tabs->setTabEnabled(i, true);
            m_tabs->setCurrentIndex(i);
        }
    // Select the row an indexed error names ("materials[2].name" -> row 3).
    static const QRegularExpression row(QStringLiteral("\\[(\\d+)\\]"));
    if (auto* table = qobject_cast<QTableWidget*>(field)) {
        const auto m = row.match(param);
        if (m.hasMatch())
            table->selectRow(m.captured(1).toInt());
    }
    field->setFocus(Qt::OtherFocusReason);
}

bool ProductEditor::save()
{
    const Status s = m_document->save();
    if (!s.ok()) {
        // Errors the validator cannot know beforehand (duplicate GTIN, store offline).
        // Shown inline, not in a modal box: the user fixes it in the form next to it.
        m_saveMessage->setText(tr("Not saved: %1: %2").arg(s.error().param, s.error().message));
        focusField(s.error().param);
        return false;
    }
    m_saveMessage->setText(tr("Saved."));
    Q_EMIT productSaved(m_document->productId());
    Q_EMIT titleChanged();
    return true;
}

} // namespace dpp::ui
