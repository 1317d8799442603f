// ScanThresholdRepository: per-product scan-count thresholds (default 100, 1,000 and
// 10,000) and which of them have fired. Each threshold fires once per product, ever:
// the fired row's primary key makes that hold with several writers.
#pragma once

#include "analytics/scanevent.h"
#include "database.h"

#include <QList>

namespace dpp::store {

class ScanThresholdRepository
{
public:
    ScanThresholdRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    static const QList<qint64>& defaults();
    /// 1 to 20 distinct positive counts; Error param "thresholds[i]" otherwise.
    static Result<QList<qint64>> parse(const QJsonValue& value);

    /// The product's thresholds, ascending (the defaults when none were set).
    QList<qint64> thresholds(const QString& productId) const;
    Status setThresholds(const QString& productId, const QList<qint64>& thresholds);
    /// Thresholds of the product that already fired.
    QList<qint64> fired(const QString& productId) const;

    struct Crossing
    {
        QString tenantId;
        QString productId;
        QString gtin;
        qint64 threshold = 0;
        qint64 total = 0;
    };
    /// After `events` were added to the rollups (same transaction): the thresholds their
    /// products crossed, each recorded as fired so it is returned only this once.
    static Result<QList<Crossing>> recordCrossings(Database& db,
                                                   const QList<analytics::ScanEvent>& events);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
