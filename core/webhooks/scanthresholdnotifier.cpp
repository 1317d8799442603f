#include "scanthresholdnotifier.h"

#include "store/scanthresholdrepository.h"
#include "store/webhookdeliveryrepository.h"
#include "webhookeventbuilder.h"

namespace dpp::webhooks {

Status ScanThresholdNotifier::afterScansStored(store::Database& db,
                                               const QList<analytics::ScanEvent>& events)
{
    if (events.isEmpty())
        return Ok{};
    auto crossings = store::ScanThresholdRepository::recordCrossings(db, events);
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
