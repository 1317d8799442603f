// ResolverLinkRepository: one tenant's resolver links. Every key level (GTIN,
// GTIN + lot, GTIN + serial) that has links has exactly one default: the first
// link of a level becomes its default, marking another link as the default
// clears the previous one in the same transaction (the database also enforces
// it), and deleting the default promotes the oldest remaining link of the level.
#pragma once

#include "database.h"
#include "passport/resolverlink.h"

#include <optional>

namespace dpp::store {

class ResolverLinkRepository
{
public:
    ResolverLinkRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    Result<passport::ResolverLink> create(passport::ResolverLink link);
    std::optional<passport::ResolverLink> get(const QString& id) const;
    // Links for a GTIN (any level), default first.
    QList<passport::ResolverLink> list(const QString& gtin) const;
    // Applies the keys of `patch`. The key (gtin, level, qualifier) is fixed (param of
    // that field, code "immutable"); "default": false on the default is refused (param
    // "default"): make another link the default instead.
    // With `expectedVersion`, the link must still be at that row version (Error code
    // "version_mismatch", nothing changes). Making a link the default also bumps the
    // version of the link that stops being it (its "default" changed).
    Result<passport::ResolverLink> update(const QString& id, const QJsonObject& patch,
                                          std::optional<qint64> expectedVersion = std::nullopt);
    Status remove(const QString& id, std::optional<qint64> expectedVersion = std::nullopt);

    // Publishing a passport: gives the GTIN level a gs1:dpp and a gs1:pip link to the
    // viewer page unless links of those types exist, and makes the gs1:dpp link the
    // default when the level has none. Joins the caller's transaction.
    Status ensurePublishedLinks(const QString& productId, const QString& gtin,
                                const QString& viewerHref, const QString& productName);

    // Bumped by every write of this process; the resolver's cache drops entries
    // older than the current value, so this process never serves stale links.
    static quint64 changeCounter();

private:
    Status clearDefault(const passport::ResolverLink& key);
    bool hasDefault(const passport::ResolverLink& key) const;
    Status insert(const passport::ResolverLink& link);
    // The change-journal entry of a link (in the caller's transaction).
    Status journal(const passport::ResolverLink& link, const QString& op);

    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
