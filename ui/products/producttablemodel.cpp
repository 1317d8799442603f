#include "producttablemodel.h"

#include <QLocale>

namespace dpp::ui {

using store::ProductCatalog;

ProductTableModel::ProductTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ProductTableModel::setStore(std::shared_ptr<store::Database> db, const QString& tenantId)
{
    m_db = std::move(db);
    m_tenantId = tenantId;
    reload();
}

void ProductTableModel::setQuery(const ProductCatalog::Query& query)
{
    m_query = query;
    reload();
}

void ProductTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_error.clear();
    if (m_db) {
        const auto count = ProductCatalog(*m_db, m_tenantId).count(m_query);
        if (count.ok())
            m_total = *count;
        else
            m_error = count.error().message;
    }
    endResetModel();
    // The first page now, so the view never shows an empty list with a count above it.
    if (canFetchMore({}))
        fetchMore({});
    Q_EMIT totalChanged(m_total);
}

QString ProductTableModel::productId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : QString();
}

int ProductTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProductTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto& r = m_rows[index.row()];
    if (role == kIdRole)
        return r.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Gtin:
        return r.gtin;
    case Name:
        return r.name;
    case Sku:
        return r.sku;
    case Category:
        return r.category;
    case Status:
        return r.status;
    case Updated:
        return QLocale().toString(r.updatedAt.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant ProductTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Gtin:
        return tr("GTIN");
    case Name:
        return tr("Name");
    case Sku:
        return tr("SKU");
    case Category:
        return tr("Sector");
    case Status:
        return tr("Status");
    case Updated:
        return tr("Updated");
    default:
        return {};
    }
}

bool ProductTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_db && m_rows.size() < m_total;
}

void ProductTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    const auto page =
        ProductCatalog(*m_db, m_tenantId).window(m_query, int(m_rows.size()), kPageSize);
    if (!page.ok()) {
        m_error = page.error().message;
        m_total = int(m_rows.size()); // stop asking; the error is shown
        return;
    }
    if (page->isEmpty()) {
        // Rows were deleted since the count: the list ends here.
        m_total = int(m_rows.size());
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
}

void ProductTableModel::sort(int column, Qt::SortOrder order)
{
    static const ProductCatalog::SortKey keys[] = {
        ProductCatalog::SortKey::Gtin,   ProductCatalog::SortKey::Name,
        ProductCatalog::SortKey::Sku,    ProductCatalog::SortKey::Category,
        ProductCatalog::SortKey::Status, ProductCatalog::SortKey::Updated};
    if (column < 0 || column >= ColumnCount)
        return;
    ProductCatalog::Query q = m_query;
    q.sort = keys[column];
    q.descending = order == Qt::DescendingOrder;
    setQuery(q);
}

} // namespace dpp::ui
