// bench_symbols: the issue 3 workload. GTIN 09506000134352, lot LOT2026A,
// serials SN000001…SN010000, QR (Digital Link) and GS1 DataMatrix as SVG into
// one ZIP with manifest.csv, against (a) the zint CLI in --batch mode writing
// the same 20,000 SVGs (a QR run and a DataMatrix run) and (b) the raw encode
// floor: libqrencode + libdmtx encode only, one core. Best of N runs each
// (BENCH_RUNS, default 3), wall and CPU time: a shared machine distorts wall
// time most, so CPU seconds are printed next to it.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>
#include <dmtx.h>
#include <export/batchexporter.h>
#include <qrencode.h>
#include <sys/resource.h>

namespace {

constexpr int kCount = 10000;

struct Timing
{
    double wall = -1;
    double cpu = -1; // user + system: all our threads, or the zint child process
};

double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec) + u.ru_utime.tv_usec / 1e6 + double(u.ru_stime.tv_sec) +
           u.ru_stime.tv_usec / 1e6;
}

template <typename F> Timing measure(int who, F f)
{
    const double cpu0 = cpuSeconds(who);
    QElapsedTimer t;
    t.start();
    if (!f())
        return {};
    const double wall = t.nsecsElapsed() / 1e9;
    return Timing{wall, cpuSeconds(who) - cpu0};
}

// Best wall and best CPU over the runs, each on its own.
template <typename F> Timing best(int runs, F f)
{
    Timing b;
    for (int i = 0; i < runs; ++i) {
        const Timing t = f();
        if (t.wall < 0)
            return {};
        if (b.wall < 0 || t.wall < b.wall)
            b.wall = t.wall;
        if (b.cpu < 0 || t.cpu < b.cpu)
            b.cpu = t.cpu;
    }
    return b;
}

QByteArray dl(int i)
{
    return QStringLiteral("https://id.gs1.org/01/09506000134352/10/LOT2026A/21/SN%1")
        .arg(i, 6, 10, QLatin1Char('0'))
        .toLatin1();
}

Timing ours(const QString& zipPath, int threads)
{
    dpp::exporting::BatchRequest request;
    request.gtin = QStringLiteral("09506000134352");
    request.lot = QStringLiteral("LOT2026A");
    request.prefix = QStringLiteral("SN");
    request.start = 1;
    request.count = kCount;
    request.width = 6;
    request.threads = threads;
    return measure(RUSAGE_SELF, [&] {
        const auto summary = dpp::exporting::BatchExporter::run(request, zipPath);
        if (!summary.ok() || summary->codes != 2 * kCount) {
            std::fprintf(stderr, "our batch failed: %s\n",
                         summary.ok() ? "wrong count" : qPrintable(summary.error().message));
            return false;
        }
        return true;
    });
}

Timing zintRun(const QString& zint, const QStringList& args)
{
    return measure(RUSAGE_CHILDREN, [&] {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(zint, args);
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            std::fprintf(stderr, "zint failed: %s\n", p.readAllStandardOutput().constData());
            return false;
        }
        return true;
    });
}

// libqrencode + libdmtx with nothing else: the cost no batch tool can avoid.
Timing encodeFloor(const QList<QByteArray>& uris, const QList<QByteArray>& gs1)
{
    return measure(RUSAGE_SELF, [&] {
        long sink = 0; // consume the output so nothing is optimised away
        for (int i = 0; i < kCount; ++i) {
            QRcode* code = QRcode_encodeData(
                int(uris[i].size()), reinterpret_cast<const unsigned char*>(uris[i].constData()), 0,
                QR_ECLEVEL_M);
            sink += code->data[code->width * code->width / 2] & 1;
            QRcode_free(code);
            DmtxEncode* enc = dmtxEncodeCreate();
            dmtxEncodeSetProp(enc, DmtxPropScheme, DmtxSchemeAscii);
            dmtxEncodeSetProp(enc, DmtxPropSizeRequest, DmtxSymbolSquareAuto);
            dmtxEncodeSetProp(enc, DmtxPropModuleSize, 1);
            dmtxEncodeSetProp(enc, DmtxPropMarginSize, 0);
            dmtxEncodeSetProp(enc, DmtxPropFnc1, 0x1d);
            QByteArray data = gs1[i];
            dmtxEncodeDataMatrix(enc, int(data.size()),
                                 reinterpret_cast<unsigned char*>(data.data()));
            sink += enc->region.sizeIdx;
            dmtxEncodeDestroy(&enc);
        }
        return sink >= 0;
    });
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
    return QStringLiteral("unknown");
}

