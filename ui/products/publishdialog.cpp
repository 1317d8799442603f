#include "publishdialog.h"

#include "productdocument.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dpp::ui {

using passport::PassportDiff;

PublishDialog::PublishDialog(ProductDocument* document, QWidget* parent)
    : QDialog(parent), m_document(document), m_changes(new QTableWidget(0, 4, this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Publish passport"));
    m_changes->setObjectName(QStringLiteral("changes"));
    m_changes->setHorizontalHeaderLabels({tr("Field"), tr("Change"), tr("Published"), tr("New")});
    m_changes->horizontalHeader()->setStretchLastSection(true);
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_message->setWordWrap(true);

    const auto published = m_document->publishedVersion();
    const auto changes = m_document->pendingChanges();
    for (const auto& c : changes) {
        const int r = m_changes->rowCount();
        m_changes->insertRow(r);
        const QString kind = c.kind == PassportDiff::Kind::Added     ? tr("added")
                             : c.kind == PassportDiff::Kind::Removed ? tr("removed")
                                                                     : tr("changed");
        m_changes->setItem(r, 0, new QTableWidgetItem(c.path));
        m_changes->setItem(r, 1, new QTableWidgetItem(kind));
        m_changes->setItem(r, 2, new QTableWidgetItem(PassportDiff::displayValue(c.before)));
        m_changes->setItem(r, 3, new QTableWidgetItem(PassportDiff::displayValue(c.after)));
    }
    auto* intro = new QLabel(published ? tr("Changes against published version %1 (SHA-256 %2):")
                                             .arg(published->version)
                                             .arg(published->sha256.left(16))
                                       : tr("Nothing is published yet; every field below is new:"),
                             this);
    intro->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_publish = buttons->addButton(tr("&Publish"), QDialogButtonBox::AcceptRole);
    m_publish->setObjectName(QStringLiteral("publish"));
    if (m_document->isModified() || m_document->isNew()) {
        m_publish->setEnabled(false);
        m_message->setText(tr("Save the product first: publishing uses the saved data."));
    } else if (published && changes.isEmpty()) {
        m_publish->setEnabled(false);
        m_message->setText(tr("The published version is up to date."));
    }
    connect(m_publish, &QPushButton::clicked, this, &PublishDialog::publish);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_changes);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 420);
}

void PublishDialog::publish()
{
    const auto version = m_document->publish();
    if (!version.ok()) {
        m_message->setText(
            tr("Not published: %1 (%2)").arg(version.error().message, version.error().param));
        return;
    }
    accept();
}

} // namespace dpp::ui
