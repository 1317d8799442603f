// dppctl seed [--tenant NAME]: loads the bundled sample products and passports.
#include "commands.h"
#include "storeaccess.h"

#include <export/sampleseeder.h>

namespace dpp::ctl {

int runSeed(const QStringList& arguments)
{
    QStringList args = arguments;
    const QStringList tenantName = takeOption(args, QStringLiteral("tenant"));
    if (!args.isEmpty())
        return usageError("seed", QStringLiteral("unexpected argument '%1'").arg(args.first()));
    auto db = openStore();
    if (!db.ok())
        return printError(db.error());
    auto tenant = resolveTenant(**db, tenantName.value(0));
    if (!tenant.ok())
        return printError(tenant.error());
    auto result = exporting::SampleSeeder::seed(**db, tenant->id);
    if (!result.ok())
        return printError(result.error());
    printJson({{QStringLiteral("tenant"), tenant->name},
               {QStringLiteral("products"), result->value(QStringLiteral("products"))},
               {QStringLiteral("created"), result->value(QStringLiteral("created"))},
               {QStringLiteral("passports_published"),
                result->value(QStringLiteral("passports_published"))}});
    return kExitOk;
}

} // namespace dpp::ctl
