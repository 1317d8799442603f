// StockPickerDialog: File ▸ New label: pick the stock from the library
// (built-in sheets and rolls plus the user's own), searching by name,
// vendor, id or size ("50x30", "avery").
#pragma once

#include <QDialog>
#include <label/stocklibrary.h>

class QLineEdit;
class QTableWidget;

namespace dpp::ui {

class StockPickerDialog : public QDialog
{
    Q_OBJECT
public:
    StockPickerDialog(const label::StockLibrary& library, QWidget* parent = nullptr);
    // The chosen stock id; empty when none.
    QString stockId() const;
    void setFilter(const QString& text);
    int visibleCount() const;

    // Does `stock` match a search text (words all present in id, name,
    // vendor or "W×H" size; "50x30" matches 50 × 30 mm either way round)?
    static bool matches(const label::LabelStock& stock, const QString& text);

private:
    const label::StockLibrary& m_library;
    QLineEdit* m_search = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace dpp::ui
