#include "webhooksubscription.h"

#include "secrettoken.h"

#include <QJsonArray>
#include <QUrl>

namespace dpp::passport {

const QStringList& WebhookSubscription::knownEvents()
{
    static const QStringList list = {"passport.created", "passport.updated",     "passport.deleted",
                                     "product.created",  "product.updated",      "product.deleted",
                                     "batch.created",    "serial.state_changed", "scan.threshold"};
    return list;
}

QString WebhookSubscription::generateSecret()
{
    return SecretToken::generate(QStringLiteral("whsec_"));
}

FieldErrors WebhookSubscription::applyJson(const QJsonObject& json, bool creating)
{
    FieldErrors errors;
    static const QStringList allowed = {"url", "events", "description", "active"};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!allowed.contains(it.key()))
            errors.append({it.key(), QStringLiteral("is not a webhook field; known: %1")
                                         .arg(allowed.join(QStringLiteral(", ")))});
    }
    if (const QJsonValue v = json.value(QStringLiteral("url")); !v.isUndefined()) {
        if (!v.isString())
            errors.append({QStringLiteral("url"), QStringLiteral("must be a string")});
        else
            url = v.toString().trimmed();
    } else if (creating) {
        errors.append({QStringLiteral("url"), QStringLiteral("is required")});
    }
    if (const QJsonValue v = json.value(QStringLiteral("events")); !v.isUndefined()) {
        if (!v.isArray()) {
            errors.append(
                {QStringLiteral("events"), QStringLiteral("must be an array of event names")});
        } else {
            QStringList list;
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (!a[i].isString())
                    errors.append(
                        {QStringLiteral("events[%1]").arg(i), QStringLiteral("must be a string")});
                else if (!list.contains(a[i].toString()))
                    list.append(a[i].toString());
            }
            events = list;
        }
    } else if (creating) {
        errors.append({QStringLiteral("events"), QStringLiteral("is required")});
    }
    if (const QJsonValue v = json.value(QStringLiteral("description")); !v.isUndefined()) {
        if (!v.isString() && !v.isNull())
            errors.append({QStringLiteral("description"), QStringLiteral("must be a string")});
        else
            description = v.toString();
    }
    if (const QJsonValue v = json.value(QStringLiteral("active")); !v.isUndefined()) {
        if (!v.isBool())
            errors.append({QStringLiteral("active"), QStringLiteral("must be true or false")});
        else
            active = v.toBool();
    }
    return errors;
}

FieldErrors WebhookSubscription::validate() const
{
    FieldErrors errors;
    const QUrl parsed(url, QUrl::StrictMode);
    if (url.trimmed().isEmpty())
        errors.append({QStringLiteral("url"), QStringLiteral("is required")});
    else if (url.size() > 2048)
        errors.append({QStringLiteral("url"), QStringLiteral("must be at most 2048 characters")});
    else if (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") &&
                                   parsed.scheme() != QLatin1String("https")))
        errors.append(
            {QStringLiteral("url"), QStringLiteral("must be an absolute http:// or https:// URL")});
    else if (parsed.host().isEmpty())
        errors.append({QStringLiteral("url"), QStringLiteral("has no host")});
    else if (!parsed.userInfo().isEmpty())
        errors.append({QStringLiteral("url"),
                       QStringLiteral("must not carry a user name or password (the signature "
                                      "authenticates deliveries)")});
    if (events.isEmpty())
        errors.append({QStringLiteral("events"),
                       QStringLiteral("at least one event is required (or \"*\" for all)")});
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i] != u"*" && !knownEvents().contains(events[i]))
            errors.append({QStringLiteral("events[%1]").arg(i),
                           QStringLiteral("unknown event \"%1\"; known: %2")
                               .arg(events[i], knownEvents().join(QStringLiteral(", ")))});
    }
    if (description.size() > 500)
        errors.append(
            {QStringLiteral("description"), QStringLiteral("must be at most 500 characters")});
    return errors;
}

QJsonObject WebhookSubscription::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("url"), url},
        {QStringLiteral("events"), QJsonArray::fromStringList(events)},
        {QStringLiteral("description"), description},
        {QStringLiteral("active"), active},
        {QStringLiteral("failure_count"), failureCount},
        {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("updated_at"), updatedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("version"), rowVersion},
    };
}

} // namespace dpp::passport
