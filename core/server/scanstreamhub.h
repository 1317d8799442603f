// ScanStreamHub: fans recorded scans out to live Server-Sent Events streams
// (GET /v1/stream/scans). Keeps a bounded per-tenant ring of recent events so a client
// that reconnects with Last-Event-ID gets exactly what it missed, and tells it (event
// `reset`) when the ring no longer reaches back that far.
//
// In-process only: a stream sees the scans its own dppserver process answered. Behind a
// load balancer with several processes, route /v1/stream/ to one process (or use sticky
// sessions and accept a per-process view); see README "Realtime scan stream".
#pragma once

#include "analytics/scanevent.h"
#include "result.h"
#include "streamsink.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <deque>
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
        int heartbeatMs = 15000;          // a `: hb` comment this often keeps proxies and our
                                          // idle timeout from closing a quiet stream
        int bufferPerTenant = 1000;       // recent events kept per tenant for Last-Event-ID
        qint64 maxPendingBytes = 1 << 20; // a client further behind than this is cut off
        int retryMs = 3000;               // the `retry:` hint: how soon clients reconnect
    };

    struct Stats
    {
        qint64 subscribers = 0;
        qint64 events = 0;         // scans published since start
        qint64 slowClientsCut = 0; // streams cut because the client fell too far behind
    };

    explicit ScanStreamHub(Options options, QObject* parent = nullptr);
    ~ScanStreamHub() override;

    /// Hands stored scans to the hub. Callable from any thread (the recorder's writer):
    /// the events are queued to the hub's thread, which alone touches the streams.
    void publish(const QList<analytics::ScanEvent>& events);

    /// Starts a stream for one tenant (and optionally one product): `retry:` hint, then
    /// what the client missed after lastEventId (or an `event: reset` when the ring does
    /// not reach back that far, or the id is not one this process gave out), then every
    /// new scan. Runs in the hub's thread.
    void subscribe(std::shared_ptr<StreamSink> sink, const QString& tenantId,
                   const QString& productId, std::optional<qint64> lastEventId);

    /// A Last-Event-ID value: empty is "none"; anything but a non-negative integer is an
    /// Error naming `param`.
    static Result<std::optional<qint64>> parseEventId(const QByteArray& value,
                                                      const QString& param);

    /// The `data:` line's JSON for one scan: what analytics stores, never the client address.
    static QJsonObject eventJson(const analytics::ScanEvent& event);

    Stats stats() const;
    /// {"subscribers","events","slowClientsCut"} for /health.
    QJsonObject statsJson() const;

private:
    struct Entry
    {
        qint64 id = 0;
        QString productId;
        QByteArray frame; // the complete SSE event, serialised once for every subscriber
    };
    struct TenantLog
    {
        qint64 lastId = 0;
        std::deque<Entry> ring;
    };
    struct Subscriber
    {
        std::shared_ptr<StreamSink> sink;
        QString tenantId;
        QString productId;  // empty: all the tenant's products
        QByteArray pending; // frames gathered for one write
    };

    void deliver(const QList<analytics::ScanEvent>& events);
    void heartbeat();
    /// Writes, or cuts a client whose unsent backlog passed the limit.
    void send(quint64 key, const QByteArray& bytes);
    TenantLog& logOf(const QString& tenantId);

    Options m_options;
    qint64 m_firstId; // ids start above the previous process's (see .cpp)
    QHash<QString, TenantLog> m_tenants;
    std::map<quint64, Subscriber> m_subscribers;
    quint64 m_nextKey = 1;
    QTimer m_heartbeat;
    Stats m_stats;
};

} // namespace dpp::server
