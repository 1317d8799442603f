// dppctl import FILE.csv [--tenant NAME]: bulk import; prints the report
// {"created","updated","skipped","errors"}. Exit 0 when the file could be
// read (even with skipped rows), 1 when it could not be used at all.
#include "commands.h"
#include "storeaccess.h"

#include <QFile>
#include <cstdio>
#include <export/productimporter.h>

namespace dpp::ctl {

int runImport(const QStringList& arguments)
{
    QStringList args = arguments;
    const QStringList tenantName = takeOption(args, QStringLiteral("tenant"));
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        return usageError("import", QStringLiteral("expected one CSV file"));
    QFile file(args.first());
    if (!file.open(QIODevice::ReadOnly))
        return printError(
            {QStringLiteral("file"),
             QStringLiteral("cannot read %1: %2").arg(args.first(), file.errorString()),
             QStringLiteral("unreadable")});
    const QByteArray bytes = file.readAll();
    auto db = openStore();
    if (!db.ok())
        return printError(db.error());
    auto tenant = resolveTenant(**db, tenantName.value(0));
    if (!tenant.ok())
        return printError(tenant.error());
    exporting::ProductImporter importer(**db, tenant->id);
    auto report = importer.importCsv(bytes, [](int done, int total) {
        std::fprintf(stderr, "imported %d of %d rows\n", done, total);
        std::fflush(stderr);
    });
    if (!report.ok())
        return printError(report.error());
    const QJsonObject json = report->toJson();
    printJson({{QStringLiteral("created"), json.value(QStringLiteral("created"))},
               {QStringLiteral("updated"), json.value(QStringLiteral("updated"))},
               {QStringLiteral("skipped"), json.value(QStringLiteral("skipped"))},
               {QStringLiteral("errors"), json.value(QStringLiteral("errors"))}});
    return kExitOk;
}

} // namespace dpp::ctl
