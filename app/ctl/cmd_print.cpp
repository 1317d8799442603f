// dppctl print: a label job to a printer: any CUPS printer (--printer), raw
// ZPL to a network printer (--zpl-host HOST:PORT) or to a CUPS raw queue
// (--zpl-queue). --verify decodes every distinct symbol layout first.
#include "cliargs.h"
#include "commands.h"
#include "labelcli.h"

#include <cstdio>
#include <label/printjob.h>

namespace dpp::ctl {

int runPrint(const QStringList& argv)
{
    if (argv.isEmpty() || argv.first().startsWith(QLatin1String("--")))
        return usageError("print", QStringLiteral("the first argument is the .dpplabel file"));
    const auto args = CliArgs::parse(
        argv.mid(1),
        labelMergeOptions() + QStringList{QStringLiteral("printer"), QStringLiteral("zpl-host"),
                                          QStringLiteral("zpl-queue"), QStringLiteral("resume")},
        {QStringLiteral("verify")});
    if (!args.ok())
        return usageError("print", args.error().message);
    const CliArgs& a = args.value();
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
    label::PrintOptions options;
    options.verify = a.has(QStringLiteral("verify"));
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
