// WebhookIngestRepository: a tenant's inbound webhook sources ("datocms", "akeneo", …):
// the shared secret the PIM signs with and the tenant's field mapping (JSON). Without a
// stored mapping the ready one for the source applies (IngestMapping::preset).
#pragma once

#include "database.h"

#include <QJsonObject>
#include <optional>

namespace dpp::store {

class WebhookIngestRepository
{
public:
    WebhookIngestRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    /// Source names: 1–40 of a-z, 0-9, "-" and "_" (they appear in URLs); Error param
    /// "source" otherwise.
    static Status checkSource(const QString& source);

    /// A new secret for the source (replacing the old one at once), returned this once.
    Result<QString> rotateSecret(const QString& source);
    /// The secret, empty when none was set (the source then refuses every request).
    QString secret(const QString& source) const;
    /// The stored mapping; empty when the tenant has not set one.
    QJsonObject mapping(const QString& source) const;
    Status setMapping(const QString& source, const QJsonObject& mapping);

private:
    Status upsert(const QString& source, const char* column, const QString& value);
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
