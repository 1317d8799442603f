// dppctl render: a label document with its merge records to PDF (one
// multi-page file), SVG or PNG (a numbered series for many pages), ZPL, or a
// ZIP of SVG/PNG/ZPL files (--out labels.zip --format svg|png|zpl).
// --product REF [--batch ID] takes the records from the store.
#include "cliargs.h"
#include "commands.h"
#include "labelcli.h"

#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>
#include <label/labelexporter.h>
#include <label/labelzipwriter.h>

namespace dpp::ctl {

int runRender(const QStringList& argv)
{
    if (argv.isEmpty() || argv.first().startsWith(QLatin1String("--")))
        return usageError("render", QStringLiteral("the first argument is the .dpplabel file"));
    const auto args = CliArgs::parse(
        argv.mid(1),
        labelMergeOptions() + labelStoreOptions() +
            QStringList{QStringLiteral("out"), QStringLiteral("dpi"), QStringLiteral("format")},
        {});
    if (!args.ok())
        return usageError("render", args.error().message);
    const CliArgs& a = args.value();
    if (!a.has(QStringLiteral("out")))
        return usageError("render", QStringLiteral("--out FILE.pdf|svg|png|zpl|zip is required"));
    const QString out = a.value(QStringLiteral("out"));
    const bool zip =
        QFileInfo(out).suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) == 0;
    std::optional<label::LabelZipWriter::Format> zipFormat;
    if (zip) {
        auto f = label::LabelZipWriter::parseFormat(a.value(QStringLiteral("format")));
        if (!f)
            return usageError("render", f.error().message);
        zipFormat = f.value();
    } else if (a.has(QStringLiteral("format"))) {
        return usageError("render", QStringLiteral("--format goes with --out FILE.zip; otherwise "
                                                   "the suffix of --out picks the format"));
    }
    int exit = kExitOk;
    auto doc = loadLabel("render", argv.first(), &exit);
    if (!doc)
        return exit;
    const auto dpi = a.integer(QStringLiteral("dpi"), 300);
    if (!dpi.ok())
        return invalidInput("render", dpi.error());
    doc->merge = labelMergeOverrides(a).applyTo(doc->merge);
    if (auto fromStore = applyStoreMerge(a, *doc); !fromStore) {
        if (fromStore.error().code == QLatin1String("usage"))
            return usageError("render", fromStore.error().message);
        return invalidInput("render", fromStore.error());
    }
    for (const Error& problem : doc->checkMergeFields())
        return invalidInput("render", problem);
    auto source = label::MergeSource::open(doc->merge);
    if (!source)
        return invalidInput("render", source.error());
    auto report =
        zip ? label::LabelZipWriter::write(*doc, *source.value(), out, *zipFormat, int(dpi.value()))
            : label::LabelExporter::write(*doc, *source.value(), out, int(dpi.value()));
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
