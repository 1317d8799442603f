// dppctl key create --tenant NAME --scopes a,b [--test] [--expires DATE] [--name N]
// Prints the new key once; only its hash is stored.
#include "commands.h"
#include "storeaccess.h"

#include <QJsonArray>
#include <QTimeZone>
#include <store/apikeyrepository.h>

namespace dpp::ctl {

int runKey(const QStringList& arguments)
{
    QStringList args = arguments;
    const QStringList tenantName = takeOption(args, QStringLiteral("tenant"));
    const QStringList scopes = takeOption(args, QStringLiteral("scopes"));
    const QStringList expires = takeOption(args, QStringLiteral("expires"));
    const QStringList name = takeOption(args, QStringLiteral("name"));
    const bool test = takeFlag(args, QStringLiteral("test"));
    if (args != QStringList{QStringLiteral("create")})
        return usageError("key",
                          QStringLiteral("expected `key create --tenant NAME --scopes a,b`"));
    if (tenantName.size() != 1)
        return usageError("key", QStringLiteral("--tenant NAME is required"));
    if (scopes.size() != 1)
        return usageError("key", QStringLiteral("--scopes a,b is required"));
    QDateTime expiresAt;
    if (!expires.isEmpty()) {
        // A date means the key works until that day begins (UTC); a full timestamp is taken as is.
        expiresAt = QDateTime::fromString(expires.first(), Qt::ISODate);
        if (expires.first().size() == 10)
            expiresAt = QDate::fromString(expires.first(), Qt::ISODate).startOfDay(Qt::UTC);
        if (!expiresAt.isValid())
            return printError(
                {QStringLiteral("expires"),
                 QStringLiteral("must be a date (YYYY-MM-DD) or an ISO 8601 timestamp"),
                 QStringLiteral("invalid")});
    }
    auto db = openStore();
    if (!db.ok())
        return printError(db.error());
    auto tenant = resolveTenant(**db, tenantName.first());
    if (!tenant.ok())
        return printError(tenant.error());
    const QStringList scopeList = scopes.first().split(u',', Qt::SkipEmptyParts);
    store::ApiKeyRepository keys(**db, tenant->id);
    auto created = keys.create(name.isEmpty() ? QStringLiteral("dppctl") : name.first(), scopeList,
                               test, expiresAt);
    if (!created.ok())
        return printError(created.error());
    const QJsonObject json = created->key.toJson();
    printJson({{QStringLiteral("key"), created->secret},
               {QStringLiteral("id"), json.value(QStringLiteral("id"))},
               {QStringLiteral("tenant"), tenant->name},
               {QStringLiteral("name"), json.value(QStringLiteral("name"))},
               {QStringLiteral("prefix"), json.value(QStringLiteral("prefix"))},
               {QStringLiteral("scopes"), json.value(QStringLiteral("scopes"))},
               {QStringLiteral("test"), json.value(QStringLiteral("test"))},
               {QStringLiteral("expires_at"), json.value(QStringLiteral("expires_at"))}});
    return kExitOk;
}

} // namespace dpp::ctl
