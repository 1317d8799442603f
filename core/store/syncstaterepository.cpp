#include "syncstaterepository.h"

#include "sqlhelpers.h"

namespace dpp::store {

namespace {
// Qt binds a null QString as SQL NULL; these columns hold "" for "none".
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

const QString kConflictColumns = QStringLiteral(
    "id, entity, local_id, label, seq, mine, theirs, theirs_etag, status, created_at");

SyncConflict conflictFrom(const QSqlQuery& q)
{
    SyncConflict c;
    c.id = q.value(0).toString();
    c.entity = q.value(1).toString();
    c.localId = q.value(2).toString();
    c.label = q.value(3).toString();
    c.seq = q.value(4).toLongLong();
    c.mine = sql::objectFrom(q.value(5));
    c.theirs = sql::objectFrom(q.value(6));
    c.theirsEtag = q.value(7).toString();
    c.status = q.value(8).toString();
    c.createdAt = q.value(9).toString();
    return c;
}
} // namespace

Result<QString> SyncStateRepository::storeId()
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT store_id FROM sync_state WHERE server_url = :s AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    if (q.next())
        return q.value(0).toString();
    const QString id = sql::newId();
    QSqlQuery insert = m_db.prepare(
        QStringLiteral("INSERT INTO sync_state (server_url, tenant_id, store_id, cursor_seq, "
                       "updated_at) VALUES (:s, :t, :id, 0, :at)"));
    insert.bindValue(QStringLiteral(":s"), m_server);
    insert.bindValue(QStringLiteral(":t"), m_tenantId);
    insert.bindValue(QStringLiteral(":id"), id);
    insert.bindValue(QStringLiteral(":at"), Database::now());
    if (Status s = Database::exec(insert); !s.ok())
        return s.error();
    return id;
}

qint64 SyncStateRepository::cursor() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT cursor_seq FROM sync_state WHERE server_url = :s AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Status SyncStateRepository::setCursor(qint64 seq)
{
    // Called once per journal entry: the row is made (storeId) only when the UPDATE finds
    // none, not read first every time.
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE sync_state SET cursor_seq = :c, updated_at = :at WHERE server_url "
                       "= :s AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":c"), seq);
    q.bindValue(QStringLiteral(":at"), Database::now());
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok() || q.numRowsAffected() == 1)
        return s;
    if (auto id = storeId(); !id.ok())
        return id.error();
    return Database::exec(q);
}

std::optional<SyncMapping> SyncStateRepository::mapping(const QString& entity,
                                                        const QString& localId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT remote_id, etag FROM sync_map WHERE server_url = :s AND tenant_id "
                       "= :t AND entity = :e AND local_id = :l"));
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":e"), entity);
    q.bindValue(QStringLiteral(":l"), localId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return SyncMapping{localId, q.value(0).toString(), q.value(1).toString()};
}

Status SyncStateRepository::setMapping(const QString& entity, const QString& localId,
                                       const QString& remoteId, const QString& etag)
{
    return m_db.transaction([&]() -> Status {
        if (Status s = removeMapping(entity, localId); !s.ok())
            return s;
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO sync_map (server_url, tenant_id, entity, local_id, remote_id, etag, "
            "updated_at) VALUES (:s, :t, :e, :l, :r, :etag, :at)"));
        q.bindValue(QStringLiteral(":s"), m_server);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":e"), entity);
        q.bindValue(QStringLiteral(":l"), localId);
        q.bindValue(QStringLiteral(":r"), text(remoteId));
        q.bindValue(QStringLiteral(":etag"), text(etag));
        q.bindValue(QStringLiteral(":at"), Database::now());
        return Database::exec(q);
    });
}

Status SyncStateRepository::removeMapping(const QString& entity, const QString& localId)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM sync_map WHERE server_url = :s AND "
                                              "tenant_id = :t AND entity = :e AND local_id = :l"));
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":e"), entity);
    q.bindValue(QStringLiteral(":l"), localId);
    return Database::exec(q);
}

QList<SyncMapping> SyncStateRepository::mappings(const QString& entity) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT local_id, remote_id, etag FROM sync_map WHERE server_url = :s AND "
                       "tenant_id = :t AND entity = :e ORDER BY local_id"));
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":e"), entity);
    QList<SyncMapping> out;
    if (!Database::exec(q).ok())
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

