// WebhookDispatcher: delivers outbound webhooks from the store's persistent queue. A
// timer turns new change-journal entries into deliveries (one per subscription and event)
// and sends the due ones with QNetworkAccessManager, signed with the subscription's
// secret (WebhookSignature). Attempts: at once, then after 30 s, 2 min, 15 min, 1 h and
// 4 h; after the sixth failure the delivery is failed, the subscription's failure_count
// goes up and a line goes to the log. Everything lives in the store, so a restart (or
// another dppserver process on the same PostgreSQL) carries on where this one stopped.
//
// The target is checked again at every attempt, not only when the subscription was made
// (a name's DNS answer can change to 127.0.0.1 or 10.x later: DNS rebinding). Before each
// attempt the host is resolved asynchronously (QHostInfo::lookupHost, the event loop never
// waits) and, unless dppserver runs with --allow-private-webhooks, the attempt is refused
// when any address is internal (WebhookUrlPolicy::checkAddresses, the same rule as at
// subscription time); it is recorded as a failed attempt with the reason and retried on
// the normal schedule. Remaining window: QNetworkAccessManager resolves the name once more
// for the request itself, so a resolver answering public then private within that moment
// still gets through. Pinning the checked address would close it, but for https the
// request must go to the host name (SNI and certificate check), which
// QNetworkAccessManager offers no way to combine with a fixed address.
#pragma once

#include "store/database.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QUrl;

namespace dpp::store {
struct WebhookDelivery;
}

namespace dpp::server {

class WebhookDispatcher : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        /// Multiplies the retry delays. Test-only (dppserver --webhook-retry-scale): 0.001
        /// runs the 4 h schedule in seconds (dppserver shortens pollIntervalMs with it).
        double retryScale = 1.0;
        /// How often the journal and the queue are looked at.
        int pollIntervalMs = 1000;
        /// Deliveries in flight at most.
        int maxInFlight = 16;
        /// Milliseconds a receiver has to answer.
        int timeoutMs = 10000;
        /// dppserver --allow-private-webhooks: skip the per-attempt address check.
        bool allowPrivateTargets = false;
    };
    static constexpr int kMaxAttempts = 6;

    WebhookDispatcher(std::shared_ptr<store::Database> db, Options options,
                      QObject* parent = nullptr);
    ~WebhookDispatcher() override;

    void start();
    /// Stops polling, aborts requests in flight and gives their claims back (they are
    /// sent again by the next process, as the same event).
    void stop();
    /// One round now: queue new journal entries, send what is due.
    void pollNow();

    /// Delay before attempt `attempt + 1` after `attempt` failed (1-based), unscaled;
    /// -1 after the last one.
    static qint64 retryDelaySeconds(int attempt);

    /// Where log lines go (default: stderr).
    void setLogSink(std::function<void(const QString&)> sink) { m_log = std::move(sink); }
    /// {"in_flight","delivered","failed_attempts","failed"} since start, for /health.
    QJsonObject statsJson() const;

private:
    void enqueueFromJournal();
    void sendDue();
    void send(const store::WebhookDelivery& delivery);
    /// The request itself, once the target passed the address check.
    void post(const store::WebhookDelivery& delivery, const QUrl& url, const QByteArray& secret);
    void finish(QNetworkReply* reply, const store::WebhookDelivery& delivery);
    /// Records a failed attempt (HTTP status or 0) and schedules the retry, or fails the
    /// delivery after the last attempt.
    void failAttempt(const store::WebhookDelivery& delivery, int status, const QString& error);

    std::shared_ptr<store::Database> m_db;
    Options m_options;
    QTimer m_timer;
    QNetworkAccessManager* m_nam = nullptr;
    QHash<QNetworkReply*, QString> m_inFlight; // reply → delivery id
    QHash<int, QString> m_resolving;           // host lookup id → delivery id
    std::function<void(const QString&)> m_log;
    bool m_polling = false;
    qint64 m_delivered = 0;
    qint64 m_failedAttempts = 0;
    qint64 m_failed = 0;
};

} // namespace dpp::server
