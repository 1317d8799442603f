// WebhookSubscriptionRepository: one tenant's outbound webhook endpoints. The secret
// is stored as given because every delivery is signed with it; it leaves the store only
// in the create answer (and to the dispatcher).
#pragma once

#include "database.h"
#include "passport/webhooksubscription.h"

#include <QSet>
#include <optional>

namespace dpp::store {

class WebhookSubscriptionRepository
{
public:
    WebhookSubscriptionRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    /// Validates `draft` (url, events), gives it an id and a new secret, and stores it.
    Result<passport::WebhookSubscription> create(passport::WebhookSubscription draft);
    QList<passport::WebhookSubscription> list() const;
    /// Within the tenant only: another tenant's id is "not found".
    std::optional<passport::WebhookSubscription> get(const QString& id) const;
    /// Stores the edited subscription; with `expectedVersion`, only while the row is still
    /// at it (code "version_mismatch", param If-Match, otherwise; none = last write wins).
    /// The version goes up by one.
    Result<passport::WebhookSubscription> update(const passport::WebhookSubscription& edited,
                                                 std::optional<qint64> expectedVersion);
    /// Removes the subscription and its deliveries.
    Status remove(const QString& id);

    /// Active subscriptions of `tenantId` that want `eventType` (any tenant's store rows;
    /// the dispatcher and the scan recorder call this inside their transactions).
    static QList<passport::WebhookSubscription> subscribersOf(Database& db, const QString& tenantId,
                                                              const QString& eventType);
    /// Tenants with at least one active subscription (the dispatcher skips the others'
    /// journal entries without building their events).
    static QSet<QString> tenantsWithActiveSubscriptions(Database& db);
    /// Any subscription by id, whatever the tenant (the sender's view).
    static std::optional<passport::WebhookSubscription> byId(Database& db, const QString& id);
    /// One more delivery failed for good.
    static Status addFailure(Database& db, const QString& id);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
