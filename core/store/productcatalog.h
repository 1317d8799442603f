// ProductCatalog: the product list as a desktop table shows it: one light row
// per product (indexed columns only, the JSON body is not parsed), filtered,
// sorted and windowed by offset/limit, plus the matching count. A 100,000-row
// store then opens with one count and one page of rows.
#pragma once

#include "database.h"

#include <QDateTime>

namespace dpp::store {

class ProductCatalog
{
public:
    enum class SortKey { Gtin, Name, Sku, Category, Status, Updated };

    struct Query
    {
        // Case-insensitive substring of the English name, the GTIN or the SKU.
        QString search;
        QString category; // empty = any
        QString status;   // "active", "deleted" or empty = any but deleted
        SortKey sort = SortKey::Gtin;
        bool descending = false;
    };

    struct Row
    {
        QString id;
        QString gtin;
        QString name; // the English (or first) name, as indexed
        QString sku;
        QString category;
        QString status;
        QDateTime updatedAt;
    };

    ProductCatalog(const Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId))
    {}

    // Rows `offset`..`offset + limit` of the query's order. Ties are broken by
    // GTIN (unique per tenant), so consecutive windows never repeat or skip a row.
    Result<QList<Row>> window(const Query& query, int offset, int limit) const;
    Result<int> count(const Query& query) const;

private:
    QString where(const Query& query) const;
    void bind(QSqlQuery& q, const Query& query) const;
    const Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
