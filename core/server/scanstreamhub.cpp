#include "scanstreamhub.h"

#include <QDateTime>
#include <QJsonDocument>
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

} // namespace

ScanStreamHub::ScanStreamHub(Options options, QObject* parent)
    : QObject(parent), m_options(options),
      // Ids are per tenant and only grow. Starting each process at its start time in
      // microseconds (16 digits, still exact in a JavaScript number) means a restarted
      // server never hands out an id a client already holds: an id from before the
      // restart is simply older than the ring, and the client is told it missed events.
      m_firstId(QDateTime::currentMSecsSinceEpoch() * 1000)
{
    m_heartbeat.setInterval(std::max(100, m_options.heartbeatMs));
    connect(&m_heartbeat, &QTimer::timeout, this, &ScanStreamHub::heartbeat);
    m_heartbeat.start();
}

ScanStreamHub::~ScanStreamHub()
{
    // The sinks may outlive us in the adapter's list for a moment; they must not call back.
    for (auto& [key, sub] : m_subscribers)
        sub.sink->setClosedHandler(nullptr);
}

void ScanStreamHub::publish(const QList<analytics::ScanEvent>& events)
{
    if (events.isEmpty())
        return;
    // Queued: the writer thread never touches a socket or the rings.
    QMetaObject::invokeMethod(
        this, [this, events] { deliver(events); }, Qt::QueuedConnection);
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

ScanStreamHub::TenantLog& ScanStreamHub::logOf(const QString& tenantId)
{
    auto it = m_tenants.find(tenantId);
    if (it == m_tenants.end())
        it = m_tenants.insert(tenantId, TenantLog{m_firstId, {}});
    return *it;
}

void ScanStreamHub::subscribe(std::shared_ptr<StreamSink> sink, const QString& tenantId,
                              const QString& productId, std::optional<qint64> lastEventId)
{
    if (!sink || !sink->isOpen())
        return;
    const TenantLog& log = logOf(tenantId);
    QByteArray out = "retry: " + QByteArray::number(m_options.retryMs) + "\n\n";
    if (lastEventId) {
        const qint64 last = *lastEventId;
        const qint64 oldest = log.ring.empty() ? log.lastId + 1 : log.ring.front().id;
        qint64 from = last; // replay ids above this
        const auto reset = [&](const char* reason, qint64 resumeFrom) {
            out += frame(resumeFrom, "reset",
                         QJsonObject{{QStringLiteral("reason"), QString::fromLatin1(reason)},
                                     {QStringLiteral("lastEventId"), last},
                                     {QStringLiteral("resumeFrom"), resumeFrom}});
            from = resumeFrom;
        };
        if (last > log.lastId)
            reset("unknown_event_id", log.lastId); // another process's id, or made up
        else if (last < oldest - 1)
            reset("events_missed", oldest - 1); // the ring no longer reaches back that far
        for (const Entry& e : log.ring) {
            if (e.id > from && (productId.isEmpty() || e.productId == productId))
                out += e.frame;
        }
    }
    sink->write(out);
    if (!sink->isOpen())
        return;
    const quint64 key = m_nextKey++;
    sink->setClosedHandler([this, key] { m_subscribers.erase(key); });
    m_subscribers.emplace(key, Subscriber{std::move(sink), tenantId, productId, {}});
}

void ScanStreamHub::deliver(const QList<analytics::ScanEvent>& events)
{
    for (const analytics::ScanEvent& e : events) {
        TenantLog& log = logOf(e.tenantId);
        const qint64 id = ++log.lastId;
        Entry entry{id, e.productId, frame(id, "scan", eventJson(e))};
        for (auto& [key, sub] : m_subscribers) {
            if (sub.tenantId == e.tenantId &&
                (sub.productId.isEmpty() || sub.productId == e.productId))
                sub.pending += entry.frame;
        }
        log.ring.push_back(std::move(entry));
        while (qsizetype(log.ring.size()) > std::max(1, m_options.bufferPerTenant))
            log.ring.pop_front();
        ++m_stats.events;
    }
    // One write per subscriber per batch. Keys first: a write may end a stream, and its
    // closed handler erases the subscriber.
    std::vector<std::pair<quint64, QByteArray>> writes;
    for (auto& [key, sub] : m_subscribers) {
        if (!sub.pending.isEmpty())
            writes.emplace_back(key, std::exchange(sub.pending, {}));
    }
    for (const auto& [key, bytes] : writes)
        send(key, bytes);
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
        m_subscribers.erase(it);
        return;
    }
    if (sink->pendingBytes() > m_options.maxPendingBytes) {
        // Memory stays flat however slow the reader: it reconnects with Last-Event-ID and
        // gets what the ring still holds.
        ++m_stats.slowClientsCut;
        sink->abort();
        m_subscribers.erase(key);
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
                       {QStringLiteral("slowClientsCut"), s.slowClientsCut}};
}

} // namespace dpp::server
