// dppctl batch: a ZIP of symbols for a serial range or a GTIN list, with
// manifest.csv. Progress bar on stderr only when stdout is a terminal; a JSON
// summary {"codes","seconds",…} on stdout at the end.
#include "cliargs.h"
#include "commands.h"

#include <QFile>
#include <QTextStream>
#include <csignal>
#include <cstdio>
#include <export/batchexporter.h>
#include <unistd.h>

namespace dpp::ctl {

namespace {

std::atomic<bool> g_cancel{false};

void onInterrupt(int)
{
    g_cancel.store(true);
}

void drawProgress(qint64 done, qint64 total)
{
    constexpr int kWidth = 40;
    const int filled = total > 0 ? int(kWidth * done / total) : kWidth;
    std::fprintf(stderr, "\r[%.*s%*s] %lld/%lld", filled,
                 "########################################", kWidth - filled, "",
                 static_cast<long long>(done), static_cast<long long>(total));
    std::fflush(stderr);
}

} // namespace

int runBatch(const QStringList& argv)
{
    const auto args = CliArgs::parse(
        argv,
        symbolValuedOptions() +
            QStringList{QStringLiteral("gtin"), QStringLiteral("gtins"), QStringLiteral("lot"),
                        QStringLiteral("prefix"), QStringLiteral("start"), QStringLiteral("count"),
                        QStringLiteral("width"), QStringLiteral("format"), QStringLiteral("image"),
                        QStringLiteral("base"), QStringLiteral("out"), QStringLiteral("threads")},
        symbolFlagOptions());
    if (!args.ok())
        return usageError("batch", args.error().message);
    const CliArgs& a = args.value();
    if (a.has(QStringLiteral("gtin")) == a.has(QStringLiteral("gtins")))
        return usageError("batch", QStringLiteral("give exactly one of --gtin, --gtins"));
    if (a.has(QStringLiteral("gtin")) && !a.has(QStringLiteral("count")))
        return usageError("batch", QStringLiteral("--gtin needs --count"));
    if (a.has(QStringLiteral("gtins"))) {
        for (const char* rangeOnly : {"prefix", "start", "count", "width"})
            if (a.has(QString::fromLatin1(rangeOnly)))
                return usageError("batch", QStringLiteral("--%1 goes with --gtin, not --gtins")
                                               .arg(QLatin1String(rangeOnly)));
    }
    if (!a.has(QStringLiteral("out")))
        return usageError("batch", QStringLiteral("--out FILE.zip is required"));

    exporting::BatchRequest request;
    auto look = symbolLook(a);
    if (!look.ok())
        return invalidInput("batch", look.error());
    request.render = look->render;
    request.qr = look->qr;
    request.dataMatrix = look->dataMatrix;

    const QString format = a.value(QStringLiteral("format"), QStringLiteral("both"));
    if (format == u"qr")
        request.symbols = exporting::BatchSymbols::Qr;
    else if (format == u"datamatrix" || format == u"dm")
        request.symbols = exporting::BatchSymbols::DataMatrix;
    else if (format == u"both")
        request.symbols = exporting::BatchSymbols::Both;
    else
        return invalidInput(
            "batch", Error{QStringLiteral("format"),
                           QStringLiteral("must be qr, datamatrix or both; got '%1'").arg(format),
                           QStringLiteral("invalid")});
    const QString image = a.value(QStringLiteral("image"), QStringLiteral("svg"));
    if (image == u"svg")
        request.image = exporting::BatchImage::Svg;
    else if (image == u"png")
        request.image = exporting::BatchImage::Png;
    else
        return invalidInput("batch",
                            Error{QStringLiteral("image"),
                                  QStringLiteral("must be svg or png; got '%1'").arg(image),
                                  QStringLiteral("invalid")});
    if (a.has(QStringLiteral("base")))
        request.base = a.value(QStringLiteral("base"));
    request.lot = a.value(QStringLiteral("lot"));

    if (a.has(QStringLiteral("gtins"))) {
        // One GTIN per line; blank lines and '#' comments are skipped.
        const QString path = a.value(QStringLiteral("gtins"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return invalidInput(
                "batch", Error{QStringLiteral("gtins"),
                               QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                               QStringLiteral("io_error")});
        QTextStream in(&file);
        while (!in.atEnd()) {
            const QString line = in.readLine().trimmed();
            if (!line.isEmpty() && !line.startsWith(u'#'))
                request.gtins << line;
        }
        if (request.gtins.isEmpty())
            return invalidInput("batch", Error{QStringLiteral("gtins"),
                                               QStringLiteral("%1 lists no GTINs").arg(path),
                                               QStringLiteral("required")});
    } else {
        request.gtin = a.value(QStringLiteral("gtin"));
        request.prefix = a.value(QStringLiteral("prefix"));
        auto start = a.integer(QStringLiteral("start"), 1);
        auto count = a.integer(QStringLiteral("count"), 0);
        auto width = a.integer(QStringLiteral("width"), 6);
        for (const auto* r : {&start, &count, &width})
            if (!r->ok())
                return invalidInput("batch", r->error());
        request.start = start.value();
        request.count = count.value();
        request.width = int(std::clamp<qint64>(width.value(), -1, 1000));
    }
    auto threads = a.integer(QStringLiteral("threads"), 0);
    if (!threads.ok())
        return invalidInput("batch", threads.error());
    request.threads = int(std::clamp<qint64>(threads.value(), -1, 100000));

    // Validate everything before the archive is created.
    auto plan = exporting::BatchPlan::create(request);
    if (!plan.ok())
        return invalidInput("batch", plan.error());

    exporting::BatchCallbacks callbacks;
    const bool terminal = isatty(fileno(stdout)) != 0;
    if (terminal)
        callbacks.progress = drawProgress;
    callbacks.cancel = &g_cancel;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const auto summary =
        exporting::BatchExporter::run(plan.value(), a.value(QStringLiteral("out")), callbacks);
    if (terminal)
        std::fputc('\n', stderr);
    if (!summary.ok()) {
        if (summary.error().code == u"cancelled") {
            std::fprintf(stderr, "dppctl batch: cancelled; no archive written\n");
            return 130; // the shell convention for SIGINT
        }
        return invalidInput("batch", summary.error());
    }
    printJson({
        {QStringLiteral("codes"), summary->codes},
        {QStringLiteral("seconds"), std::round(summary->seconds * 1000) / 1000},
        {QStringLiteral("files"), summary->files},
        {QStringLiteral("items"), summary->items},
        {QStringLiteral("threads"), summary->threads},
        {QStringLiteral("out"), a.value(QStringLiteral("out"))},
    });
    return kExitOk;
}

} // namespace dpp::ctl
