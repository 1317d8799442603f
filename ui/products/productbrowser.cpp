#include "productbrowser.h"

#include "producttablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <passport/product.h>

namespace dpp::ui {

ProductBrowser::ProductBrowser(QWidget* parent)
    : QWidget(parent), m_model(new ProductTableModel(this)), m_search(new QLineEdit(this)),
      m_sector(new QComboBox(this)), m_status(new QComboBox(this)), m_view(new QTableView(this)),
      m_count(new QLabel(this)), m_debounce(new QTimer(this))
{
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search name, GTIN or SKU"));
    m_search->setClearButtonEnabled(true);
    m_sector->setObjectName(QStringLiteral("sector"));
    m_sector->addItem(tr("All sectors"), QString());
    for (const QString& c : passport::Product::categories())
        m_sector->addItem(c, c);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("Deleted"), QStringLiteral("deleted"));
    m_count->setObjectName(QStringLiteral("count"));

    m_view->setObjectName(QStringLiteral("products"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProductTableModel::Gtin, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view need not measure 100,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(ProductTableModel::Name, QHeaderView::Stretch);
    m_view->setColumnWidth(ProductTableModel::Gtin, 140);
    m_view->setColumnWidth(ProductTableModel::Updated, 170);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kSearchDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &ProductBrowser::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &ProductBrowser::applyFilters);
    connect(m_sector, &QComboBox::currentIndexChanged, this, &ProductBrowser::applyFilters);
    connect(m_status, &QComboBox::currentIndexChanged, this, &ProductBrowser::applyFilters);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT openProduct(m_model->productId(index.row()));
    });
    connect(m_model, &ProductTableModel::totalChanged, this, [this](int total) {
        m_count->setText(m_model->lastError().isEmpty()
                             ? tr("%n product(s)", nullptr, total)
                             : tr("Cannot list products: %1").arg(m_model->lastError()));
    });

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_sector);
    filters->addWidget(m_status);
    filters->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view);
}

void ProductBrowser::setStore(std::shared_ptr<store::Database> db, const QString& tenantId)
{
    m_model->setStore(std::move(db), tenantId);
}

void ProductBrowser::applyFilters()
{
    m_debounce->stop();
    store::ProductCatalog::Query q = m_model->query();
    q.search = m_search->text().trimmed();
    q.category = m_sector->currentData().toString();
    q.status = m_status->currentData().toString();
    if (q.search == m_model->query().search && q.category == m_model->query().category &&
        q.status == m_model->query().status)
        return;
    m_model->setQuery(q);
}

} // namespace dpp::ui
