// SerialRepository: serial batches of one tenant and the state of each
// serial. A batch and all its serials are written in one transaction, so a
// batch is either there complete or not at all.
#pragma once

#include "database.h"
#include "passport/serialbatch.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <optional>

namespace dpp::store {

class SerialRepository
{
public:
    SerialRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    // One line of a batch's audit trail.
    struct AuditEntry
    {
        QString batchId;
        QString action; // created | assigned | deleted
        QString detail; // JSON text: counts, serials, reasons
        QString actor;  // API key or user id; empty for local (GUI/CLI) changes
        QDateTime at;
    };

    // Errors: validation; product not found; a serial already used for the product
    // (code "duplicate", naming every clashing serial by row or index). Serials are
    // checked against the store before inserting, so a clash never aborts the
    // transaction midway (PostgreSQL would log "current transaction is aborted").
    Result<passport::SerialBatch> createBatch(passport::SerialBatch batch,
                                              const QString& actor = {});
    // Removes a batch and its serials, only while every serial is still available:
    // once a serial is assigned, printed or activated it may be on a product,
    // and deleting it would break the resolver for that item (code "conflict").
    // With `expectedVersion`, the batch must still be at that row version (Error code
    // "version_mismatch", nothing changes).
    Status deleteBatch(const QString& batchId, const QString& actor = {},
                       std::optional<qint64> expectedVersion = std::nullopt);
    QList<AuditEntry> audit(const QString& batchId) const;
    std::optional<passport::SerialBatch> batch(const QString& batchId) const;
    QList<passport::SerialBatch> batches(const QString& productId) const;

    // One serial as the API shows it.
    struct SerialInfo
    {
        QString serial;
        QString state;
        QString batchId;
        QString productId;
    };

    // Moves one serial to `state` when SerialBatch::canTransition allows it (otherwise
    // Error code "invalid_state", param "state", the message naming the allowed states;
    // an unknown serial is code "not_found", param "serial"). A serial already in `state`
    // is Ok with nothing written (no journal row): the caller's goal is met. With
    // `expectedFrom` (compare-and-set, what sync sends) a serial in another state is
    // Error code "version_mismatch", param "from", and nothing changes.
    Status setState(const QString& productId, const QString& serial, const QString& state,
                    const std::optional<QString>& expectedFrom = std::nullopt);
    // Moves the listed serials of one batch from `from` to `to` in one transaction,
    // journaled as one change {batch_id, serials, from, to} like assign() (one webhook for
    // the lot). All or nothing: a serial the batch does not hold is code "not_found",
    // one in another state than `from` is code "version_mismatch", each with param
    // "serials[i]"; a step the rule refuses is code "invalid_state", param "state".
    // Serials already in `to` are left alone. Returns the serials it changed; on an error
    // about one serial, `failedAt` (when given) receives its index in `serials`.
    Result<QStringList> setStates(const QString& batchId, const QStringList& serials,
                                  const QString& to, const QString& from,
                                  qsizetype* failedAt = nullptr);
    // Writes `state` without the transition rule, journaled like setState: for a state a
    // hosted server has already accepted (sync's "take theirs"), which the local rule must
    // not second-guess. The state must be one of SerialBatch::states().
    Status overrideState(const QString& productId, const QString& serial, const QString& state);
    // The serial of a batch; nullopt when the batch (of this tenant) does not hold it.
    std::optional<SerialInfo> serialInBatch(const QString& batchId, const QString& serial) const;
    // Moves up to `count` available serials of a batch to "assigned" and returns them.
    Result<QStringList> assign(const QString& batchId, int count, const QString& actor = {});
    std::optional<QString> state(const QString& productId, const QString& serial) const;
    QMap<QString, int> countByState(const QString& batchId) const;
    QStringList serials(const QString& batchId, const QString& state = {}) const;
    // serial -> state of every serial of a batch, in one query.
    QHash<QString, QString> statesOf(const QString& batchId) const;

private:
    // Serials of `candidates` already stored for the product, as indexes into it.
    Result<QList<qsizetype>> clashes(const QString& productId, const QStringList& candidates) const;
    // The batch's answer (its state counts) changed: a new row version.
    Status bumpVersion(const QString& batchId);
    // The compare-and-set UPDATE of one serial (by its primary key): an error on `param`
    // when it is no longer in `from`.
    // `move` comes from prepareMove(): prepared once for a whole batch of serials.
    QSqlQuery prepareMove() const;
    Status moveSerial(QSqlQuery& move, const QString& productId, const QString& serial,
                      const QString& from, const QString& to, const QString& param);
    Status record(const QString& batchId, const QString& productId, const QString& action,
                  const QJsonObject& detail, const QString& actor);
    Status writeState(const QString& productId, const QString& serial, const QString& to,
                      const std::optional<QString>& expectedFrom, bool checkRule);

    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
