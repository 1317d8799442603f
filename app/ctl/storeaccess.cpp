#include "storeaccess.h"

#include "commands.h"

#include <store/tenantrepository.h>

namespace dpp::ctl {

QString& databaseLocation()
{
    static QString location;
    return location;
}

Result<std::shared_ptr<store::Database>> openStore()
{
    return store::Database::open(databaseLocation());
}

Result<passport::Tenant> resolveTenant(store::Database& db, const QString& name)
{
    store::TenantRepository tenants(db);
    if (name.isEmpty())
        return tenants.ensure(QStringLiteral("default"));
    if (auto t = tenants.findByName(name))
        return *t;
    return Error{
        QStringLiteral("tenant"),
        QStringLiteral("no tenant named \"%1\"; create it with `dppctl tenant create`").arg(name),
        QStringLiteral("not_found")};
}

int printError(const Error& error)
{
    printJson({{QStringLiteral("error"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                            {QStringLiteral("message"), error.message},
                            {QStringLiteral("code"),
                             error.code.isEmpty() ? QStringLiteral("invalid") : error.code},
                            {QStringLiteral("param"), error.param}}}});
    return kExitInvalid;
}

QStringList takeOption(QStringList& args, const QString& name)
{
    QStringList values;
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < args.size();) {
        if (args[i] == flag && i + 1 < args.size()) {
            values.append(args[i + 1]);
            args.remove(i, 2);
        } else if (args[i].startsWith(flag + u'=')) {
            values.append(args[i].mid(flag.size() + 1));
            args.remove(i);
        } else {
            ++i;
        }
    }
    return values;
}

bool takeFlag(QStringList& args, const QString& name)
{
    return args.removeAll(QStringLiteral("--") + name) > 0;
}

} // namespace dpp::ctl
