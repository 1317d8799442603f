// dppctl user add --tenant NAME --email E --role R   (the password is read from stdin)
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
    if (args != QStringList{QStringLiteral("add")})
        return usageError("user", QStringLiteral("expected `user add --tenant NAME --email E "
                                                 "--role R` with the password on stdin"));
    if (tenantName.size() != 1)
        return usageError("user", QStringLiteral("--tenant NAME is required"));
    if (email.size() != 1)
        return usageError("user", QStringLiteral("--email E is required"));
    if (role.size() != 1)
        return usageError("user", QStringLiteral("--role R is required"));
    QTextStream in(stdin);
    const QString password = in.readLine();
    auto db = openStore();
    if (!db.ok())
        return printError(db.error());
    auto tenant = resolveTenant(**db, tenantName.first());
    if (!tenant.ok())
        return printError(tenant.error());
    auto user =
        store::UserRepository(**db, tenant->id).createLogin(email.first(), role.first(), password);
    if (!user.ok())
        return printError(user.error());
    const QJsonObject json = user->toJson();
    printJson({{QStringLiteral("id"), json.value(QStringLiteral("id"))},
               {QStringLiteral("tenant"), tenant->name},
               {QStringLiteral("email"), json.value(QStringLiteral("email"))},
               {QStringLiteral("role"), json.value(QStringLiteral("role"))}});
    return kExitOk;
}

} // namespace dpp::ctl
