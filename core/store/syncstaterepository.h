// SyncStateRepository: what the sync engine remembers about one hosted server for
// one local tenant (tables of migration 0010): the journal cursor, the store id
// behind every Idempotency-Key, local id <-> server id with the last ETag, the
// conflicts waiting for the user and the changes the server refused.
#pragma once

#include "database.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace dpp::store {

struct SyncMapping
{
    QString localId;
    QString remoteId;
    QString etag; // the server's last ETag for the record; empty when it sent none
};

// A 412 from the server: both versions, until the user keeps one.
struct SyncConflict
{
    QString id;
    QString entity; // ChangeJournal entity name
    QString localId;
    QString label; // what the user recognises: the GTIN
    qint64 seq = 0;
    QJsonObject mine;
    QJsonObject theirs;
    QString theirsEtag;
    QString status; // open | kept_mine | took_theirs
    QString createdAt;
};

// A change the server refused with a 4xx other than 412.
struct SyncError
{
    qint64 seq = 0;
    QString entity;
    QString localId;
    int status = 0;
    QString code;
    QString param;
    QString message;
    QString at;
};

class SyncStateRepository
{
public:
    SyncStateRepository(Database& db, QString serverUrl, QString tenantId)
        : m_db(db), m_server(std::move(serverUrl)), m_tenantId(std::move(tenantId))
    {}

    // This store's id for the server (made on first use): Idempotency-Keys derive from it.
    Result<QString> storeId();
    // The last journal seq the server acknowledged (0 before the first sync).
    qint64 cursor() const;
    Status setCursor(qint64 seq);

    std::optional<SyncMapping> mapping(const QString& entity, const QString& localId) const;
    Status setMapping(const QString& entity, const QString& localId, const QString& remoteId,
                      const QString& etag);
    Status removeMapping(const QString& entity, const QString& localId);
    QList<SyncMapping> mappings(const QString& entity) const;

    // Opens a conflict, or refreshes the open one of the same record (one per record).
    Result<SyncConflict> addConflict(SyncConflict conflict);
    QList<SyncConflict> openConflicts() const;
    std::optional<SyncConflict> conflict(const QString& id) const;
    bool hasOpenConflict(const QString& entity, const QString& localId) const;
    Status closeConflict(const QString& id, const QString& status);

    Status addError(const SyncError& error);

private:
    Database& m_db;
    QString m_server;
    QString m_tenantId;
};

} // namespace dpp::store
