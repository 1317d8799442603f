// SerialRepository: serial batches of one tenant and the state of each
// serial. A batch and all its serials are written in one transaction, so a
// batch is either there complete or not at all.
#pragma once

#include "database.h"
#include "passport/serialbatch.h"

#include <QMap>
#include <optional>

namespace dpp::store {

class SerialRepository
{
public:
    SerialRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    // Errors: validation; product not found; a serial already used for the product.
    Result<passport::SerialBatch> createBatch(passport::SerialBatch batch);
    std::optional<passport::SerialBatch> batch(const QString& batchId) const;
    QList<passport::SerialBatch> batches(const QString& productId) const;

    // Moves one serial to `state` when SerialBatch::canTransition allows it.
    Status setState(const QString& productId, const QString& serial, const QString& state);
    // Moves up to `count` available serials of a batch to "assigned" and returns them.
    Result<QStringList> assign(const QString& batchId, int count);
    std::optional<QString> state(const QString& productId, const QString& serial) const;
    QMap<QString, int> countByState(const QString& batchId) const;
    QStringList serials(const QString& batchId, const QString& state = {}) const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
