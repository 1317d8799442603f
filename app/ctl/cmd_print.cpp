// dppctl print: a label job to a printer: any CUPS printer (--printer), raw
// ZPL to a network printer (--zpl-host HOST:PORT) or to a CUPS raw queue
// (--zpl-queue). --verify decodes every distinct symbol layout first.
// With --product (and --batch) the store keeps score: serials become
// "printed" once sent, --resume continues after the last serial sent, and
// --reprint FIRST-LAST prints a range again (audited, no state goes back).
#include "cliargs.h"
#include "commands.h"
#include "labelcli.h"
#include "storeaccess.h"

#include <cstdio>
#include <label/printjob.h>
#include <label/storeprintjob.h>

namespace dpp::ctl {

namespace {
int printStoreJob(const CliArgs& a, const label::LabelDocument& doc, const QString& file,
                  const label::PrintTarget& target, const label::PrintOptions& options)
{
    for (const char* other : {"gtin", "serials", "csv"})
        if (a.has(QLatin1String(other)))
            return usageError(
                "print",
                QStringLiteral("--product takes the place of --%1").arg(QLatin1String(other)));
    auto db = openStore();
    if (!db)
        return invalidInput("print", db.error());
    auto tenant = resolveTenant(**db, a.value(QStringLiteral("tenant")));
    if (!tenant)
        return invalidInput("print", tenant.error());
    label::StorePrintRequest request;
    request.productRef = a.value(QStringLiteral("product"));
    request.batchId = a.value(QStringLiteral("batch"));
    request.resume = a.has(QStringLiteral("resume"));
    request.reprint = a.value(QStringLiteral("reprint"));
    request.label = file;
    request.actor = qEnvironmentVariable("USER", QStringLiteral("dppctl"));
    auto report = label::StorePrintJob::run(**db, tenant->id, doc, request, target, options);
    if (!report)
        return invalidInput("print", report.error());
    OrderedJson out = {{QStringLiteral("sent"), double(report->print.sent)},
                       {QStringLiteral("job"), report->job.id},
                       {QStringLiteral("kind"), report->job.kind}};
    if (!report->job.firstSerial.isEmpty())
        out.append({QStringLiteral("first_serial"), report->job.firstSerial});
    if (!report->job.lastSerial.isEmpty())
        out.append({QStringLiteral("last_serial"), report->job.lastSerial});
    out.append({QStringLiteral("skipped"), double(report->skipped)});
    if (!report->print.verification.isEmpty())
        out.append({QStringLiteral("verification"), report->print.verification});
    printJson(out);
    return kExitOk;
}
} // namespace

int runPrint(const QStringList& argv)
{
    if (argv.isEmpty() || argv.first().startsWith(QLatin1String("--")))
        return usageError("print", QStringLiteral("the first argument is the .dpplabel file"));
    // "--resume" alone (store jobs) continues after the store's resume point;
    // "--resume N" (no store) starts at label N.
    QStringList rest = argv.mid(1);
    for (qsizetype i = 0; i < rest.size(); ++i)
        if (rest.at(i) == QLatin1String("--resume") &&
            (i + 1 == rest.size() || rest.at(i + 1).startsWith(QLatin1String("--"))))
            rest.insert(i + 1, QStringLiteral("last"));
    const auto args =
        CliArgs::parse(rest,
                       labelMergeOptions() + labelStoreOptions() +
                           QStringList{QStringLiteral("printer"), QStringLiteral("zpl-host"),
                                       QStringLiteral("zpl-queue"), QStringLiteral("resume"),
                                       QStringLiteral("reprint")},
                       {QStringLiteral("verify")});
    if (!args.ok())
        return usageError("print", args.error().message);
    const CliArgs& a = args.value();
    const bool store = a.has(QStringLiteral("product"));
    if (!store) {
        for (const char* storeOnly : {"batch", "reprint", "tenant"})
            if (a.has(QLatin1String(storeOnly)))
                return usageError(
                    "print",
                    QStringLiteral("--%1 goes with --product").arg(QLatin1String(storeOnly)));
        if (a.value(QStringLiteral("resume")) == QLatin1String("last"))
            return usageError("print", QStringLiteral("--resume without a number needs --product "
                                                      "and --batch (the store keeps the resume "
                                                      "point)"));
    } else if (a.has(QStringLiteral("resume")) &&
               a.value(QStringLiteral("resume")) != QLatin1String("last")) {
        return usageError("print", QStringLiteral("with --product, --resume takes no number: it "
                                                  "continues after the last serial sent"));
    }
    auto target = label::PrintJob::parseTarget(a.value(QStringLiteral("zpl-host")),
                                               a.value(QStringLiteral("zpl-queue")),
                                               a.value(QStringLiteral("printer")));
    if (!target)
        return usageError("print", target.error().message);
    int exit = kExitOk;
    auto doc = loadLabel("print", argv.first(), &exit);
    if (!doc)
        return exit;
    doc->merge = labelMergeOverrides(a).applyTo(doc->merge);
    label::PrintOptions options;
    options.verify = a.has(QStringLiteral("verify"));
    if (store)
        return printStoreJob(a, *doc, argv.first(), target.value(), options);

    for (const Error& problem : doc->checkMergeFields())
        return invalidInput("print", problem);
    const auto resume = a.integer(QStringLiteral("resume"), 1);
    if (!resume.ok() || resume.value() < 1)
        return invalidInput("print", Error{QStringLiteral("resume"),
                                           QStringLiteral("must be a label number ≥ 1"),
                                           QStringLiteral("invalid")});
    auto source = label::MergeSource::open(doc->merge);
    if (!source)
        return invalidInput("print", source.error());
    options.resumeFrom = resume.value() - 1;
    auto report = label::PrintJob::run(*doc, *source.value(), target.value(), options);
    if (!report)
        return invalidInput("print", report.error());
    OrderedJson out = {{QStringLiteral("sent"), double(report->sent)},
                       {QStringLiteral("next_label"), double(report->nextLabel + 1)}};
    if (!report->verification.isEmpty())
        out.append({QStringLiteral("verification"), report->verification});
    printJson(out);
    return kExitOk;
}

} // namespace dpp::ctl
