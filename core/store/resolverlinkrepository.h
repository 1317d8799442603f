// ResolverLinkRepository: one tenant's resolver links. Marking a link as the
// default clears the previous default of the same key (GTIN, GTIN + lot or
// GTIN + serial) in the same transaction; the database also enforces it.
#pragma once

#include "database.h"
#include "passport/resolverlink.h"

namespace dpp::store {

class ResolverLinkRepository
{
public:
    ResolverLinkRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    Result<passport::ResolverLink> create(passport::ResolverLink link);
    // Links for a GTIN (any level), default first.
    QList<passport::ResolverLink> list(const QString& gtin) const;
    Status remove(const QString& id);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
