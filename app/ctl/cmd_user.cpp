// dppctl user add --tenant NAME --email E --role R [--supplier ID]   (password from stdin)
// The operator's way to create login users, including platform admins, which no API call
// can create. Reading the password from stdin keeps it out of the process list and history.
#include "commands.h"
#include "storeaccess.h"

#include <QTextStream>
#include <store/userrepository.h>

namespace dpp::ctl {

int runUser(const QStringList& arguments)
{
    QStringList args = arguments;
    const QStringList tenantName = takeOption(args, QStringLiteral("tenant"));
    const QStringList email = takeOption(args, QStringLiteral("email"));
    const QStringList role = takeOption(args, QStringLiteral("role"));
    const QStringList supplier = takeOption(args, QStringLiteral("supplier"));
    if (args != QStringList{QStringLiteral("add")})
        return usageError("user", QStringLiteral("expected `user add --tenant NAME --email E "
                                                 "--role R [--supplier ID]` with the password "
                                                 "on stdin"));
    if (tenantName.size() != 1)
        return usageError("user", QStringLiteral("--tenant NAME is required"));
    if (email.size() != 1)
        return usageError("user", QStringLiteral("--email E is required"));
    if (role.size() != 1)
        return usageError("user", QStringLiteral("--role R is required"));
    if (supplier.size() > 1)
        return usageError("user", QStringLiteral("--supplier ID may be given once"));
    QTextStream in(stdin);
    const QString password = in.readLine();
    auto db = openStore();
    if (!db.ok())
        return printError(db.error());
    auto tenant = resolveTenant(**db, tenantName.first());
    if (!tenant.ok())
        return printError(tenant.error());
    // A supplier-role user sees only the products linked to this supplier.
    auto user = store::UserRepository(**db, tenant->id)
                    .createLogin(email.first(), role.first(), password, supplier.value(0));
    if (!user.ok())
        return printError(user.error());
    const QJsonObject json = user->toJson();
    OrderedJson out{{QStringLiteral("id"), json.value(QStringLiteral("id"))},
                    {QStringLiteral("tenant"), tenant->name},
                    {QStringLiteral("email"), json.value(QStringLiteral("email"))},
                    {QStringLiteral("role"), json.value(QStringLiteral("role"))}};
    if (!user->supplierId.isEmpty())
        out.append({QStringLiteral("supplier_id"), user->supplierId});
    printJson(out);
    return kExitOk;
}

} // namespace dpp::ctl
