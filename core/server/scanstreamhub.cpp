#include "scanstreamhub.h"

#include "store/scanfeed.h"

#include <QDateTime>
#include <QJsonDocument>
#include <cstdio>
#include <vector>

namespace dpp::server {

namespace {

QJsonValue orNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QByteArray frame(qint64 id, const char* event, const QJsonObject& data)
{
    return "id: " + QByteArray::number(id) + "\nevent: " + event +
           "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

// A scan event: the payload was serialised once, by the writer that stored it.
QByteArray frame(const store::ScanFeedEntry& row)
{
    return "id: " + QByteArray::number(row.seq) + "\nevent: scan\ndata: " + row.payload + "\n\n";
}

// Feed rows read per query while catching up.
constexpr int kReadBatch = 2000;

} // namespace

ScanStreamHub::ScanStreamHub(std::shared_ptr<store::Database> db, Options options, QObject* parent)
    : QObject(parent), m_db(std::move(db)), m_options(options)
{
    // Live from now: a stream without Last-Event-ID starts with the next scan, and the
    // ids (the feed's seq) continue across restarts, so a client's id stays meaningful.
    if (const auto last = store::ScanFeed(*m_db).lastSeq(); last.ok()) {
        m_cursor = *last;
        m_cursorKnown = true;
    }
    m_heartbeat.setInterval(std::max(100, m_options.heartbeatMs));
    connect(&m_heartbeat, &QTimer::timeout, this, &ScanStreamHub::heartbeat);
    m_heartbeat.start();
    m_poll.setInterval(std::max(10, m_options.pollMs));
    connect(&m_poll, &QTimer::timeout, this, &ScanStreamHub::pollNow);
    m_poll.start();
}

ScanStreamHub::~ScanStreamHub()
{
    // The sinks may outlive us in the adapter's list for a moment; they must not call back.
    for (auto& [key, sub] : m_subscribers)
        sub.sink->setClosedHandler(nullptr);
}

void ScanStreamHub::drop(quint64 key)
{
    m_subscribers.erase(key);
    m_anySubscriber = !m_subscribers.empty();
}

void ScanStreamHub::wake()
{
    // With nobody listening the timer's round moves the cursor soon enough; a resolver
    // under load must not pay a query per commit for it.
    if (!m_anySubscriber)
        return;
    // Coalesced: a busy writer commits many small batches; one read takes them all.
    if (m_wakePending.exchange(true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_wakePending = false;
            pollNow();
        },
        Qt::QueuedConnection);
}

void ScanStreamHub::pollNow()
{
    if (m_polling)
        return;
    m_polling = true;
    store::ScanFeed feed(*m_db);
    if (m_subscribers.empty() || !m_cursorKnown) {
        // (Unknown when the store was away at start: never replay history as live.)
        // Nobody to tell: move the cursor without reading rows.
        if (const auto last = feed.lastSeq(); last.ok()) {
            m_cursor = std::max(m_cursor, *last);
            m_cursorKnown = true;
            m_loggedReadError = false;
        } else {
            ++m_stats.readErrors;
            log(last.error().message);
        }
        m_polling = false;
        return;
    }
    for (int round = 0;; ++round) {
        const auto rows = feed.after(m_cursor, kReadBatch);
        if (!rows.ok()) {
            ++m_stats.readErrors;
            log(rows.error().message);
            break;
        }
        m_loggedReadError = false;
        if (rows->isEmpty())
            break;
        deliver(*rows);
        m_cursor = rows->last().seq;
        if (rows->size() < kReadBatch)
            break;
        if (round == 9) {
            // A big backlog: let requests in between, then go on.
            QTimer::singleShot(0, this, &ScanStreamHub::pollNow);
            break;
        }
    }
    m_polling = false;
}

void ScanStreamHub::deliver(const QList<store::ScanFeedEntry>& rows)
{
    for (const store::ScanFeedEntry& row : rows) {
        const QByteArray bytes = frame(row);
        for (auto& [key, sub] : m_subscribers) {
            if (row.seq > sub.after && sub.tenantId == row.tenantId &&
                (sub.productId.isEmpty() || sub.productId == row.productId))
                sub.pending += bytes;
        }
    }
    m_stats.events += rows.size();
    // One write per subscriber per round. Keys first: a write may end a stream, and its
    // closed handler erases the subscriber.
    std::vector<std::pair<quint64, QByteArray>> writes;
    for (auto& [key, sub] : m_subscribers) {
        if (!sub.pending.isEmpty())
            writes.emplace_back(key, std::exchange(sub.pending, {}));
    }
    for (const auto& [key, bytes] : writes)
        send(key, bytes);
}

void ScanStreamHub::log(const QString& message)
{
    // Once per run of failures: a store that is away for a minute is one line, not 300.
    if (m_loggedReadError)
        return;
    m_loggedReadError = true;
    std::fprintf(stderr, "dppserver: scan stream cannot read the scan feed: %s\n",
                 message.toUtf8().constData());
    std::fflush(stderr);
}

Result<std::optional<qint64>> ScanStreamHub::parseEventId(const QByteArray& value,
                                                          const QString& param)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 id = trimmed.toLongLong(&ok);
    if (!ok || id < 0)
        return Error{param,
                     QStringLiteral("must be the id of an event this stream sent (a "
                                    "non-negative integer), got \"%1\"")
                         .arg(QString::fromLatin1(trimmed.left(40))),
                     QStringLiteral("invalid_event_id")};
    return std::optional<qint64>(id);
}

QJsonObject ScanStreamHub::eventJson(const analytics::ScanEvent& e)
{
    return QJsonObject{
        {QStringLiteral("productId"), e.productId},
        {QStringLiteral("gtin"), e.gtin},
        {QStringLiteral("keyLevel"), e.keyLevel},
        {QStringLiteral("linkType"), orNull(e.linkType)},
        {QStringLiteral("scannedAt"), e.at.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("country"), orNull(e.country)},
        {QStringLiteral("device"), e.device},
        {QStringLiteral("os"), e.os},
        {QStringLiteral("browser"), e.browser},
        {QStringLiteral("referrerHost"), orNull(e.referrerHost)},
    };
}

void ScanStreamHub::subscribe(std::shared_ptr<StreamSink> sink, const QString& tenantId,
                              const QString& productId, std::optional<qint64> lastEventId)
{
    if (!sink || !sink->isOpen())
        return;
    QByteArray out = "retry: " + QByteArray::number(m_options.retryMs) + "\n\n";
    qint64 after = m_cursor; // live from what this hub has fanned out
    if (lastEventId) {
        const qint64 last = *lastEventId;
        const auto reset = [&](const char* reason, qint64 resumeFrom) {
            out += frame(resumeFrom, "reset",
                         QJsonObject{{QStringLiteral("reason"), QString::fromLatin1(reason)},
                                     {QStringLiteral("lastEventId"), last},
                                     {QStringLiteral("resumeFrom"), resumeFrom}});
        };
        const auto fail = [&](const Error& e) {
            // The client reconnects after the retry hint and resumes from the same id.
            ++m_stats.readErrors;
            log(e.message);
            sink->write(out);
            sink->close();
        };
        store::ScanFeed feed(*m_db);
        const auto newest = feed.lastSeq();
        if (!newest.ok())
            return fail(newest.error());
        const qint64 high = std::max(*newest, m_cursor);
        if (last > high) {
            reset("unknown_event_id", high); // never handed out, by any process
            after = high;
        } else if (last > m_cursor) {
            // Given out by a process that read the feed before us: our next rounds bring
            // the rest; skip what the client has.
            after = last;
        } else {
            const int bound = std::max(1, m_options.bufferPerTenant);
            const auto window = feed.window(tenantId, last, m_cursor, bound + 1);
            if (!window.ok())
                return fail(window.error());
            qint64 from = std::max(last, window->prunedUpTo);
            // More than the bound since the id: only the newest `bound` are replayed,
            // whether or not the writer has pruned the older ones yet.
            if (window->entries.size() > bound)
                from = std::max(from, window->entries.last().seq);
            if (from > last)
                reset("events_missed", from);
            for (auto it = window->entries.crbegin(); it != window->entries.crend(); ++it) {
                if (it->seq > from && (productId.isEmpty() || it->productId == productId))
                    out += frame(*it);
            }
        }
    }
    sink->write(out);
    if (!sink->isOpen())
        return;
    const quint64 key = m_nextKey++;
    sink->setClosedHandler([this, key] { drop(key); });
    m_subscribers.emplace(key, Subscriber{std::move(sink), tenantId, productId, after, {}});
    m_anySubscriber = true;
}

void ScanStreamHub::heartbeat()
{
    std::vector<quint64> keys;
    keys.reserve(m_subscribers.size());
    for (const auto& [key, sub] : m_subscribers)
        keys.push_back(key);
    // A comment line: EventSource ignores it, but it is traffic, so proxies and our own
    // idle timeout see a live connection.
    for (const quint64 key : keys)
        send(key, QByteArrayLiteral(": hb\n\n"));
}

void ScanStreamHub::send(quint64 key, const QByteArray& bytes)
{
    const auto it = m_subscribers.find(key);
    if (it == m_subscribers.end())
        return;
    const std::shared_ptr<StreamSink> sink = it->second.sink; // may erase `it`
    if (!sink->isOpen()) {
        drop(key);
        return;
    }
    if (sink->pendingBytes() > m_options.maxPendingBytes) {
        // Memory stays flat however slow the reader: it reconnects with Last-Event-ID and
        // gets what the feed still holds.
        ++m_stats.slowClientsCut;
        sink->abort();
        drop(key);
        return;
    }
    sink->write(bytes);
}

ScanStreamHub::Stats ScanStreamHub::stats() const
{
    Stats s = m_stats;
    s.subscribers = qint64(m_subscribers.size());
    return s;
}

QJsonObject ScanStreamHub::statsJson() const
{
    const Stats s = stats();
    return QJsonObject{{QStringLiteral("subscribers"), s.subscribers},
                       {QStringLiteral("events"), s.events},
                       {QStringLiteral("slowClientsCut"), s.slowClientsCut},
                       {QStringLiteral("readErrors"), s.readErrors},
                       {QStringLiteral("cursor"), m_cursor}};
}

} // namespace dpp::server
