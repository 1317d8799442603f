#include "documentstab.h"

#include "productdocument.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeDatabase>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <export/pdfpreview.h>
#include <passport/document.h>
#include <store/documentrepository.h>

namespace dpp::ui {

DocumentsTab::DocumentsTab(ProductDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_list(new QTableWidget(0, 4, this)),
      m_type(new QComboBox(this)), m_preview(new QLabel(this)), m_status(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("documents"));
    m_list->setHorizontalHeaderLabels({tr("Type"), tr("File"), tr("Size"), tr("SHA-256")});
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_type->addItems(passport::Document::docTypes());
    m_preview->setObjectName(QStringLiteral("document_preview"));
    m_preview->setMinimumSize(220, 300);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_status->setWordWrap(true);
    auto* attachButton = new QPushButton(tr("&Attach file…"), this);
    connect(attachButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Attach document"));
        if (path.isEmpty())
            return;
        const Status s = attach(path, m_type->currentText());
        m_status->setText(
            s.ok() ? tr("Attached %1").arg(QFileInfo(path).fileName())
                   : tr("Cannot attach: %1 (%2)").arg(s.error().message, s.error().param));
    });
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &DocumentsTab::showPreview);
    connect(m_document, &ProductDocument::saved, this, &DocumentsTab::reload);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Document type"), this));
    controls->addWidget(m_type);
    controls->addWidget(attachButton);
    controls->addStretch();
    auto* left = new QVBoxLayout;
    left->addLayout(controls);
    left->addWidget(m_list);
    left->addWidget(m_status);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(m_preview, 1);
    reload();
}

Status DocumentsTab::attach(const QString& path, const QString& docType)
{
    if (m_document->isNew())
        return Error{QStringLiteral("product"), tr("save the product before attaching documents"),
                     QStringLiteral("unsaved")};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file"), tr("cannot read %1: %2").arg(path, file.errorString()),
                     QStringLiteral("unreadable")};
    const QByteArray bytes = file.readAll();
    const QString mediaType = QMimeDatabase().mimeTypeForFileNameAndData(path, bytes).name();
    auto added =
        store::DocumentRepository(m_document->database(), m_document->tenantId())
            .add(m_document->productId(), docType, QFileInfo(path).fileName(), mediaType, bytes);
    if (!added.ok())
        return added.error();
    reload();
    m_list->selectRow(m_list->rowCount() - 1);
    return Ok{};
}

void DocumentsTab::reload()
{
    m_list->setRowCount(0);
    if (m_document->isNew())
        return;
    const auto docs = store::DocumentRepository(m_document->database(), m_document->tenantId())
                          .list(m_document->productId());
    for (const auto& d : docs) {
        const int r = m_list->rowCount();
        m_list->insertRow(r);
        auto* type = new QTableWidgetItem(d.docType);
        type->setData(Qt::UserRole, d.id);
        type->setData(Qt::UserRole + 1, d.mediaType);
        m_list->setItem(r, 0, type);
        m_list->setItem(r, 1, new QTableWidgetItem(d.filename));
        m_list->setItem(r, 2, new QTableWidgetItem(QLocale().formattedDataSize(d.size)));
        m_list->setItem(r, 3, new QTableWidgetItem(d.sha256));
    }
}

void DocumentsTab::showPreview()
{
    m_preview->clear();
    const int r = m_list->currentRow();
    if (r < 0 || !m_list->item(r, 0))
        return;
    const QString id = m_list->item(r, 0)->data(Qt::UserRole).toString();
    if (m_list->item(r, 0)->data(Qt::UserRole + 1).toString() != u"application/pdf") {
        m_preview->setText(tr("No preview for this file type"));
        return;
    }
    const auto bytes =
        store::DocumentRepository(m_document->database(), m_document->tenantId()).bytes(id);
    if (!bytes.ok()) {
        m_preview->setText(bytes.error().message);
        return;
    }
    const auto image = exporting::PdfPreview::firstPage(*bytes, m_preview->minimumSize());
    if (!image.ok())
        m_preview->setText(image.error().message);
    else
        m_preview->setPixmap(QPixmap::fromImage(*image));
}

} // namespace dpp::ui
