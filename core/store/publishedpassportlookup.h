// PublishedPassportLookup: finds the published passport for a GTIN across all tenants, for
// the public pages (the viewer) that arrive with a GTIN and no tenant. Only active products
// with a published passport version count, so soft-deleted and draft-only ones stay hidden.
#pragma once

#include "database.h"
#include "passport/passportversion.h"
#include "passport/product.h"

#include <optional>

namespace dpp::store {

class PublishedPassportLookup
{
public:
    explicit PublishedPassportLookup(Database& db) : m_db(db) {}

    struct Found
    {
        QString tenantId;
        passport::Product product;
        passport::PassportVersion version;
    };

    /// The published passport of the active product with this 14-digit GTIN. GTINs are
    /// globally unique in GS1, but a store may hold the same one in two tenants (a brand and
    /// its importer): then `preferredTenant` wins when it is among them (an owner looking at
    /// its own passport), otherwise the tenant that created the product first.
    std::optional<Found> find(const QString& gtin14, const QString& preferredTenant = {}) const;

private:
    Database& m_db;
};

} // namespace dpp::store
