// ScanFeed: the shared, bounded feed of recent scans behind the live scan stream
// (GET /v1/stream/scans). The scan writer appends in the same transaction as the
// scan_events rows; every dppserver process on the store reads it, so a stream shows the
// scans of all processes and a Last-Event-ID (= seq) means the same on each of them.
#pragma once

#include "database.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <optional>

namespace dpp::store {

struct ScanFeedEntry
{
    qint64 seq = 0; // the event id clients see; grows in commit order
    QString tenantId;
    QString productId;
    QByteArray payload; // the event's JSON as streamed
};

class ScanFeed
{
public:
    /// A tenant's rows for a resume (ScanStreamHub::subscribe).
    struct Window
    {
        /// Newest first: seq > after and seq <= upTo, at most limit rows.
        QList<ScanFeedEntry> entries;
        /// Highest seq of this tenant pruned so far (0: none), read after the rows, so a
        /// prune that raced the read is never missed.
        qint64 prunedUpTo = 0;
    };

    explicit ScanFeed(Database& db) : m_db(db) {}

    /// Appends entries (seq is assigned); joins the caller's transaction. On PostgreSQL
    /// it holds an advisory lock (4242003) until commit so seq order is commit order
    /// (SQLite's write lock already does this). Call it last in the transaction: the
    /// lock serialises every process's scan writers until they commit.
    Status append(const QList<ScanFeedEntry>& entries);

    /// All tenants' rows with seq > afterSeq, oldest first, at most limit.
    Result<QList<ScanFeedEntry>> after(qint64 afterSeq, int limit) const;

    /// One tenant's rows for a resume; see Window.
    Result<Window> window(const QString& tenantId, qint64 after, qint64 upTo, int limit) const;

    /// Highest seq so far (0 when empty). Never pruned away (see prune()), so an id
    /// above it was never handed out.
    Result<qint64> lastSeq() const;

    /// Keeps at most keepPerTenant rows for each of `tenants` and drops rows created
    /// before olderThan (any tenant), recording per tenant the highest seq dropped. The
    /// newest row overall always stays (the high-water mark of lastSeq()). Cheap: index
    /// range deletes plus at most `maxAgeRows` rows read for the age rule per call. On
    /// PostgreSQL a second process pruning at the same moment simply skips its turn.
    /// Returns the number of rows removed.
    Result<qint64> prune(const QSet<QString>& tenants, int keepPerTenant,
                         const QDateTime& olderThan, int maxAgeRows = 5000);

private:
    Status raisePruned(const QString& tenantId, qint64 seq);

    Database& m_db;
};

} // namespace dpp::store
