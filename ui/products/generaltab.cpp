#include "generaltab.h"

#include "fielddecoration.h"
#include "fieldform.h"
#include "productdocument.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>
#include <gs1/digitallink.h>
#include <gs1/gtin.h>
#include <passport/product.h>

namespace dpp::ui {

GeneralTab::GeneralTab(ProductDocument* document, QString resolverBase, QWidget* parent)
    : QWidget(parent), m_document(document), m_resolverBase(std::move(resolverBase)),
      m_names(new QTableWidget(0, 2, this)), m_namesMessage(new QLabel(this)),
      m_gtin(new QLineEdit(this)), m_gtinFeedback(new QLabel(this)), m_link(new QLabel(this))
{
    m_names->setObjectName(QStringLiteral("name"));
    m_names->setHorizontalHeaderLabels({tr("Language"), tr("Name")});
    m_names->horizontalHeader()->setStretchLastSection(true);
    m_names->setMaximumHeight(140);
    m_namesMessage->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_namesMessage->hide();
    auto* addName = new QPushButton(tr("Add &language"), this);
    auto* removeName = new QPushButton(tr("Remove language"), this);
    connect(addName, &QPushButton::clicked, this, [this] {
        m_refreshing = true;
        m_names->insertRow(m_names->rowCount());
        m_names->setItem(m_names->rowCount() - 1, 0, new QTableWidgetItem);
        m_names->setItem(m_names->rowCount() - 1, 1, new QTableWidgetItem);
        m_refreshing = false;
        m_names->setCurrentCell(m_names->rowCount() - 1, 0);
        m_names->editItem(m_names->item(m_names->rowCount() - 1, 0));
    });
    connect(removeName, &QPushButton::clicked, this, [this] {
        if (m_names->currentRow() >= 0) {
            m_names->removeRow(m_names->currentRow());
            namesEdited();
        }
    });
    connect(m_names, &QTableWidget::cellChanged, this, [this] {
        if (!m_refreshing)
            namesEdited();
    });

    m_gtin->setObjectName(QStringLiteral("gtin"));
    m_gtin->setPlaceholderText(tr("GTIN-8, -12, -13 or -14"));
    m_gtin->setMaxLength(18);
    m_gtinFeedback->setObjectName(QStringLiteral("gtin:error"));
    m_gtinFeedback->setWordWrap(true);
    m_link->setObjectName(QStringLiteral("digital_link"));
    m_link->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_gtin, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_document->setValue(QStringLiteral("gtin"),
                             text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                      : QJsonValue(text.trimmed()),
                             true);
    });

    QList<passport::FieldSpec> specs;
    static const QStringList own = {"id", "gtin", "status", "created_at", "updated_at"};
    for (const auto& s : passport::Product::fields())
        if (!own.contains(s.key))
            specs.append(s);
    m_form = new FieldForm(m_document, QString(), specs, false, this);

    auto* top = new QFormLayout;
    auto* namesBox = new QVBoxLayout;
    namesBox->addWidget(m_names);
    namesBox->addWidget(m_namesMessage);
    auto* nameButtons = new QHBoxLayout;
    nameButtons->addWidget(addName);
    nameButtons->addWidget(removeName);
    nameButtons->addStretch();
    namesBox->addLayout(nameButtons);
    top->addRow(tr("Name"), namesBox);
    auto* gtinBox = new QVBoxLayout;
    gtinBox->addWidget(m_gtin);
    gtinBox->addWidget(m_gtinFeedback);
    top->addRow(tr("GTIN"), gtinBox);
    top->addRow(tr("Digital Link"), m_link);

    auto* inner = new QWidget;
    auto* innerLayout = new QVBoxLayout(inner);
    innerLayout->addLayout(top);
    innerLayout->addWidget(m_form);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(inner);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_document, &ProductDocument::changed, this, &GeneralTab::refresh);
    connect(m_document, &ProductDocument::errorsChanged, this, &GeneralTab::showErrors);
    refresh(QString());
    showErrors();
}

QHash<QString, QWidget*> GeneralTab::fields() const
{
    QHash<QString, QWidget*> out = m_form->fields();
    out.insert(QStringLiteral("gtin"), m_gtin);
    out.insert(QStringLiteral("name"), m_names);
    return out;
}

