#include "scanrecorder.h"

#include "analytics/scanevent.h"
#include "analytics/useragentparser.h"
#include "scanstreamhub.h"
#include "store/database.h"
#include "store/scanfeed.h"
#include "store/scanrepository.h"
#include "webhooks/scanthresholdnotifier.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <chrono>
#include <cstdio>

namespace dpp::server {

namespace {

// The feed's age bound and how often the writer prunes it (see Options::feedKeepPerTenant).
constexpr qint64 kFeedMaxAgeSeconds = 3600;
constexpr int kFeedPruneIntervalMs = 1000;

analytics::ScanEvent enrich(const RawScan& scan, const analytics::GeoIpDatabase* geoip)
{
    analytics::ScanEvent e;
    e.tenantId = scan.tenantId;
    e.productId = scan.productId;
    e.gtin = scan.gtin;
    e.keyLevel = scan.keyLevel;
    e.linkType = scan.linkType;
    e.at = scan.at.isValid() ? scan.at.toUTC() : QDateTime::currentDateTimeUtc();
    if (geoip) {
        const analytics::GeoLocation where = geoip->lookup(scan.client);
        e.country = where.country;
        e.region = where.region;
        e.city = where.city;
    }
    const analytics::UserAgentInfo agent = analytics::UserAgentParser::parse(scan.userAgent);
    e.device = agent.device;
    e.os = agent.os;
    e.browser = agent.browser;
    e.referrerHost = analytics::ScanEvent::referrerHostOf(scan.referer);
    return e;
}

} // namespace

ScanRecorder::ScanRecorder(Options options) : m_options(std::move(options)) {}

Result<std::shared_ptr<ScanRecorder>> ScanRecorder::start(Options options)
{
    std::shared_ptr<ScanRecorder> recorder(new ScanRecorder(std::move(options)));
    auto opened = std::make_shared<std::promise<QString>>();
    std::future<QString> openError = opened->get_future();
    ScanRecorder* self = recorder.get();
    recorder->m_thread.reset(QThread::create([self, opened] { self->run(opened); }));
    recorder->m_thread->setObjectName(QStringLiteral("scan-writer"));
    recorder->m_thread->start();
    const QString error = openError.get();
    if (!error.isEmpty()) {
        recorder->m_thread->wait();
        recorder->m_thread.reset();
        return Error{QStringLiteral("database"),
                     QStringLiteral("scan recorder cannot open the store: %1").arg(error),
                     QStringLiteral("database_error")};
    }
    return recorder;
}

ScanRecorder::~ScanRecorder()
{
    stop();
}

void ScanRecorder::record(RawScan scan)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || qsizetype(m_queue.size()) >= m_options.capacity) {
            ++m_dropped;
            return;
        }
        m_queue.push_back(std::move(scan));
    }
    m_wake.notify_one();
}

ScanRecorder::Stats ScanRecorder::stats() const
{
    std::lock_guard lock(m_mutex);
    Stats s;
    s.queued = qint64(m_queue.size()) + m_writing;
    s.writing = m_writing;
    s.recorded = m_recorded;
    s.dropped = m_dropped;
    s.failed = m_failed;
    return s;
}

QJsonObject ScanRecorder::statsJson() const
{
    const Stats s = stats();
    return QJsonObject{{QStringLiteral("queued"), s.queued},
                       {QStringLiteral("recorded"), s.recorded},
                       {QStringLiteral("dropped"), s.dropped},
                       {QStringLiteral("failed"), s.failed}};
}

bool ScanRecorder::flush(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    // Everything queued now is done once this many scans were stored or failed.
    const qint64 target = m_recorded + m_failed + qint64(m_queue.size()) + m_writing;
    return m_settled.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [&] { return m_recorded + m_failed >= target || !m_thread; });
}

void ScanRecorder::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread || m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_one();
    // The writer empties the queue before it ends.
    m_thread->wait();
    std::lock_guard lock(m_mutex);
    m_thread.reset();
    m_settled.notify_all();
}

