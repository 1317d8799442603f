// ChangeJournal: the record of every change to a tenant's data, written in the
// same transaction as the change. Two readers: the desktop's SyncEngine (the
// outbox it pushes to a hosted server) and the server's webhook dispatcher
// (events). Repositories call record(); nothing else writes the table.
#pragma once

#include "database.h"
#include "result.h"

#include <QJsonObject>
#include <QList>

namespace dpp::store {

// One journal row. `entity` is one of the Entity names below; `op` is
// "created", "updated", "deleted" or "state_changed"; `data` carries what a
// reader needs without another query (e.g. gtin, version, changes).
struct ChangeEntry
{
    qint64 seq = 0;
    QString tenantId;
    QString entity;
    QString entityId;
    QString op;
    QString origin; // Database::journalOrigin() of the writer
    QJsonObject data;
    QString at;
};

class ChangeJournal
{
public:
    // Entity names used in the journal.
    static constexpr const char* Product = "product";
    static constexpr const char* Passport = "passport";
    static constexpr const char* Document = "document";
    static constexpr const char* Supplier = "supplier";
    static constexpr const char* ProductSupplier = "product_supplier";
    static constexpr const char* SerialBatch = "serial_batch";
    static constexpr const char* Serial = "serial";
    static constexpr const char* Link = "link";
    static constexpr const char* BatteryUnit = "battery_unit";

    explicit ChangeJournal(Database& db) : m_db(db) {}

    // Appends one entry; joins the caller's transaction (opens one otherwise).
    // On PostgreSQL it holds a transaction-scoped advisory lock until commit so
    // that seq order is commit order (SQLite's write lock already does this).
    Status record(const QString& tenantId, const QString& entity, const QString& entityId,
                  const QString& op, const QJsonObject& data = {});

    // Entries with seq > `afterSeq`, oldest first, at most `limit`; all tenants
    // when `tenantId` is empty.
    Result<QList<ChangeEntry>> after(qint64 afterSeq, int limit,
                                     const QString& tenantId = {}) const;
    // Highest seq so far (0 when empty).
    qint64 lastSeq() const;

private:
    Database& m_db;
};

} // namespace dpp::store
