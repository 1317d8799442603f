// SupplierRepository: one tenant's suppliers.
#pragma once

#include "database.h"
#include "passport/supplier.h"

#include <optional>

namespace dpp::store {

class SupplierRepository
{
public:
    SupplierRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId))
    {}

    Result<passport::Supplier> create(const QJsonObject& json);
    // Applies the keys of `patch` (null removes an optional field) and validates the
    // result. With `expectedVersion`, the supplier must still be at that row version
    // (Error code "version_mismatch", nothing changes).
    Result<passport::Supplier> update(const QString& id, const QJsonObject& patch,
                                      std::optional<qint64> expectedVersion = std::nullopt);
    std::optional<passport::Supplier> get(const QString& id) const;
    QList<passport::Supplier> list() const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
