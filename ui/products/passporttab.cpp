#include "passporttab.h"

#include "productdocument.h"
#include "publishdialog.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dpp::ui {

PassportTab::PassportTab(ProductDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_history(new QTableWidget(0, 6, this)),
      m_publish(new QPushButton(tr("&Publish passport…"), this))
{
    m_history->setObjectName(QStringLiteral("passport_history"));
    m_history->setHorizontalHeaderLabels(
        {tr("Version"), tr("Status"), tr("Kind"), tr("Created"), tr("Published"), tr("SHA-256")});
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_publish->setObjectName(QStringLiteral("publish_passport"));
    connect(m_publish, &QPushButton::clicked, this, [this] {
        PublishDialog dialog(m_document, this);
        dialog.exec();
    });
    connect(m_document, &ProductDocument::saved, this, &PassportTab::reload);
    connect(m_document, &ProductDocument::published, this, &PassportTab::reload);
    connect(m_document, &ProductDocument::changed, this,
            [this] { m_publish->setEnabled(!m_document->isNew()); });
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Every published version stays in the history, so any scan "
                               "result can be reproduced. The hash is the SHA-256 of the "
                               "version's canonical JSON."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_history);
    layout->addWidget(m_publish, 0, Qt::AlignLeft);
    reload();
}

void PassportTab::reload()
{
    const auto versions = m_document->history();
    m_history->setRowCount(0);
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        const int r = m_history->rowCount();
        m_history->insertRow(r);
        const QStringList cells = {QString::number(it->version),
                                   it->status,
                                   it->kind,
                                   it->createdAt.toString(Qt::ISODate),
                                   it->publishedAt.isValid() ? it->publishedAt.toString(Qt::ISODate)
                                                             : QString(),
                                   it->sha256};
        for (int c = 0; c < cells.size(); ++c)
            m_history->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_publish->setEnabled(!m_document->isNew());
}

} // namespace dpp::ui
