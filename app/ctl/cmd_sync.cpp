// dppctl sync --server URL --key KEY [--tenant NAME] [--conflicts]
//             [--resolve CONFLICT_ID --keep mine|theirs] [--no-pull] [--no-analytics]
// Pushes the store's changes to a hosted dppserver (core/sync/SyncEngine), pulls newer
// server versions and the products' scan analytics. Prints "pushed N/T" progress lines
// and a JSON summary on stdout, messages on stderr. Exit 0 when everything went through,
// 1 when conflicts or refused changes remain (or the server could not be reached),
// 2 on a usage error. The key may come from DPP_API_KEY instead of --key (keeps it out
// of the process list).
#include "commands.h"
#include "storeaccess.h"

#include <QJsonArray>
#include <cstdio>
#include <sync/syncengine.h>

namespace dpp::ctl {

namespace {

QJsonObject conflictJson(const store::SyncConflict& c)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("entity"), c.entity},
                  {QStringLiteral("label"), c.label},
                  {QStringLiteral("mine"), c.mine},
                  {QStringLiteral("theirs"), c.theirs}};
    // Products and passports are named by their GTIN; other records by their label
    // (a supplier's name, "<gtin> <link type> <languages>", a battery's identifier).
    if (c.entity == u"product" || c.entity == u"passport")
        o.insert(QStringLiteral("gtin"), c.label);
    return o;
}

} // namespace

int runSync(const QStringList& arguments)
{
    QStringList args = arguments;
    const QStringList server = takeOption(args, QStringLiteral("server"));
    QStringList key = takeOption(args, QStringLiteral("key"));
    const QStringList tenantName = takeOption(args, QStringLiteral("tenant"));
    const QStringList resolve = takeOption(args, QStringLiteral("resolve"));
    const QStringList keep = takeOption(args, QStringLiteral("keep"));
    const bool listOnly = takeFlag(args, QStringLiteral("conflicts"));
    const bool noPull = takeFlag(args, QStringLiteral("no-pull"));
    const bool noAnalytics = takeFlag(args, QStringLiteral("no-analytics"));
    if (!args.isEmpty())
        return usageError("sync", QStringLiteral("unexpected argument %1").arg(args.first()));
    if (server.size() != 1)
        return usageError("sync", QStringLiteral("--server URL is required (once)"));
    const QUrl url(server.first(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty())
        return usageError("sync", QStringLiteral("--server must be an http(s) URL such as "
                                                 "http://127.0.0.1:8080, got %1")
                                      .arg(server.first()));
    if (key.isEmpty() && qEnvironmentVariableIsSet("DPP_API_KEY"))
        key.append(qEnvironmentVariable("DPP_API_KEY"));
    if (key.size() != 1 || key.first().isEmpty())
        return usageError("sync", QStringLiteral("--key KEY (or DPP_API_KEY) is required"));
    if (resolve.size() > 1 || keep.size() > 1 || resolve.size() != keep.size())
        return usageError("sync", QStringLiteral("--resolve CONFLICT_ID needs --keep mine|theirs"));
    if (!keep.isEmpty() && keep.first() != u"mine" && keep.first() != u"theirs")
        return usageError(
            "sync", QStringLiteral("--keep must be mine or theirs, got %1").arg(keep.first()));

    auto db = openStore();
    if (!db.ok())
        return printError(db.error());
    auto tenant = resolveTenant(**db, tenantName.value(0));
    if (!tenant.ok())
        return printError(tenant.error());

    sync::SyncEngine::Settings settings;
    settings.serverUrl = server.first();
    settings.apiKey = key.first();
    settings.pull = !noPull;
    settings.analytics = !noAnalytics;
    sync::SyncEngine engine(**db, tenant->id, settings);

    if (listOnly) {
        const auto open = engine.conflicts();
        for (const store::SyncConflict& c : open)
            printJson({{QStringLiteral("conflict"), conflictJson(c)}});
        return open.isEmpty() ? kExitOk : kExitInvalid;
    }
    if (!resolve.isEmpty()) {
        const auto choice = keep.first() == u"mine" ? sync::SyncEngine::Choice::KeepMine
                                                    : sync::SyncEngine::Choice::TakeTheirs;
        if (Status s = engine.resolve(resolve.first(), choice); !s.ok())
            return printError(s.error());
        printJson({{QStringLiteral("resolved"), resolve.first()},
                   {QStringLiteral("kept"), keep.first()}});
    }

    QObject::connect(&engine, &sync::SyncEngine::progress, [](int done, int total) {
        std::printf("pushed %d/%d\n", done, total);
        std::fflush(stdout);
    });
    QObject::connect(&engine, &sync::SyncEngine::message, [](const QString& line) {
        std::fprintf(stderr, "%s\n", qPrintable(line));
        std::fflush(stderr);
    });
    const sync::SyncEngine::Report report = engine.run();
    if (!report.failure.isEmpty())
        std::fprintf(stderr, "dppctl sync: %s\n", qPrintable(report.failure));
    for (const store::SyncConflict& c : engine.conflicts())
        std::fprintf(stderr,
                     "conflict %s: %s %s changed here and on the server; choose with --resolve "
                     "%s --keep mine|theirs\n",
                     qPrintable(c.id), qPrintable(c.entity), qPrintable(c.label), qPrintable(c.id));
    printJson({{QStringLiteral("total"), report.total},
               {QStringLiteral("pushed"), report.pushed},
               {QStringLiteral("skipped"), report.skipped},
               {QStringLiteral("conflicts"), report.conflicts},
               {QStringLiteral("errors"), report.errors},
               {QStringLiteral("pulled"), report.pulled},
               {QStringLiteral("analytics"), report.analytics},
               {QStringLiteral("cancelled"), report.cancelled},
               {QStringLiteral("failure"), report.failure},
               {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)}});
    return report.clean() ? kExitOk : kExitInvalid;
}

} // namespace dpp::ctl