double loadAverage()
{
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int runs =
        qEnvironmentVariableIsSet("BENCH_RUNS") ? qEnvironmentVariableIntValue("BENCH_RUNS") : 3;
    const int cores = QThread::idealThreadCount();
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    std::printf("workload: %d serials x (QR Digital Link + GS1 DataMatrix) = %d SVGs; best of %d "
                "runs\n",
                kCount, 2 * kCount, runs);
    std::printf("machine: %s, %d cores, load average %.2f at start\n", qPrintable(cpuModel()),
                cores, loadAverage());

    // Warm-up outside the timing: the GS1 dictionary is parsed once per process.
    {
        dpp::exporting::BatchRequest warm;
        warm.gtin = QStringLiteral("09506000134352");
        warm.count = 1;
        (void)dpp::exporting::BatchPlan::create(warm);
    }
    // Ours: the same core call dppctl batch makes, into one ZIP with manifest.csv.
    const Timing all = best(runs, [&] { return ours(dir.filePath(QStringLiteral("all.zip")), 0); });
    const Timing one = best(runs, [&] { return ours(dir.filePath(QStringLiteral("one.zip")), 1); });
    if (all.wall < 0 || one.wall < 0)
        return 1;

    QFile dlList(dir.filePath(QStringLiteral("dl.txt")));
    QFile gs1List(dir.filePath(QStringLiteral("gs1.txt")));
    if (!dlList.open(QIODevice::WriteOnly) || !gs1List.open(QIODevice::WriteOnly))
        return 1;
    QList<QByteArray> uris, gs1;
    for (int i = 1; i <= kCount; ++i) {
        uris << dl(i);
        const QByteArray serial = QByteArray::number(i).rightJustified(6, '0');
        gs1 << QByteArray("\x1d"
                          "0109506000134352"
                          "10LOT2026A\x1d"
                          "21SN" +
                          serial);
        dlList.write(uris.last() + '\n');
        gs1List.write("[01]09506000134352[10]LOT2026A[21]SN" + serial + '\n');
    }
    dlList.close();
    gs1List.close();

    // zint: the same content, one SVG file per symbol, two runs.
    const QString zint = QStandardPaths::findExecutable(QStringLiteral("zint"));
    Timing zintQr, zintDm;
    if (zint.isEmpty()) {
        std::printf("zint: not installed (apt-get install zint); peer skipped\n");
    } else {
        QDir(dir.path()).mkpath(QStringLiteral("zq"));
        QDir(dir.path()).mkpath(QStringLiteral("zd"));
        zintQr = best(runs, [&] {
            return zintRun(zint, {"--batch", "-b", "QRCODE", "--secure=2", "--quietzones",
                                  "--filetype=svg", "-i", dlList.fileName(), "-o",
                                  dir.filePath(QStringLiteral("zq/q~~~~~.svg"))});
        });
        zintDm = best(runs, [&] {
            return zintRun(zint, {"--batch", "-b", "DATAMATRIX", "--gs1", "--square",
                                  "--quietzones", "--filetype=svg", "-i", gs1List.fileName(), "-o",
                                  dir.filePath(QStringLiteral("zd/d~~~~~.svg"))});
        });
    }
    const Timing floor = best(runs, [&] { return encodeFloor(uris, gs1); });

    const double n = 2.0 * kCount;
    const bool peer = zintQr.wall > 0 && zintDm.wall > 0;
    auto row = [](const char* name, double wall, double cpu, double codes) {
        std::printf("%-46s %8.3f %8.3f %10.0f\n", name, wall, cpu, codes / wall);
    };
    std::printf("\n%-46s %8s %8s %10s\n", "", "wall s", "cpu s", "codes/s");
    row("ours: dppctl batch core, ZIP + manifest", all.wall, all.cpu, n);
    row("ours, 1 thread", one.wall, one.cpu, n);
    if (peer) {
        row("zint 2.11 --batch QR (10k SVG files)", zintQr.wall, zintQr.cpu, kCount);
        row("zint 2.11 --batch DataMatrix (10k SVG files)", zintDm.wall, zintDm.cpu, kCount);
        row("zint, both runs", zintQr.wall + zintDm.wall, zintQr.cpu + zintDm.cpu, n);
    }
    row("encode floor: libqrencode+libdmtx, 1 core", floor.wall, floor.cpu, n);
    std::printf("%-46s %8.3f %8s %10.0f\n", "encode floor / cores", floor.wall / cores, "",
                n * cores / floor.wall);
    std::printf("\n");
    if (peer) {
        std::printf("speed-up vs zint, wall (goal >= 3x):         %.2fx\n",
                    (zintQr.wall + zintDm.wall) / all.wall);
        std::printf("speed-up vs zint, cpu:                       %.2fx\n",
                    (zintQr.cpu + zintDm.cpu) / all.cpu);
    }
    std::printf("ours / (floor / %d cores), wall (goal <= 1.5x): %.2fx\n", cores,
                all.wall / (floor.wall / cores));
    std::printf("ours 1 thread / floor, cpu (cost per code):  %.2fx\n", one.cpu / floor.cpu);
    std::printf("load average at end: %.2f\n", loadAverage());
    return 0;
}
