// TenantRepository: the organisations in a store. The only repository that
// is not scoped to one tenant, since it is where tenants come from.
#pragma once

#include "database.h"
#include "passport/tenant.h"

#include <optional>

namespace dpp::store {

class TenantRepository
{
public:
    explicit TenantRepository(Database& db) : m_db(db) {}

    // Creates a tenant; errors: validation (param "name"/"gcps[i]"), duplicate name.
    Result<passport::Tenant> create(const QString& name, const QStringList& gcps);
    std::optional<passport::Tenant> findByName(const QString& name) const;
    std::optional<passport::Tenant> findById(const QString& id) const;
    // The named tenant, created without prefixes when missing (single-user desktop use).
    Result<passport::Tenant> ensure(const QString& name);
    QList<passport::Tenant> list() const;

private:
    std::optional<passport::Tenant> findOne(const QString& column, const QString& value) const;
    Database& m_db;
};

} // namespace dpp::store
