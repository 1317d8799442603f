// PassportRepository: passport versions of one tenant's products. Versions
// are append-only: a draft is created, then published (which supersedes the
// previously published version in the same transaction) or archived. The
// data of a stored version never changes, and its SHA-256 is computed here.
#pragma once

#include "database.h"
#include "passport/passportversion.h"

#include <optional>

namespace dpp::store {

class PassportRepository
{
public:
    PassportRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId))
    {}

    // New draft with the next version number; data validated for `kind`.
    Result<passport::PassportVersion> createDraft(const QString& productId, const QString& kind,
                                                  const QJsonObject& data);
    // Draft -> published; the previously published version becomes superseded. With a
    // public base URL set, the product's GTIN also gets its resolver links to the viewer
    // page {base}/passport/{gtin} (gs1:dpp as default, gs1:pip) unless the user made
    // links of those types (ResolverLinkRepository::ensurePublishedLinks), in the same
    // transaction.
    Result<passport::PassportVersion> publish(const QString& versionId);
    // The resolver/viewer base URL (dppserver --base-url, the desktop's resolver base);
    // empty or the GS1 global resolver (id.gs1.org) = no links are made.
    void setPublicBase(const QString& baseUrl) { m_publicBase = baseUrl; }
    Status archive(const QString& versionId);

    std::optional<passport::PassportVersion> get(const QString& versionId) const;
    std::optional<passport::PassportVersion> published(const QString& productId) const;
    QList<passport::PassportVersion> versions(const QString& productId) const;

private:
    Database& m_db;
    QString m_tenantId;
    QString m_publicBase;
};

} // namespace dpp::store
