#include "documentstab.h"

#include "productdocument.h"

#include <QComboBox>
#include <QCryptographicHash>
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
    : QWidget(parent), m_document(document), m_list(new QTableWidget(0, 5, this)),
      m_type(new QComboBox(this)), m_preview(new QLabel(this)), m_status(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("documents"));
    m_list->setHorizontalHeaderLabels(
        {tr("Type"), tr("File"), tr("Size"), tr("State"), tr("SHA-256")});
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
    auto* removeButton = new QPushButton(tr("&Remove"), this);
    removeButton->setObjectName(QStringLiteral("remove_document"));
    connect(removeButton, &QPushButton::clicked, this, &DocumentsTab::removeSelected);
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &DocumentsTab::showPreview);
    connect(m_document, &ProductDocument::recordsChanged, this, &DocumentsTab::reload);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Document type"), this));
    controls->addWidget(m_type);
    controls->addWidget(attachButton);
    controls->addWidget(removeButton);
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file"), tr("cannot read %1: %2").arg(path, file.errorString()),
                     QStringLiteral("unreadable")};
    const QByteArray bytes = file.readAll();
    const QString mediaType = QMimeDatabase().mimeTypeForFileNameAndData(path, bytes).name();
    const Status s =
        m_document->stageDocument(docType, QFileInfo(path).fileName(), mediaType, bytes);
    if (!s.ok())
        return s;
    m_list->selectRow(m_list->rowCount() - 1);
    return Ok{};
}

void DocumentsTab::removeSelected()
{
    const int r = m_list->currentRow();
    if (r >= 0 && m_list->item(r, 0))
        m_document->removeDocument(m_list->item(r, 0)->data(Qt::UserRole).toString());
}

void DocumentsTab::reload()
{
    const QString selected =
        m_list->currentRow() >= 0 && m_list->item(m_list->currentRow(), 0)
            ? m_list->item(m_list->currentRow(), 0)->data(Qt::UserRole).toString()
            : QString();
    m_list->setRowCount(0);
    const auto& staged = m_document->staged();
    auto addRow = [this](const QString& id, const QString& docType, const QString& filename,
                         const QString& mediaType, qint64 size, const QString& sha256,
                         const QString& state) {
        const int r = m_list->rowCount();
        m_list->insertRow(r);
        const QStringList cells{docType, filename, QLocale().formattedDataSize(size), state,
                                sha256};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (!state.isEmpty()) {
                QFont f = item->font();
                f.setItalic(true);
                item->setFont(f);
                item->setToolTip(state);
            }
            m_list->setItem(r, c, item);
        }
        m_list->item(r, 0)->setData(Qt::UserRole, id);
        m_list->item(r, 0)->setData(Qt::UserRole + 1, mediaType);
    };
    if (!m_document->isNew())
        for (const auto& d :
             store::DocumentRepository(m_document->database(), m_document->tenantId())
                 .list(m_document->productId()))
            addRow(d.id, d.docType, d.filename, d.mediaType, d.size, d.sha256,
                   staged.removedDocuments.contains(d.id) ? tr("removed on save") : QString());
    for (const auto& d : staged.documents)
        addRow(d.key, d.docType, d.filename, d.mediaType, d.bytes.size(),
               QString::fromLatin1(
                   QCryptographicHash::hash(d.bytes, QCryptographicHash::Sha256).toHex()),
               tr("not saved yet"));
    for (int r = 0; r < m_list->rowCount(); ++r)
        if (!selected.isEmpty() && m_list->item(r, 0)->data(Qt::UserRole).toString() == selected)
            m_list->selectRow(r);
    showPreview();
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
    QByteArray bytes;
    if (ProductDocument::isStagedKey(id)) {
        for (const auto& d : m_document->staged().documents)
            if (d.key == id)
                bytes = d.bytes;
    } else {
        const auto stored =
            store::DocumentRepository(m_document->database(), m_document->tenantId()).bytes(id);
        if (!stored.ok()) {
            m_preview->setText(stored.error().message);
            return;
        }
        bytes = *stored;
    }
    const auto image = exporting::PdfPreview::firstPage(bytes, m_preview->minimumSize());
    if (!image.ok())
        m_preview->setText(image.error().message);
    else
        m_preview->setPixmap(QPixmap::fromImage(*image));
}

} // namespace dpp::ui
