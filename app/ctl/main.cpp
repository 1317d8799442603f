// dppctl: the scripting front end of DPP Studio. Every command calls the same
// core functions the desktop app and the server use.
#include "commands.h"
#include "storeaccess.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <dpp/version.h>
#include <malloc.h>
#include <memory>

namespace dpp::ctl {

const QList<Command>& commands()
{
    static const QList<Command> table = {
        {"parse",
         "parse <uri> [--permit-zero-suppressed-gtin]  parse and validate a GS1 Digital Link URI",
         &runParse},
        {"gtin", "gtin <value>                validate a GTIN-8/12/13/14 and normalise it",
         &runGtin},
        {"code",
         "code --symbology qr|datamatrix --format svg|png|pdf|zpl (--uri URI | --element-string "
         "\"(01)…\" | --gtin G [--lot L] [--serial S] [--expiry YYMMDD] [--base URL]) "
         "[--module-mm X] [--dpi N] [--ec L|M|Q|H] [--out FILE]  one symbol",
         &runCode},
        {"batch",
         "batch (--gtin G [--lot L] --prefix SN --start 1 --count N [--width 6] | --gtins FILE) "
         "--format qr|datamatrix|both --image svg|png [--base URL] --out FILE.zip  symbols in a "
         "ZIP",
         &runBatch},
        {"template",
         "template                    print the CSV import template (every product column)",
         &runTemplate},
        {"import",
         "import FILE.csv [--tenant N] import products; prints {created,updated,skipped,errors}",
         &runImport},
        {"export", "export --format csv|json|jsonld [--gtin G] [--tenant N] [--audience A]",
         &runExport},
        {"seed", "seed [--tenant N]            load the sample wines and the sample EV battery",
         &runSeed},
        {"tenant", "tenant create NAME [--gcp PREFIX]... | tenant list", &runTenant},
        {"key", "key create --tenant NAME --scopes a,b [--test] [--expires DATE] [--name N]",
         &runKey},
        {"user", "user add --tenant NAME --email E --role R   login user; password on stdin",
         &runUser},
        {"render",
         "render LABEL.dpplabel [--gtin G --lot L --expiry YYYY-MM-DD --serials SN000001-SN000500 "
         "| --csv FILE | --product UUID|GTIN [--batch ID] [--tenant N]] [--copies N] --out "
         "FILE.pdf|svg|png|zpl [--dpi N] | --out FILE.zip --format svg|png|zpl  labels to a file",
         &runRender},
        {"print",
         "print LABEL.dpplabel [merge options as render] (--printer CUPS_NAME | --zpl-host "
         "HOST:PORT | --zpl-queue CUPS_NAME) [--verify] [--resume N | with --product --batch ID: "
         "--resume | --reprint SN000010-SN000020]  labels to a printer",
         &runPrint},
        {"stock", "stock list                  the label stock (sheets and rolls)", &runStock},
        {"sync",
         "sync --server URL --key KEY [--tenant N] [--conflicts | --resolve ID --keep "
         "mine|theirs] [--no-pull] [--no-analytics]  push local changes to a hosted dppserver",
         &runSync},
    };
    return table;
}

int usageError(const char* command, const QString& message)
{
    std::fprintf(stderr, "dppctl %s: %s\n", command, qPrintable(message));
    for (const Command& c : commands()) {
        if (qstrcmp(c.name, command) == 0)
            std::fprintf(stderr, "usage: dppctl %s\n", c.synopsis);
    }
    return kExitUsage;
}

void printJson(const OrderedJson& fields)
{
    QByteArray out = "{";
    for (const auto& [key, value] : fields) {
        if (out.size() > 1)
            out += ',';
        // Serialise each member through QJsonDocument so escaping is Qt's.
        const QByteArray member =
            QJsonDocument(QJsonObject{{key, value}}).toJson(QJsonDocument::Compact);
        out += member.mid(1, member.size() - 2);
    }
    out += '}';
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

namespace {
void printHelp(FILE* to)
{
    std::fprintf(to,
                 "dppctl %s: DPP Studio command line\n\nUsage: dppctl <command> [options]\n\n"
                 "Commands:\n",
                 dpp::kVersion);
    for (const Command& c : commands())
        std::fprintf(to, "  %s\n", c.synopsis);
    std::fprintf(to,
                 "  help                        show this help\n"
                 "  --version                   show the version\n\n"
                 "Global option: --db PATH|postgresql://user@host:port/db (default: %s)\n\n"
                 "Exit codes: 0 ok, 1 invalid input, 2 usage error.\n",
                 qPrintable(dpp::store::Database::defaultLocation()));
}
} // namespace

} // namespace dpp::ctl

int main(int argc, char* argv[])
{
    using namespace dpp::ctl;
    // Text under a PNG symbol needs Qt's font system, i.e. a QGuiApplication
    // (offscreen: no display needed). Only that case pays for it: a GUI
    // application also prints platform warnings that scripts would see on stderr.
    // Labels always draw text (and QPrinter needs the GUI too).
    const bool needsFonts =
        (argc > 1 && (qstrcmp(argv[1], "render") == 0 || qstrcmp(argv[1], "print") == 0)) ||
        (argc > 1 && qstrcmp(argv[1], "code") == 0 &&
         std::any_of(argv + 2, argv + argc,
                     [](const char* a) { return qstrcmp(a, "--hri") == 0; }));
    std::unique_ptr<QCoreApplication> app;
    if (needsFonts) {
        // Qt's PDF writer deflates every page through a fresh zlib stream
        // (~270 KB malloc'd and freed per page). With glibc's default trim
        // threshold that memory goes back to the kernel after each page and
        // faults in again on the next: about 18 % of the CPU time of a
        // 2,000-label render (user + sys 1.55 s -> 1.27 s). Keeping up to 64 MB
        // of freed heap removes that; peak RSS stays 30 MB (blocks are reused).
        mallopt(M_TRIM_THRESHOLD, 64 << 20);
        mallopt(M_MMAP_THRESHOLD, 4 << 20);
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without XDG_RUNTIME_DIR Qt warns while starting the platform; that
        // warning is noise on a script's stderr, everything else still goes through.
        static QtMessageHandler previous = nullptr;
        previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext& context, const QString& message) {
                if (!message.startsWith(QLatin1String("QStandardPaths:")))
                    previous(type, context, message);
            });
        app = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(previous);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("dppctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("DPP Studio"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(dpp::kVersion));

    QStringList args = QCoreApplication::arguments().mid(1);
    // --db is global: accepted before or after the command.
    const QStringList db = takeOption(args, QStringLiteral("db"));
    if (db.size() > 1) {
        std::fprintf(stderr, "dppctl: --db given more than once\n");
        return kExitUsage;
    }
    if (args.contains(QStringLiteral("--db"))) {
        std::fprintf(stderr, "dppctl: --db needs a value (a file or a postgresql:// URL)\n");
        return kExitUsage;
    }
    databaseLocation() = db.value(0);
    if (args.isEmpty()) {
        printHelp(stderr);
        return kExitUsage;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1String("--version") || first == QLatin1String("version")) {
        std::printf("dppctl %s\n", dpp::kVersion);
        return kExitOk;
    }
    if (first == QLatin1String("help") || first == QLatin1String("--help") ||
        first == QLatin1String("-h")) {
        printHelp(stdout);
        return kExitOk;
    }
    for (const Command& c : commands()) {
        if (first == QLatin1String(c.name))
            return c.run(args);
    }
    std::fprintf(stderr, "dppctl: unknown command '%s' (see `dppctl help`)\n", qPrintable(first));
    return kExitUsage;
}
