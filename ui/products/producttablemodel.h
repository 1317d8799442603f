// ProductTableModel: the main window's product list. Rows are fetched from
// core ProductCatalog a page at a time as the view scrolls (canFetchMore /
// fetchMore), so a store of 100,000 products opens with one COUNT and one
// page of light rows. Search, filters and sorting re-run the query.
#pragma once

#include <QAbstractTableModel>
#include <memory>
#include <store/productcatalog.h>

namespace dpp::ui {

class ProductTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Gtin, Name, Sku, Category, Status, Updated, ColumnCount };
    static constexpr int kPageSize = 200;
    static constexpr int kIdRole = Qt::UserRole + 1;

    explicit ProductTableModel(QObject* parent = nullptr);

    // Null store = empty list.
    void setStore(std::shared_ptr<store::Database> db, const QString& tenantId);
    void setQuery(const store::ProductCatalog::Query& query);
    const store::ProductCatalog::Query& query() const { return m_query; }
    // Re-reads the current query (after a save elsewhere).
    void reload();

    // Products matching the query in the store; rowCount() is how many are loaded.
    int totalCount() const { return m_total; }
    // Rows read from the store since the last reset (tests check the bound).
    int rowsFetched() const { return int(m_rows.size()); }
    QString lastError() const { return m_error; }
    QString productId(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    void totalChanged(int total);

private:
    std::shared_ptr<store::Database> m_db;
    QString m_tenantId;
    store::ProductCatalog::Query m_query;
    QList<store::ProductCatalog::Row> m_rows;
    int m_total = 0;
    QString m_error;
};

} // namespace dpp::ui