void GeneralTab::setName(const QString& language, const QString& text)
{
    for (int r = 0; r < m_names->rowCount(); ++r)
        if (m_names->item(r, 0) && m_names->item(r, 0)->text() == language) {
            m_names->item(r, 1)->setText(text);
            return;
        }
    m_refreshing = true;
    const int r = m_names->rowCount();
    m_names->insertRow(r);
    m_names->setItem(r, 0, new QTableWidgetItem(language));
    m_names->setItem(r, 1, new QTableWidgetItem);
    m_refreshing = false;
    m_names->item(r, 1)->setText(text);
}

void GeneralTab::namesEdited()
{
    QJsonObject names;
    for (int r = 0; r < m_names->rowCount(); ++r) {
        const QString lang =
            m_names->item(r, 0) ? m_names->item(r, 0)->text().trimmed() : QString();
        const QString text = m_names->item(r, 1) ? m_names->item(r, 1)->text() : QString();
        if (lang.isEmpty() && text.isEmpty())
            continue;
        names.insert(lang, text);
    }
    m_document->setValue(QStringLiteral("name"),
                         names.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(names),
                         true);
}

void GeneralTab::refresh(const QString& path)
{
    if (path.isEmpty() || path == u"name") {
        const QJsonObject names = m_document->value(QStringLiteral("name")).toObject();
        // Rebuild only when the table says something else (undo, load), so the
        // row being typed in keeps its place and focus.
        QJsonObject shown;
        for (int r = 0; r < m_names->rowCount(); ++r)
            if (m_names->item(r, 0) && !m_names->item(r, 0)->text().trimmed().isEmpty())
                shown.insert(m_names->item(r, 0)->text().trimmed(),
                             m_names->item(r, 1) ? m_names->item(r, 1)->text() : QString());
        if (shown != names) {
            m_refreshing = true;
            m_names->setRowCount(0);
            for (auto it = names.begin(); it != names.end(); ++it) {
                const int r = m_names->rowCount();
                m_names->insertRow(r);
                m_names->setItem(r, 0, new QTableWidgetItem(it.key()));
                m_names->setItem(r, 1, new QTableWidgetItem(it.value().toString()));
            }
            m_refreshing = false;
        }
    }
    if (path.isEmpty() || path == u"gtin") {
        const QString gtin = m_document->value(QStringLiteral("gtin")).toString();
        if (m_gtin->text().trimmed() != gtin) {
            const QSignalBlocker block(m_gtin);
            m_gtin->setText(gtin);
        }
        // The GTIN names the product everywhere (URLs, labels); like the API, an
        // existing product keeps its GTIN.
        m_gtin->setReadOnly(!m_document->isNew());
        updateGtinFeedback();
    }
}

void GeneralTab::updateGtinFeedback()
{
    const QString text = m_gtin->text().trimmed();
    if (text.isEmpty()) {
        m_gtinFeedback->clear();
        m_link->clear();
        return;
    }
    const auto gtin = gs1::Gtin::parse(text);
    if (!gtin.ok()) {
        m_gtinFeedback->setStyleSheet(QStringLiteral("color: #d32f2f;"));
        m_gtinFeedback->setText(gtin.error().message);
        m_link->clear();
        return;
    }
    m_gtinFeedback->setStyleSheet(QStringLiteral("color: #2e7d32;"));
    m_gtinFeedback->setText(tr("Check digit correct (GTIN-14 %1)").arg(gtin->gtin14()));
    const auto link =
        gs1::DigitalLink::build({{QStringLiteral("01"), gtin->gtin14()}}, m_resolverBase);
    m_link->setText(link.ok() ? link->uri() : link.error().message);
}

void GeneralTab::showErrors()
{
    // The check-digit feedback under the GTIN already says what is wrong with
    // it; the store's other GTIN rules (company prefix) show there too.
    const QString gtinError = m_document->errorAt(QStringLiteral("gtin"));
    FieldDecoration::apply(m_gtin, nullptr, gtinError);
    if (!gtinError.isEmpty()) {
        m_gtinFeedback->setStyleSheet(QStringLiteral("color: #d32f2f;"));
        m_gtinFeedback->setText(gtinError);
    } else {
        updateGtinFeedback();
    }
    const QString nameError = m_document->errorAt(QStringLiteral("name"));
    FieldDecoration::apply(m_names, m_namesMessage, nameError);
}

} // namespace dpp::ui
