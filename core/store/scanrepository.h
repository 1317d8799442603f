// ScanRepository: scan events and their daily rollups. The recorder stores batches of
// events (any tenants) with their rollup counts in one transaction; analytics reads one
// tenant's figures from the rollups only, so a product with millions of scans answers
// as fast as one with a hundred.
#pragma once

#include "analytics/analyticsperiod.h"
#include "analytics/scanevent.h"
#include "analytics/scanreport.h"
#include "database.h"

#include <QList>

namespace dpp::store {

class ScanRepository
{
public:
    ScanRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    /// Stores events (of any tenants) and adds them to the rollups, all or nothing.
    static Status insert(Database& db, const QList<analytics::ScanEvent>& events);

    /// One product's figures for the period (the product id is not checked here: callers
    /// resolve the user's reference first, within the tenant).
    Result<analytics::ScanReport> productReport(const QString& productId,
                                                const analytics::AnalyticsPeriod& period) const;
    /// Across the tenant's products, optionally for one product and/or one country.
    /// With a country filter there are no referrer figures (referrers are not rolled up
    /// by country); the report says so by leaving them out.
    Result<analytics::ScanReport> tenantReport(const analytics::AnalyticsPeriod& period,
                                               const QString& productId,
                                               const QString& country) const;

    /// Raw events stored for the tenant (and product, when given).
    qint64 eventCount(const QString& productId = {}) const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
