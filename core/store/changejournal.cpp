#include "changejournal.h"

#include "sqlhelpers.h"

#include <QSqlQuery>

namespace dpp::store {

Status ChangeJournal::record(const QString& tenantId, const QString& entity,
                             const QString& entityId, const QString& op, const QJsonObject& data)
{
    return m_db.transaction([&]() -> Status {
        if (m_db.engine() == Database::Engine::Postgres) {
            QSqlQuery lock = m_db.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(4242002)"));
            if (Status s = Database::exec(lock); !s.ok())
                return s;
        }
        QSqlQuery q = m_db.prepare(
            QStringLiteral("INSERT INTO change_journal (tenant_id, entity, entity_id, op, origin, "
                           "data, at) VALUES (:t, :e, :id, :op, :origin, :data, :at)"));
        q.bindValue(QStringLiteral(":t"), tenantId);
        q.bindValue(QStringLiteral(":e"), entity);
        q.bindValue(QStringLiteral(":id"), entityId);
        q.bindValue(QStringLiteral(":op"), op);
        q.bindValue(QStringLiteral(":origin"), m_db.journalOrigin());
        q.bindValue(QStringLiteral(":data"), sql::toText(data));
        q.bindValue(QStringLiteral(":at"), Database::now());
        return Database::exec(q);
    });
}

Result<QList<ChangeEntry>> ChangeJournal::after(qint64 afterSeq, int limit,
                                                const QString& tenantId) const
{
    QSqlQuery q = m_db.prepare(
        tenantId.isEmpty()
            ? QStringLiteral("SELECT seq, tenant_id, entity, entity_id, op, origin, data, at FROM "
                             "change_journal WHERE seq > :s ORDER BY seq LIMIT :l")
            : QStringLiteral("SELECT seq, tenant_id, entity, entity_id, op, origin, data, at FROM "
                             "change_journal WHERE tenant_id = :t AND seq > :s ORDER BY seq "
                             "LIMIT :l"));
    q.bindValue(QStringLiteral(":s"), afterSeq);
    q.bindValue(QStringLiteral(":l"), limit);
    if (!tenantId.isEmpty())
        q.bindValue(QStringLiteral(":t"), tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    QList<ChangeEntry> out;
    while (q.next()) {
        ChangeEntry e;
        e.seq = q.value(0).toLongLong();
        e.tenantId = q.value(1).toString();
        e.entity = q.value(2).toString();
        e.entityId = q.value(3).toString();
        e.op = q.value(4).toString();
        e.origin = q.value(5).toString();
        e.data = sql::objectFrom(q.value(6));
        e.at = q.value(7).toString();
        out.append(e);
    }
    return out;
}

qint64 ChangeJournal::lastSeq() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT MAX(seq) FROM change_journal"));
    if (!Database::exec(q).ok() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace dpp::store
