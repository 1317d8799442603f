#include "scanfeed.h"

#include <QHash>
#include <QSqlQuery>

namespace dpp::store {

namespace {
// Advisory lock keys (PostgreSQL): 4242002 is the change journal's.
constexpr qint64 kAppendLock = 4242003;
constexpr qint64 kPruneLock = 4242004;
} // namespace

Status ScanFeed::append(const QList<ScanFeedEntry>& entries)
{
    if (entries.isEmpty())
        return Ok{};
    return m_db.transaction([&]() -> Status {
        if (m_db.engine() == Database::Engine::Postgres) {
            QSqlQuery lock =
                m_db.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kAppendLock));
            if (Status s = Database::exec(lock); !s.ok())
                return s;
        }
        QSqlQuery q = m_db.prepare(
            QStringLiteral("INSERT INTO scan_feed (tenant_id, product_id, payload, created_at) "
                           "VALUES (:t, :p, :d, :at)"));
        const QString now = Database::now();
        for (const ScanFeedEntry& e : entries) {
            q.bindValue(QStringLiteral(":t"), e.tenantId);
            q.bindValue(QStringLiteral(":p"), e.productId);
            q.bindValue(QStringLiteral(":d"), QString::fromUtf8(e.payload));
            q.bindValue(QStringLiteral(":at"), now);
            if (Status s = Database::exec(q); !s.ok())
                return s;
        }
        return Ok{};
    });
}

Result<QList<ScanFeedEntry>> ScanFeed::after(qint64 afterSeq, int limit) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT seq, tenant_id, product_id, payload FROM scan_feed WHERE seq > :s "
                       "ORDER BY seq LIMIT :l"));
    q.bindValue(QStringLiteral(":s"), afterSeq);
    q.bindValue(QStringLiteral(":l"), limit);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    QList<ScanFeedEntry> out;
    while (q.next())
        out.append(ScanFeedEntry{q.value(0).toLongLong(), q.value(1).toString(),
                                 q.value(2).toString(), q.value(3).toString().toUtf8()});
    return out;
}

Result<ScanFeed::Window> ScanFeed::window(const QString& tenantId, qint64 after, qint64 upTo,
                                          int limit) const
{
    Window w;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT seq, product_id, payload FROM scan_feed WHERE tenant_id = :t AND seq > :a AND "
        "seq <= :u ORDER BY seq DESC LIMIT :l"));
    q.bindValue(QStringLiteral(":t"), tenantId);
    q.bindValue(QStringLiteral(":a"), after);
    q.bindValue(QStringLiteral(":u"), upTo);
    q.bindValue(QStringLiteral(":l"), limit);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    while (q.next())
        w.entries.append(ScanFeedEntry{q.value(0).toLongLong(), tenantId, q.value(1).toString(),
                                       q.value(2).toString().toUtf8()});
    // After the rows: a prune committed before the row read shows here, one committed
    // after it did not take rows from what we read.
    QSqlQuery p =
        m_db.prepare(QStringLiteral("SELECT seq FROM scan_feed_pruned WHERE tenant_id = :t"));
    p.bindValue(QStringLiteral(":t"), tenantId);
    if (Status s = Database::exec(p); !s.ok())
        return s.error();
    if (p.next())
        w.prunedUpTo = p.value(0).toLongLong();
    return w;
}

Result<qint64> ScanFeed::lastSeq() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT MAX(seq) FROM scan_feed"));
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Status ScanFeed::raisePruned(const QString& tenantId, qint64 seq)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("INSERT INTO scan_feed_pruned (tenant_id, seq) VALUES (:t, :s) ON "
                       "CONFLICT (tenant_id) DO UPDATE SET seq = excluded.seq WHERE excluded.seq "
                       "> scan_feed_pruned.seq"));
    q.bindValue(QStringLiteral(":t"), tenantId);
    q.bindValue(QStringLiteral(":s"), seq);
    return Database::exec(q);
}

Result<qint64> ScanFeed::prune(const QSet<QString>& tenants, int keepPerTenant,
                               const QDateTime& olderThan, int maxAgeRows)
{
    qint64 removed = 0;
    const Status done = m_db.transaction([&]() -> Status {
        if (m_db.engine() == Database::Engine::Postgres) {
            QSqlQuery lock = m_db.prepare(
                QStringLiteral("SELECT pg_try_advisory_xact_lock(%1)").arg(kPruneLock));
            if (Status s = Database::exec(lock); !s.ok())
                return s;
            if (!lock.next() || !lock.value(0).toBool())
                return Ok{}; // another process is pruning right now
        }
        // Count rule: the keepPerTenant-th newest row of the tenant is the cut (index
        // (tenant_id, seq), read backwards).
        for (const QString& tenant : tenants) {
            QSqlQuery cut = m_db.prepare(
                QStringLiteral("SELECT seq FROM scan_feed WHERE tenant_id = :t ORDER BY seq DESC "
                               "LIMIT 1 OFFSET :n"));
            cut.bindValue(QStringLiteral(":t"), tenant);
            cut.bindValue(QStringLiteral(":n"), std::max(1, keepPerTenant));
            if (Status s = Database::exec(cut); !s.ok())
                return s;
            if (!cut.next())
                continue;
            const qint64 upTo = cut.value(0).toLongLong();
            if (Status s = raisePruned(tenant, upTo); !s.ok())
                return s;
            QSqlQuery del = m_db.prepare(
                QStringLiteral("DELETE FROM scan_feed WHERE tenant_id = :t AND seq <= :s"));
            del.bindValue(QStringLiteral(":t"), tenant);
            del.bindValue(QStringLiteral(":s"), upTo);
            if (Status s = Database::exec(del); !s.ok())
                return s;
            removed += std::max(0, del.numRowsAffected());
        }
        if (!olderThan.isValid())
            return Ok{};
        // Age rule: rows are appended in time order, so the old ones are a prefix by seq;
        // read the oldest few and stop at the first young one (no index on created_at).
        const auto last = lastSeq();
        if (!last.ok())
            return last.error();
        const QString cutoff = olderThan.toUTC().toString(Qt::ISODateWithMs);
        QSqlQuery old = m_db.prepare(QStringLiteral(
            "SELECT seq, tenant_id, created_at FROM scan_feed ORDER BY seq LIMIT :l"));
        old.bindValue(QStringLiteral(":l"), std::max(1, maxAgeRows));
        if (Status s = Database::exec(old); !s.ok())
            return s;
        QHash<QString, qint64> perTenant;
        qint64 upTo = 0;
        while (old.next()) {
            const qint64 seq = old.value(0).toLongLong();
            if (seq >= *last || old.value(2).toString() >= cutoff)
                break;
            perTenant[old.value(1).toString()] = seq;
            upTo = seq;
        }
        old.finish();
        if (upTo == 0)
            return Ok{};
        for (auto it = perTenant.cbegin(); it != perTenant.cend(); ++it) {
            if (Status s = raisePruned(it.key(), it.value()); !s.ok())
                return s;
        }
        QSqlQuery del = m_db.prepare(QStringLiteral("DELETE FROM scan_feed WHERE seq <= :s"));
        del.bindValue(QStringLiteral(":s"), upTo);
        if (Status s = Database::exec(del); !s.ok())
            return s;
        removed += std::max(0, del.numRowsAffected());
        return Ok{};
    });
    if (!done.ok())
        return done.error();
    return removed;
}

} // namespace dpp::store
