#include "scanthresholdnotifier.h"

#include "store/scanthresholdrepository.h"
#include "store/webhookdeliveryrepository.h"
#include "store/webhooksubscriptionrepository.h"
#include "webhookeventbuilder.h"

#include <QHash>

namespace dpp::webhooks {

Status ScanThresholdNotifier::afterScansStored(store::Database& db,
                                               const QList<analytics::ScanEvent>& events)
{
    // Only products of tenants that listen for scan.threshold are counted: the check
    // costs queries per product, and the recorder's batches must stay cheap. A threshold
    // crossed while nobody listens is not fired later (events reach subscriptions that
    // existed when they happened).
    QHash<QString, bool> listening;
    QList<analytics::ScanEvent> relevant;
    for (const auto& e : events) {
        auto it = listening.find(e.tenantId);
        if (it == listening.end())
            it = listening.insert(e.tenantId, !store::WebhookSubscriptionRepository::subscribersOf(
                                                   db, e.tenantId, QStringLiteral("scan.threshold"))
                                                   .isEmpty());
        if (*it)
            relevant.append(e);
    }
    if (relevant.isEmpty())
        return Ok{};
    auto crossings = store::ScanThresholdRepository::recordCrossings(db, relevant);
    if (!crossings.ok())
        return crossings.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto& c : *crossings) {
        const WebhookEvent e = WebhookEventBuilder::scanThreshold(c.tenantId, c.productId, c.gtin,
                                                                  c.threshold, c.total, now);
        auto added =
            store::WebhookDeliveryRepository::enqueue(db, e.tenantId, e.id, e.type, e.body(), {});
        if (!added.ok())
            return added.error();
    }
    return Ok{};
}

} // namespace dpp::webhooks
