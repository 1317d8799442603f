// dppctl tenant create NAME [--gcp PREFIX]… | tenant list
#include "commands.h"
#include "storeaccess.h"

#include <QJsonArray>
#include <store/tenantrepository.h>

namespace dpp::ctl {

int runTenant(const QStringList& arguments)
{
    QStringList args = arguments;
    const QStringList gcps = takeOption(args, QStringLiteral("gcp"));
    const QString sub = args.value(0);
    if (sub == QLatin1String("list") && args.size() == 1 && gcps.isEmpty()) {
        auto db = openStore();
        if (!db.ok())
            return printError(db.error());
        QJsonArray list;
        for (const auto& t : store::TenantRepository(**db).list())
            list.append(t.toJson());
        printJson({{QStringLiteral("tenants"), list}});
        return kExitOk;
    }
    if (sub != QLatin1String("create") || args.size() != 2 ||
        args[1].startsWith(QLatin1String("--")))
        return usageError(
            "tenant",
            QStringLiteral("expected `tenant create NAME [--gcp PREFIX]…` or `tenant list`"));
    auto db = openStore();
    if (!db.ok())
        return printError(db.error());
    auto tenant = store::TenantRepository(**db).create(args[1], gcps);
    if (!tenant.ok())
        return printError(tenant.error());
    const QJsonObject json = tenant->toJson();
    printJson({{QStringLiteral("id"), json.value(QStringLiteral("id"))},
               {QStringLiteral("name"), json.value(QStringLiteral("name"))},
               {QStringLiteral("gcps"), json.value(QStringLiteral("gcps"))},
               {QStringLiteral("created_at"), json.value(QStringLiteral("created_at"))}});
    return kExitOk;
}

} // namespace dpp::ctl
