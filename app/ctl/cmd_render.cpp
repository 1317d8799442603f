// dppctl render: a label document with its merge records to PDF (one
// multi-page file), SVG or PNG (a numbered series for many pages) or ZPL.
#include "cliargs.h"
#include "commands.h"
#include "labelcli.h"

#include <QJsonArray>
#include <cstdio>
#include <label/labelexporter.h>

namespace dpp::ctl {

int runRender(const QStringList& argv)
{
    if (argv.isEmpty() || argv.first().startsWith(QLatin1String("--")))
        return usageError("render", QStringLiteral("the first argument is the .dpplabel file"));
    const auto args = CliArgs::parse(
        argv.mid(1),
        labelMergeOptions() + QStringList{QStringLiteral("out"), QStringLiteral("dpi")}, {});
    if (!args.ok())
        return usageError("render", args.error().message);
    const CliArgs& a = args.value();
    if (!a.has(QStringLiteral("out")))
        return usageError("render", QStringLiteral("--out FILE.pdf|svg|png|zpl is required"));
    int exit = kExitOk;
    auto doc = loadLabel("render", argv.first(), &exit);
    if (!doc)
        return exit;
    const auto dpi = a.integer(QStringLiteral("dpi"), 300);
    if (!dpi.ok())
        return invalidInput("render", dpi.error());
    doc->merge = labelMergeOverrides(a).applyTo(doc->merge);
    for (const Error& problem : doc->checkMergeFields())
        return invalidInput("render", problem);
    auto source = label::MergeSource::open(doc->merge);
    if (!source)
        return invalidInput("render", source.error());
    auto report = label::LabelExporter::write(*doc, *source.value(), a.value(QStringLiteral("out")),
                                              int(dpi.value()));
    if (!report)
        return invalidInput("render", report.error());
    QJsonArray warnings;
    for (const Error& w : report->warnings)
        warnings.append(QStringLiteral("%1: %2").arg(w.param, w.message));
    printJson({{QStringLiteral("labels"), double(report->labels)},
               {QStringLiteral("pages"), double(report->pages)},
               {QStringLiteral("files"), QJsonArray::fromStringList(report->files)},
               {QStringLiteral("warnings"), warnings}});
    return kExitOk;
}

} // namespace dpp::ctl
