// PassportPublisher: "publish this passport data now" as one step: a new
// version is drafted and published in one transaction, so a failed publish
// never leaves a stray draft. The one publish path: the desktop's Publish
// dialog, POST /v1/passports and the sample seeder all call it, so every
// publish applies the same rules and makes the same default resolver links.
#pragma once

#include "database.h"
#include "passport/passportversion.h"

#include <optional>

namespace dpp::store {

class PassportPublisher
{
public:
    PassportPublisher(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    // Publishes `data` as the product's next version. When it equals the
    // published version (same hash) nothing is written and the error code is
    // "unchanged" (param "data"): a version that changes nothing would only
    // add noise to the history a regulator reads.
    // With a base set, publishing also gives the GTIN its default resolver links
    // (gs1:dpp + gs1:pip to {base}/passport/{gtin}; PassportRepository::publish).
    // A "battery" passport must have every Battery::missingMandatory field of its
    // category: otherwise Error code "validation_error", param the first missing field,
    // the message listing all of them.
    // With `expectedSha256` (what the caller believes is published now; If-Match on the
    // API) a different published version, or none, is Error code "version_mismatch"
    // (param "If-Match") and nothing is written.
    Result<passport::PassportVersion>
    publish(const QString& productId, const QString& kind, const QJsonObject& data,
            const std::optional<QString>& expectedSha256 = std::nullopt);
    // Publishes the published version's data with the top-level fields of `fields`
    // replaced: how a supplier submits its part (e.g. a wine's ingredients) without
    // reading or resending the rest. Only for a product with a published passport of
    // the same kind (otherwise Error code "conflict", param "productId", or
    // "validation_error", param "kind"); then as publish().
    Result<passport::PassportVersion>
    amend(const QString& productId, const QString& kind, const QJsonObject& fields,
          const std::optional<QString>& expectedSha256 = std::nullopt);
    // The public base URL of the resolver/viewer serving this store; empty = no links.
    void setPublicBase(const QString& baseUrl) { m_publicBase = baseUrl; }

private:
    Database& m_db;
    QString m_tenantId;
    QString m_publicBase;
};

} // namespace dpp::store
