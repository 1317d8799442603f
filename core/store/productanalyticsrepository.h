// ProductAnalyticsRepository: scan figures of the local products as last pulled from
// a hosted server (GET /v1/analytics/product/{gtin}), so the desktop can show them
// offline. One row per product; a pull replaces it.
#pragma once

#include "database.h"

#include <QHash>
#include <QJsonObject>
#include <optional>

namespace dpp::store {

struct ProductAnalytics
{
    QString productId;
    QString gtin;
    qint64 scans = 0;
    QJsonObject data; // the server's answer as received
    QString fetchedAt;
};

class ProductAnalyticsRepository
{
public:
    ProductAnalyticsRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    Status put(const ProductAnalytics& analytics);
    std::optional<ProductAnalytics> get(const QString& productId) const;
    // Product id -> scans, for a column in the product list.
    QHash<QString, qint64> scansByProduct() const;
    // Every product's figures, most scanned first.
    QList<ProductAnalytics> all() const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
