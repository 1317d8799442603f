// WebhookEventBuilder: turns change-journal entries (and scan-threshold crossings) into
// outbound webhook events. The journal says what changed; the builder reads what a
// receiver needs to act without calling back (the product, the passport version and its
// field changes against the previous version).
#pragma once

#include "store/changejournal.h"
#include "store/database.h"
#include "webhookevent.h"

#include <QList>

namespace dpp::webhooks {

class WebhookEventBuilder
{
public:
    explicit WebhookEventBuilder(store::Database& db) : m_db(db) {}

    /// The events of one journal entry: none for entities webhooks do not cover, two for
    /// a deleted product that had a published passport (product.deleted, passport.deleted:
    /// deleting a product takes its public passport offline).
    QList<WebhookEvent> fromJournal(const store::ChangeEntry& entry) const;

    /// scan.threshold: `productId`'s total scans reached `threshold` (now `total`).
    static WebhookEvent scanThreshold(const QString& tenantId, const QString& productId,
                                      const QString& gtin, qint64 threshold, qint64 total,
                                      const QDateTime& at);

    /// PassportDiff changes as [{path, kind, before?, after?}].
    static QJsonArray changesJson(const QJsonObject& before, const QJsonObject& after);

private:
    store::Database& m_db;
};

} // namespace dpp::webhooks
