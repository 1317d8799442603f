// StockLibrary: the label stock users choose from: the built-in sheets and
// rolls (resources/stock/*.json) plus the user's own stock files, which may
// add sizes or override a built-in id.
#pragma once

#include "labelstock.h"
#include "result.h"

#include <QList>

namespace dpp::label {

class StockLibrary
{
public:
    // Built-in stock plus every *.json in userStockDir() (when it exists).
    static Result<StockLibrary> load();
    // Only the given files (tests, --stock-dir); each is {"version":1,"stock":[…]}.
    static Result<StockLibrary> loadFiles(const QStringList& files);
    // $DPP_STOCK_DIR, else <AppDataLocation>/stock.
    static QString userStockDir();

    const QList<LabelStock>& all() const { return m_stock; }
    const LabelStock* find(const QString& id) const;

private:
    Status addFile(const QString& file);
    QList<LabelStock> m_stock;
};

} // namespace dpp::label
