// ScanRecorder: the ScanSink dppserver installs. record() only appends to a bounded
// in-memory queue, so a resolver answer never waits on the database; a writer thread with
// its own store connection (Qt Sql connections belong to one thread) enriches the scans
// (GeoIP, user agent, referrer host) and stores them with their rollups and their rows in
// the shared live scan feed (store::ScanFeed) in batches.
#pragma once

#include "analytics/geoipdatabase.h"
#include "analytics/scanevent.h"
#include "result.h"
#include "scansink.h"

#include <QJsonObject>
#include <QThread>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>

namespace dpp::server {

class ScanRecorder : public ScanSink
{
public:
    struct Options
    {
        /// The store to write to (file path or postgresql:// URL), opened a second time
        /// by the writer thread.
        QString database;
        /// Optional GeoIP database; without one every country is null.
        std::shared_ptr<analytics::GeoIpDatabase> geoip;
        /// Scans held in memory at most; beyond that new scans are dropped and counted.
        /// 100,000 scans are ~30 MB and, at the writer's pace, well under a second.
        int capacity = 100000;
        /// Most scans stored in one transaction.
        int batchSize = 2000;
        /// Called on the writer thread after each batch is committed (dppserver wakes the
        /// live scan stream: ScanStreamHub::wake, which hops to its own thread and reads
        /// the feed the batch was written to).
        std::function<void()> onStored;
        /// The shared scan feed (store::ScanFeed) the batches also go to: kept to this
        /// many rows per tenant (the stream's Last-Event-ID reach) and an hour, pruned by
        /// the writer, off the request thread, at most once a second. Often and small:
        /// each prune deletes about a second's worth of rows, so it never holds the writer
        /// (and the scans queued behind it) for long.
        int feedKeepPerTenant = 1000;
    };

    struct Stats
    {
        qint64 queued = 0;   // waiting in memory, including the batch being written
        qint64 writing = 0;  // in the batch being written now
        qint64 recorded = 0; // stored
        qint64 dropped = 0;  // refused because the queue was full
        qint64 failed = 0;   // lost because the store refused the batch twice
    };

    /// Starts the writer; fails when it cannot open the store.
    static Result<std::shared_ptr<ScanRecorder>> start(Options options);
    /// Stops like stop().
    ~ScanRecorder() override;

    /// Queues one scan, or counts it as dropped when the queue is full. Never blocks on
    /// I/O; callable from any thread.
    void record(RawScan scan) override;

    Stats stats() const;
    /// {"queued","recorded","dropped","failed"} for /health.
    QJsonObject statsJson() const;

    /// Waits until everything queued before the call is stored (or failed); false when
    /// timeoutMs passed first.
    bool flush(int timeoutMs = 60000);
    /// Stores what is queued, then ends the writer. Later record() calls are dropped.
    /// Called on SIGTERM after the server drained its requests.
    void stop();

private:
    explicit ScanRecorder(Options options);
    void run(std::shared_ptr<std::promise<QString>> opened);

    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;    // writer: work or stop
    std::condition_variable m_settled; // flush(): a batch finished
    std::deque<RawScan> m_queue;
    qint64 m_writing = 0;
    qint64 m_recorded = 0;
    qint64 m_dropped = 0;
    qint64 m_failed = 0;
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace dpp::server
