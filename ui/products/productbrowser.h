// ProductBrowser: the main window's product list: search box (name, GTIN or
// SKU; applied after a short pause in typing), sector and status filters, the
// lazily loaded table (ProductTableModel) sortable by any column, and the
// number of matching products.
#pragma once

#include <QWidget>
#include <memory>
#include <store/database.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace dpp::ui {

class ProductTableModel;

class ProductBrowser : public QWidget
{
    Q_OBJECT
public:
    // Typing pause before a search runs: long enough to skip the keystrokes
    // of a scanned or typed GTIN, short enough to feel immediate.
    static constexpr int kSearchDelayMs = 250;

    explicit ProductBrowser(QWidget* parent = nullptr);
    void setStore(std::shared_ptr<store::Database> db, const QString& tenantId);

    ProductTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* sectorFilter() const { return m_sector; }
    QComboBox* statusFilter() const { return m_status; }
    QLabel* countLabel() const { return m_count; }
    // Runs a pending search now (Enter in the search box does the same).
    void applyFilters();

Q_SIGNALS:
    void openProduct(const QString& productId);

private:
    ProductTableModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_sector;
    QComboBox* m_status;
    QTableView* m_view;
    QLabel* m_count;
    QTimer* m_debounce;
};

} // namespace dpp::ui
