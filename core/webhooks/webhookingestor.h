// WebhookIngestor: applies one inbound PIM webhook to a tenant's store: the mapped
// product is created or updated and its passport published as a new version, through the
// same ProductRepository and PassportPublisher calls the REST API and the desktop use, in
// one transaction (a failure leaves the store unchanged).
#pragma once

#include "ingestmapping.h"
#include "passport/passportversion.h"
#include "passport/product.h"
#include "store/database.h"

#include <optional>

namespace dpp::webhooks {

class WebhookIngestor
{
public:
    WebhookIngestor(store::Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}
    void setPublicBase(const QString& base) { m_publicBase = base; }

    struct Outcome
    {
        passport::Product product;
        bool productCreated = false;
        passport::PassportVersion version;
        bool passportUnchanged = false; // the data equals the published version
        QJsonArray unmapped;

        QJsonObject toJson() const;
    };

    /// Passport data = the mapping's defaults, then the published version's data (same
    /// kind), then the mapped values: a PIM that sends only what changed updates only that.
    /// A field the passport kind requires and none of the three has is an error naming
    /// the passport field ("passport.nutrition.fat").
    Result<Outcome> ingest(const IngestMapping& mapping, const QJsonObject& payload);

private:
    store::Database& m_db;
    QString m_tenantId;
    QString m_publicBase;
};

} // namespace dpp::webhooks
