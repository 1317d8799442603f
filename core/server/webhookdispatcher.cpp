#include "webhookdispatcher.h"

#include "dpp/version.h"
#include "store/changejournal.h"
#include "store/webhookdeliveryrepository.h"
#include "store/webhooksubscriptionrepository.h"
#include "webhooks/webhookeventbuilder.h"
#include "webhooks/webhooksignature.h"
#include "webhooks/webhookurlpolicy.h"

#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <cstdio>

namespace dpp::server {

namespace {
// A claim outlives the 10 s request timeout by far, so a slow receiver is never sent the
// same delivery by a second process; a crashed process's claims free up after it.
constexpr int kLeaseMs = 60000;
constexpr int kJournalBatch = 500;
} // namespace

WebhookDispatcher::WebhookDispatcher(std::shared_ptr<store::Database> db, Options options,
                                     QObject* parent)
    : QObject(parent), m_db(std::move(db)), m_options(options),
      m_nam(new QNetworkAccessManager(this))
{
    m_log = [](const QString& line) {
        std::fprintf(stderr, "%s\n", line.toUtf8().constData());
        std::fflush(stderr);
    };
    m_timer.setInterval(std::max(20, m_options.pollIntervalMs));
    connect(&m_timer, &QTimer::timeout, this, &WebhookDispatcher::pollNow);
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

void WebhookDispatcher::start()
{
    m_timer.start();
    QTimer::singleShot(0, this, &WebhookDispatcher::pollNow);
}

void WebhookDispatcher::stop()
{
    m_timer.stop();
    QStringList unclaim;
    const auto inFlight = m_inFlight;
    m_inFlight.clear();
    for (auto it = inFlight.begin(); it != inFlight.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        it.key()->deleteLater();
        unclaim.append(it.value());
    }
    const auto resolving = m_resolving;
    m_resolving.clear();
    for (auto it = resolving.begin(); it != resolving.end(); ++it) {
        QHostInfo::abortHostLookup(it.key());
        unclaim.append(it.value());
    }
    for (const QString& id : std::as_const(unclaim)) {
        QSqlQuery q = m_db->prepare(QStringLiteral(
            "UPDATE webhook_deliveries SET locked_until = NULL WHERE id = :id AND status = "
            "'pending'"));
        q.bindValue(QStringLiteral(":id"), id);
        (void)store::Database::exec(q);
    }
}

qint64 WebhookDispatcher::retryDelaySeconds(int attempt)
{
    static const qint64 delays[] = {30, 120, 900, 3600, 14400};
    if (attempt < 1 || attempt >= kMaxAttempts)
        return -1;
    return delays[attempt - 1];
}

QJsonObject WebhookDispatcher::statsJson() const
{
    return QJsonObject{{QStringLiteral("in_flight"), qint64(m_inFlight.size())},
                       {QStringLiteral("delivered"), m_delivered},
                       {QStringLiteral("failed_attempts"), m_failedAttempts},
                       {QStringLiteral("failed"), m_failed}};
}

void WebhookDispatcher::pollNow()
{
    if (m_polling)
        return;
    m_polling = true;
    enqueueFromJournal();
    sendDue();
    m_polling = false;
}

void WebhookDispatcher::enqueueFromJournal()
{
    store::Database& db = *m_db;
    const webhooks::WebhookEventBuilder builder(db);
    for (int round = 0; round < 20; ++round) {
        bool more = false;
        const Status s = db.transaction([&]() -> Status {
            const qint64 from = store::WebhookDeliveryRepository::cursor(db);
            auto entries = store::ChangeJournal(db).after(from, kJournalBatch);
            if (!entries.ok())
                return entries.error();
            if (entries->isEmpty())
                return Ok{};
            const QSet<QString> listening =
                store::WebhookSubscriptionRepository::tenantsWithActiveSubscriptions(db);
            for (const store::ChangeEntry& entry : *entries) {
                if (!listening.contains(entry.tenantId))
                    continue; // nobody to tell; the cursor still moves past it
                for (const webhooks::WebhookEvent& e : builder.fromJournal(entry)) {
                    auto added = store::WebhookDeliveryRepository::enqueue(
                        db, e.tenantId, e.id, e.type, e.body(), e.created);
                    if (!added.ok())
                        return added.error();
                }
            }
            auto moved =
                store::WebhookDeliveryRepository::advanceCursor(db, from, entries->last().seq);
            if (!moved.ok())
                return moved.error();
            if (!*moved) // another process took these entries; its deliveries stand
                return Error{QString(), QStringLiteral("cursor moved"), QStringLiteral("race")};
            more = entries->size() == kJournalBatch;
            return Ok{};
        });
        if (!s.ok() && s.error().code != u"race")
            m_log(QStringLiteral("dppserver: webhooks: cannot queue events: %1")
                      .arg(s.error().message));
        if (!more)
            break;
    }
}

void WebhookDispatcher::sendDue()
{
    const int room = m_options.maxInFlight - int(m_inFlight.size()) - int(m_resolving.size());
    if (room <= 0)
        return;
    const auto due = store::WebhookDeliveryRepository::claimDue(
        *m_db, QDateTime::currentDateTimeUtc(), room, kLeaseMs);
    for (const auto& d : due)
        send(d);
}

void WebhookDispatcher::send(const store::WebhookDelivery& delivery)
{
    const auto sub = store::WebhookSubscriptionRepository::byId(*m_db, delivery.subscriptionId);
    if (!sub) {
        (void)store::WebhookDeliveryRepository::markAttemptFailed(
            *m_db, delivery.id, 0, QStringLiteral("the webhook was deleted"), {});
        return;
    }
    const QUrl url(sub->url);
    const QByteArray secret = sub->secret.toUtf8();
    const QString host = url.host();
    if (m_options.allowPrivateTargets) {
        post(delivery, url, secret);
        return;
    }
    const auto checked = [this, delivery, url, secret, host](const QList<QHostAddress>& addresses) {
        if (const Status s = webhooks::WebhookUrlPolicy::checkAddresses(host, addresses); !s.ok())
            failAttempt(delivery, 0,
                        QStringLiteral("target refused at send time: ") + s.error().message);
        else
            post(delivery, url, secret);
    };
    if (QHostAddress literal; literal.setAddress(host)) {
        checked({literal});
        return;
    }
    // Asynchronous: a slow DNS server must not stall the requests this thread serves.
    const int lookup =
        QHostInfo::lookupHost(host, this, [this, delivery, host, checked](const QHostInfo& info) {
            if (!m_resolving.remove(info.lookupId()))
                return; // stopped meanwhile; the claim was given back
            if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
                failAttempt(
                    delivery, 0,
                    QStringLiteral("host %1 cannot be resolved: %2").arg(host, info.errorString()));
                return;
            }
            checked(info.addresses());
        });
    m_resolving.insert(lookup, delivery.id);
}

void WebhookDispatcher::post(const store::WebhookDelivery& delivery, const QUrl& url,
                             const QByteArray& secret)
{
    QNetworkRequest request{url};
    const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("User-Agent",
                         QByteArray("DPP-Studio-Webhooks/").append(QByteArray(dpp::kVersion)));
    request.setRawHeader("X-Webhook-Id", delivery.eventId.toUtf8());
    request.setRawHeader("X-Webhook-Event", delivery.eventType.toUtf8());
    request.setRawHeader("X-Webhook-Delivery", delivery.id.toUtf8());
    request.setRawHeader("X-Webhook-Attempt", QByteArray::number(delivery.attempts + 1));
    request.setRawHeader("X-Webhook-Timestamp", timestamp);
    request.setRawHeader("X-Webhook-Signature",
                         webhooks::WebhookSignature::sign(secret, timestamp, delivery.payload));
    // A redirect is an answer, not a delivery: following it could lead anywhere (SSRF).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);
    QNetworkReply* reply = m_nam->post(request, delivery.payload);
    m_inFlight.insert(reply, delivery.id);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, delivery] { finish(reply, delivery); });
}