void ScanRecorder::run(std::shared_ptr<std::promise<QString>> opened)
{
    auto db = store::Database::open(m_options.database);
    if (!db.ok()) {
        opened->set_value(db.error().message.isEmpty() ? QStringLiteral("unknown error")
                                                       : db.error().message);
        return;
    }
    opened->set_value(QString());
    const analytics::GeoIpDatabase* geoip = m_options.geoip.get();
    std::shared_ptr<store::Database> store = *db;
    QSet<QString> feedTenants; // written since the last prune
    QElapsedTimer pruned;

    for (;;) {
        std::vector<RawScan> batch;
        {
            std::unique_lock lock(m_mutex);
            // Group commit: take whatever piled up while the previous batch was written.
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                break; // stopping and nothing left
            const qsizetype n = std::min<qsizetype>(m_queue.size(), m_options.batchSize);
            batch.reserve(n);
            for (qsizetype i = 0; i < n; ++i) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            m_writing = n;
        }
        QList<analytics::ScanEvent> events;
        events.reserve(qsizetype(batch.size()));
        for (const RawScan& scan : batch)
            events.append(enrich(scan, geoip));
        batch.clear(); // client addresses leave memory here

        // The live stream's payloads, serialised once here rather than by every reader.
        QList<store::ScanFeedEntry> feedRows;
        feedRows.reserve(events.size());
        for (const analytics::ScanEvent& e : events) {
            feedRows.append(store::ScanFeedEntry{
                0, e.tenantId, e.productId,
                QJsonDocument(ScanStreamHub::eventJson(e)).toJson(QJsonDocument::Compact)});
            feedTenants.insert(e.tenantId);
        }

        // The scans, their rollups, the scan.threshold webhooks they trigger and their
        // live feed rows commit together: a threshold fires once, when its count is
        // stored, and what a stream shows is in analytics. The feed goes last: on
        // PostgreSQL its lock orders every process's writers until they commit.
        const auto storeBatch = [&] {
            return store->transaction([&]() -> Status {
                if (Status s = store::ScanRepository::insert(*store, events); !s.ok())
                    return s;
                if (Status s = webhooks::ScanThresholdNotifier::afterScansStored(*store, events);
                    !s.ok())
                    return s;
                return store::ScanFeed(*store).append(feedRows);
            });
        };
        Status stored = storeBatch();
        if (!stored.ok()) {
            // Once more after a pause: a busy SQLite file or a PostgreSQL failover.
            QThread::msleep(500);
            stored = storeBatch();
        }
        if (stored.ok() && m_options.onStored)
            m_options.onStored(); // committed: what the stream shows is in analytics
        if (!stored.ok()) {
            std::fprintf(stderr, "dppserver: %lld scans lost, the store refused them: %s\n",
                         static_cast<long long>(events.size()),
                         stored.error().message.toUtf8().constData());
            std::fflush(stderr);
        }
        {
            std::lock_guard lock(m_mutex);
            (stored.ok() ? m_recorded : m_failed) += qint64(events.size());
            m_writing = 0;
        }
        m_settled.notify_all();
        if (!pruned.isValid() || pruned.hasExpired(kFeedPruneIntervalMs)) {
            // Bounded feed: the tenants written since the last prune, and the old rows.
            // After the batch is settled, so flush() never waits for a prune.
            const auto removed = store::ScanFeed(*store).prune(
                feedTenants, m_options.feedKeepPerTenant,
                QDateTime::currentDateTimeUtc().addSecs(-kFeedMaxAgeSeconds));
            if (!removed.ok())
                std::fprintf(stderr, "dppserver: cannot prune the scan feed: %s\n",
                             removed.error().message.toUtf8().constData());
            feedTenants.clear();
            pruned.start();
        }
    }
}

} // namespace dpp::server
