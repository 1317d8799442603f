// ProductSupplierRepository: one tenant's product ↔ supplier links. Both ends must belong
// to the tenant; a link is unique per (product, supplier).
#pragma once

#include "database.h"
#include "passport/productsupplier.h"

namespace dpp::store {

class ProductSupplierRepository
{
public:
    ProductSupplierRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    // Errors: validation; product or supplier not found (param productId / supplierId);
    // the supplier is already linked to the product (code "duplicate_link").
    Result<passport::ProductSupplier> link(passport::ProductSupplier link);
    // Error not_found (param supplierId) when there was no such link.
    Status unlink(const QString& productId, const QString& supplierId);
    // Links of a product, oldest first.
    QList<passport::ProductSupplier> ofProduct(const QString& productId) const;
    // Links of a supplier (live products only: a soft-deleted product is gone for users).
    QList<passport::ProductSupplier> ofSupplier(const QString& supplierId) const;

private:
    // unlink() inside its transaction.
    Status unlinkRow(const QString& productId, const QString& supplierId);
    bool owns(const char* table, const QString& id) const;

    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
