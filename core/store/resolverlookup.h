// ResolverLookup: what the public resolver knows about one GTIN, read in a single
// query across tenants (a Digital Link names no tenant). Kept apart from the
// tenant-scoped repository because it is the resolver's hot path.
#pragma once

#include "database.h"
#include "passport/resolverlink.h"

namespace dpp::store {

struct ResolverRecord
{
    QString tenantId;
    QString productId;                   // empty when the links belong to no product record
    QString itemDescription;             // the product name, or "GTIN <gtin>"
    QList<passport::ResolverLink> links; // every level, oldest first
};

class ResolverLookup
{
public:
    /// Links for `gtin14`. A GTIN belongs to one brand owner, so two tenants with links for
    /// the same GTIN is a data error; the tenant whose link is oldest wins, deterministically.
    /// Links of a deleted product are not served. Empty record (no links) when unknown.
    static Result<ResolverRecord> find(const Database& db, const QString& gtin14);
};

} // namespace dpp::store
