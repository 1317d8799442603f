// WebhookSubscription: a tenant's outbound webhook endpoint: where events go, which
// events, and the secret deliveries are signed with (shown once when created).
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct WebhookSubscription
{
    QString id;
    QString tenantId;
    QString url;
    QStringList events; // event types, or "*" for every event
    QString secret;     // "whsec_…"; kept so deliveries can be signed, never listed
    QString description;
    bool active = true;
    int failureCount = 0; // deliveries that failed for good (after all attempts)
    QDateTime createdAt;
    QDateTime updatedAt;
    int rowVersion = 1;

    /// The event types a subscription may name (issue 9).
    static const QStringList& knownEvents();
    /// A new signing secret ("whsec_" + 256 random bits, base64url).
    static QString generateSecret();

    bool wants(const QString& eventType) const
    {
        return events.contains(QStringLiteral("*")) || events.contains(eventType);
    }
    /// Takes url, events, description and active from a create (all of url and events
    /// required) or PATCH body; type errors name the field. Unknown keys are refused so a
    /// typo ("event") is not silently ignored.
    FieldErrors applyJson(const QJsonObject& json, bool creating);
    /// Field rules that need no network: url (http(s), host, length), events, description.
    /// Address policy (no private targets) is WebhookUrlPolicy's job.
    FieldErrors validate() const;
    /// Never contains the secret.
    QJsonObject toJson() const;
};

} // namespace dpp::passport
