// ScanStreamHub: fans recorded scans out to live Server-Sent Events streams
// (GET /v1/stream/scans). It reads the shared scan feed in the store (store::ScanFeed), so
// behind a load balancer every dppserver process on one PostgreSQL store streams every
// process's scans, and an event id (the feed's seq) resumes on any process.
//
// One path only: there is no in-memory ring beside the table. Local scans stay as fast as
// before because the scan writer wakes the hub right after its commit (wake()); the timer
// (Options::pollMs, dppserver --stream-poll-ms) brings in other processes' scans. Reading
// the feed is one indexed query for all tenants per round, on the hub's connection; with
// no subscriber the hub only moves its cursor (MAX(seq)) and reads no rows.
#pragma once

#include "result.h"
#include "store/database.h"
#include "store/scanfeed.h"
#include "streamsink.h"

#include "analytics/scanevent.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <map>
#include <memory>
#include <optional>

namespace dpp::server {

class ScanStreamHub : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int heartbeatMs = 15000; // a `: hb` comment this often keeps proxies and our
                                 // idle timeout from closing a quiet stream
        /// Recent events a Last-Event-ID can reach back per tenant. The feed is pruned to
        /// this many by the scan writer (ScanRecorder); a resume never replays more, even
        /// before the next prune.
        int bufferPerTenant = 1000;
        qint64 maxPendingBytes = 1 << 20; // a client further behind than this is cut off
        int retryMs = 3000;               // the `retry:` hint: how soon clients reconnect
        /// How often the feed is read for other processes' scans. 200 ms keeps a scan
        /// answered by another process well within issue #9's 1 s at 5 small queries a
        /// second per process.
        int pollMs = 200;
    };

    struct Stats
    {
        qint64 subscribers = 0;
        qint64 events = 0;         // feed events fanned out since start
        qint64 slowClientsCut = 0; // streams cut because the client fell too far behind
        qint64 readErrors = 0;     // feed reads the store refused (retried next round)
    };

    /// `db` is the connection of the thread the hub lives in (dppserver's main thread).
    ScanStreamHub(std::shared_ptr<store::Database> db, Options options, QObject* parent = nullptr);
    ~ScanStreamHub() override;

    /// Reads the feed soon (coalesced). Callable from any thread: the scan writer calls it
    /// after each commit, so this process's scans reach its streams without waiting for
    /// the timer.
    void wake();
    /// Reads the feed now (hub thread). Tests call it instead of waiting for the timer.
    void pollNow();

    /// Starts a stream for one tenant (and optionally one product): `retry:` hint, then
    /// what the client missed after lastEventId (or an `event: reset` when the feed no
    /// longer reaches back that far, or the id was never handed out), then every new
    /// scan. Runs in the hub's thread.
    void subscribe(std::shared_ptr<StreamSink> sink, const QString& tenantId,
                   const QString& productId, std::optional<qint64> lastEventId);

    /// A Last-Event-ID value: empty is "none"; anything but a non-negative integer is an
    /// Error naming `param`.
    static Result<std::optional<qint64>> parseEventId(const QByteArray& value,
                                                      const QString& param);

    /// The `data:` line's JSON for one scan: what analytics stores, never the client address.
    static QJsonObject eventJson(const analytics::ScanEvent& event);

    Stats stats() const;
    /// {"subscribers","events","slowClientsCut","cursor"} for /health.
    QJsonObject statsJson() const;

private:
    struct Subscriber
    {
        std::shared_ptr<StreamSink> sink;
        QString tenantId;
        QString productId;  // empty: all the tenant's products
        qint64 after = 0;   // ids up to here were replayed or skipped (a resume ahead of us)
        QByteArray pending; // frames gathered for one write
    };

    void deliver(const QList<store::ScanFeedEntry>& rows);
    void heartbeat();
    /// Writes, or cuts a client whose unsent backlog passed the limit.
    void send(quint64 key, const QByteArray& bytes);
    void log(const QString& line);
    void drop(quint64 key);

    std::shared_ptr<store::Database> m_db;
    Options m_options;
    qint64 m_cursor = 0; // feed rows up to here are fanned out
    bool m_cursorKnown = false;
    std::map<quint64, Subscriber> m_subscribers;
    quint64 m_nextKey = 1;
    QTimer m_heartbeat;
    QTimer m_poll;
    std::atomic<bool> m_wakePending{false};
    std::atomic<bool> m_anySubscriber{false}; // read by wake() on the writer's thread
    bool m_polling = false;
    bool m_loggedReadError = false;
    Stats m_stats;
};

} // namespace dpp::server