void WebhookDispatcher::finish(QNetworkReply* reply, const store::WebhookDelivery& delivery)
{
    reply->deleteLater();
    if (!m_inFlight.remove(reply))
        return; // stopped meanwhile
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 200 && status < 300) {
        (void)store::WebhookDeliveryRepository::markDelivered(*m_db, delivery.id, status);
        ++m_delivered;
        return;
    }
    failAttempt(delivery, status,
                status > 0 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString());
}

void WebhookDispatcher::failAttempt(const store::WebhookDelivery& delivery, int status,
                                    const QString& error)
{
    const int attempt = delivery.attempts + 1;
    ++m_failedAttempts;
    const qint64 delay = retryDelaySeconds(attempt);
    if (delay < 0) {
        const Status s = m_db->transaction([&]() -> Status {
            if (Status st = store::WebhookDeliveryRepository::markAttemptFailed(*m_db, delivery.id,
                                                                                status, error, {});
                !st.ok())
                return st;
            return store::WebhookSubscriptionRepository::addFailure(*m_db, delivery.subscriptionId);
        });
        ++m_failed;
        m_log(QStringLiteral("dppserver: webhook %1 (%2, %3) failed after %4 attempts: %5%6")
                  .arg(delivery.subscriptionId, delivery.eventType, delivery.eventId)
                  .arg(attempt)
                  .arg(error, s.ok()
                                  ? QString()
                                  : QStringLiteral(" (not stored: ") + s.error().message + u')'));
        return;
    }
    const qint64 delayMs = std::max<qint64>(1, qint64(double(delay) * 1000 * m_options.retryScale));
    (void)store::WebhookDeliveryRepository::markAttemptFailed(
        *m_db, delivery.id, status, error, QDateTime::currentDateTimeUtc().addMSecs(delayMs));
    // Do not wait for the next poll when the retry comes sooner (a scaled-down schedule).
    if (delayMs < m_timer.interval())
        QTimer::singleShot(int(delayMs) + 1, this, &WebhookDispatcher::pollNow);
}

} // namespace dpp::server
