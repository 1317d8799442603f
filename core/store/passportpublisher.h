// PassportPublisher: "publish this passport data now" as one step: a new
// version is drafted and published in one transaction, so a failed publish
// never leaves a stray draft. The desktop's Publish dialog calls it; it is the
// same two repository calls the REST API makes.
#pragma once

#include "database.h"
#include "passport/passportversion.h"

namespace dpp::store {

class PassportPublisher
{
public:
    PassportPublisher(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    // Publishes `data` as the product's next version. When it equals the
    // published version (same hash) nothing is written and the error code is
    // "unchanged" (param "data"): a version that changes nothing would only
    // add noise to the history a regulator reads.
    Result<passport::PassportVersion> publish(const QString& productId, const QString& kind,
                                              const QJsonObject& data);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
