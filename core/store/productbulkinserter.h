// ProductBulkInserter: creates many new products in one transaction with one
// prepared statement (imports from an ERP, large test stores). Every product
// is validated first, exactly as ProductRepository::save() does; one error or
// one GTIN the tenant already has and nothing is written.
#pragma once

#include "database.h"

#include <QJsonObject>

namespace dpp::store {

class ProductBulkInserter
{
public:
    ProductBulkInserter(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId))
    {}

    // Number of products created. Errors name the entry: "products[12].gtin".
    Result<int> insert(const QList<QJsonObject>& products);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