Result<SyncConflict> SyncStateRepository::addConflict(SyncConflict conflict)
{
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery open = m_db.prepare(
            QStringLiteral("SELECT id FROM sync_conflicts WHERE server_url = :s AND tenant_id = "
                           ":t AND entity = :e AND local_id = :l AND status = 'open'"));
        open.bindValue(QStringLiteral(":s"), m_server);
        open.bindValue(QStringLiteral(":t"), m_tenantId);
        open.bindValue(QStringLiteral(":e"), conflict.entity);
        open.bindValue(QStringLiteral(":l"), conflict.localId);
        if (Status e = Database::exec(open); !e.ok())
            return e;
        const bool existing = open.next();
        conflict.status = QStringLiteral("open");
        if (existing) {
            conflict.id = open.value(0).toString();
            QSqlQuery q = m_db.prepare(QStringLiteral(
                "UPDATE sync_conflicts SET label = :label, seq = :seq, mine = :mine, theirs = "
                ":theirs, theirs_etag = :etag WHERE id = :id"));
            q.bindValue(QStringLiteral(":label"), text(conflict.label));
            q.bindValue(QStringLiteral(":seq"), conflict.seq);
            q.bindValue(QStringLiteral(":mine"), sql::toText(conflict.mine));
            q.bindValue(QStringLiteral(":theirs"), sql::toText(conflict.theirs));
            q.bindValue(QStringLiteral(":etag"), text(conflict.theirsEtag));
            q.bindValue(QStringLiteral(":id"), conflict.id);
            return Database::exec(q);
        }
        conflict.id = sql::newId();
        conflict.createdAt = Database::now();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO sync_conflicts (id, server_url, tenant_id, entity, local_id, label, seq, "
            "mine, theirs, theirs_etag, status, created_at) VALUES (:id, :s, :t, :e, :l, :label, "
            ":seq, :mine, :theirs, :etag, 'open', :at)"));
        q.bindValue(QStringLiteral(":id"), conflict.id);
        q.bindValue(QStringLiteral(":s"), m_server);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":e"), conflict.entity);
        q.bindValue(QStringLiteral(":l"), conflict.localId);
        q.bindValue(QStringLiteral(":label"), text(conflict.label));
        q.bindValue(QStringLiteral(":seq"), conflict.seq);
        q.bindValue(QStringLiteral(":mine"), sql::toText(conflict.mine));
        q.bindValue(QStringLiteral(":theirs"), sql::toText(conflict.theirs));
        q.bindValue(QStringLiteral(":etag"), text(conflict.theirsEtag));
        q.bindValue(QStringLiteral(":at"), conflict.createdAt);
        return Database::exec(q);
    });
    if (!s.ok())
        return s.error();
    return conflict;
}

QList<SyncConflict> SyncStateRepository::openConflicts() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT %1 FROM sync_conflicts WHERE server_url = "
                                              ":s AND tenant_id = :t AND status = 'open' ORDER "
                                              "BY seq, id")
                                   .arg(kConflictColumns));
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<SyncConflict> out;
    if (!Database::exec(q).ok())
        return out;
    while (q.next())
        out.append(conflictFrom(q));
    return out;
}

std::optional<SyncConflict> SyncStateRepository::conflict(const QString& id) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT %1 FROM sync_conflicts WHERE id = :id AND "
                                              "server_url = :s AND tenant_id = :t")
                                   .arg(kConflictColumns));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return conflictFrom(q);
}

bool SyncStateRepository::hasOpenConflict(const QString& entity, const QString& localId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT 1 FROM sync_conflicts WHERE server_url = :s AND tenant_id = :t AND "
                       "entity = :e AND local_id = :l AND status = 'open'"));
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":e"), entity);
    q.bindValue(QStringLiteral(":l"), localId);
    return Database::exec(q).ok() && q.next();
}

Status SyncStateRepository::closeConflict(const QString& id, const QString& status)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE sync_conflicts SET status = :st, resolved_at = :at WHERE id = :id "
                       "AND server_url = :s AND tenant_id = :t AND status = 'open'"));
    q.bindValue(QStringLiteral(":st"), status);
    q.bindValue(QStringLiteral(":at"), Database::now());
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s;
    if (q.numRowsAffected() != 1)
        return sql::notFound(QStringLiteral("conflict"), QStringLiteral("open conflict"));
    return Ok{};
}

Status SyncStateRepository::addError(const SyncError& error)
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO sync_errors (server_url, tenant_id, seq, entity, local_id, status, code, "
        "param, message, at) VALUES (:s, :t, :seq, :e, :l, :st, :c, :p, :m, :at)"));
    q.bindValue(QStringLiteral(":s"), m_server);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":seq"), error.seq);
    q.bindValue(QStringLiteral(":e"), error.entity);
    q.bindValue(QStringLiteral(":l"), error.localId);
    q.bindValue(QStringLiteral(":st"), error.status);
    q.bindValue(QStringLiteral(":c"), text(error.code));
    q.bindValue(QStringLiteral(":p"), text(error.param));
    q.bindValue(QStringLiteral(":m"), text(error.message));
    q.bindValue(QStringLiteral(":at"), error.at.isEmpty() ? Database::now() : error.at);
    return Database::exec(q);
}

} // namespace dpp::store
