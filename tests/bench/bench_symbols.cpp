// bench_symbols: the issue 3 workload. GTIN 09506000134352, lot LOT2026A,
// serials SN000001…SN010000, QR (Digital Link) and GS1 DataMatrix as SVG into
// one ZIP with manifest.csv, against (a) the zint CLI in --batch mode writing
// the same 20,000 SVGs (a QR run and a DataMatrix run) and (b) the raw encode
// floor: libqrencode + libdmtx encode only, one core. Best of N runs each
// (BENCH_RUNS, default 3) because a shared machine is noisy.
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

namespace {

constexpr int kCount = 10000;

QByteArray dl(int i)
{
    return QStringLiteral("https://id.gs1.org/01/09506000134352/10/LOT2026A/21/SN%1")
        .arg(i, 6, 10, QLatin1Char('0'))
        .toLatin1();
}

double oursOnce(const QString& zipPath, qint64* codes, int threads = 0)
{
    dpp::exporting::BatchRequest request;
    request.gtin = QStringLiteral("09506000134352");
    request.lot = QStringLiteral("LOT2026A");
    request.prefix = QStringLiteral("SN");
    request.start = 1;
    request.count = kCount;
    request.width = 6;
    request.threads = threads;
    QElapsedTimer t;
    t.start();
    const auto summary = dpp::exporting::BatchExporter::run(request, zipPath);
    const double s = t.nsecsElapsed() / 1e9;
    if (!summary.ok()) {
        std::fprintf(stderr, "our batch failed: %s\n", qPrintable(summary.error().message));
        return -1;
    }
    *codes = summary->codes;
    return s;
}

double zintOnce(const QString& zint, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer t;
    t.start();
    p.start(zint, args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        std::fprintf(stderr, "zint failed: %s\n", p.readAllStandardOutput().constData());
        return -1;
    }
    return t.nsecsElapsed() / 1e9;
}

// libqrencode + libdmtx with nothing else: the cost no batch tool can avoid.
double floorOnce(const QList<QByteArray>& uris, const QList<QByteArray>& gs1)
{
    QElapsedTimer t;
    t.start();
    long dark = 0; // consume the output so nothing is optimised away
    for (int i = 0; i < kCount; ++i) {
        QRcode* code = QRcode_encodeData(
            int(uris[i].size()), reinterpret_cast<const unsigned char*>(uris[i].constData()), 0,
            QR_ECLEVEL_M);
        dark += code->data[code->width * code->width / 2] & 1;
        QRcode_free(code);
        DmtxEncode* enc = dmtxEncodeCreate();
        dmtxEncodeSetProp(enc, DmtxPropScheme, DmtxSchemeAscii);
        dmtxEncodeSetProp(enc, DmtxPropSizeRequest, DmtxSymbolSquareAuto);
        dmtxEncodeSetProp(enc, DmtxPropModuleSize, 1);
        dmtxEncodeSetProp(enc, DmtxPropMarginSize, 0);
        dmtxEncodeSetProp(enc, DmtxPropFnc1, 0x1d);
        QByteArray data = gs1[i];
        dmtxEncodeDataMatrix(enc, int(data.size()), reinterpret_cast<unsigned char*>(data.data()));
        dark += enc->region.sizeIdx;
        dmtxEncodeDestroy(&enc);
    }
    const double s = t.nsecsElapsed() / 1e9;
    if (dark < 0)
        std::printf("%ld\n", dark);
    return s;
}

template <typename F> double best(int runs, F f)
{
    double b = -1;
    for (int i = 0; i < runs; ++i) {
        const double s = f();
        if (s < 0)
            return -1;
        if (b < 0 || s < b)
            b = s;
    }
    return b;
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
    std::printf(
        "workload: %d serials x (QR Digital Link + GS1 DataMatrix) = %d SVGs; best of %d runs\n",
        kCount, 2 * kCount, runs);
    std::printf("machine: %s, %d cores\n", qPrintable(cpuModel()), cores);

    // Ours: the same core call dppctl batch makes, into one ZIP with manifest.csv.
    qint64 codes = 0;
    const double ours =
        best(runs, [&] { return oursOnce(dir.filePath(QStringLiteral("batch.zip")), &codes); });
    if (ours < 0 || codes != 2 * kCount)
        return 1;
    // One thread: what the work costs, without the parallel speed-up.
    const double oursOne =
        best(runs, [&] { return oursOnce(dir.filePath(QStringLiteral("one.zip")), &codes, 1); });

    // zint: the same content, one SVG file per symbol, two runs.
    const QString zint = QStandardPaths::findExecutable(QStringLiteral("zint"));
    QFile dlList(dir.filePath(QStringLiteral("dl.txt")));
    QFile gs1List(dir.filePath(QStringLiteral("gs1.txt")));
    dlList.open(QIODevice::WriteOnly);
    gs1List.open(QIODevice::WriteOnly);
    QList<QByteArray> uris, gs1;
    for (int i = 1; i <= kCount; ++i) {
        uris << dl(i);
        const QByteArray serial = QByteArray::number(i).rightJustified(6, '0');
        gs1 << "\x1d"
               "0109506000134352"
               "10LOT2026A\x1d"
               "21SN" +
                   serial;
        dlList.write(uris.last() + '\n');
        gs1List.write("[01]09506000134352[10]LOT2026A[21]SN" + serial + '\n');
    }
    dlList.close();
    gs1List.close();
    double zintQr = -1, zintDm = -1;
    if (zint.isEmpty()) {
        std::printf("zint: not installed (apt-get install zint); peer skipped\n");
    } else {
        QDir(dir.path()).mkpath(QStringLiteral("zq"));
        QDir(dir.path()).mkpath(QStringLiteral("zd"));
        zintQr = best(runs, [&] {
            return zintOnce(zint, {QStringLiteral("--batch"), QStringLiteral("-b"),
                                   QStringLiteral("QRCODE"), QStringLiteral("--secure=2"),
                                   QStringLiteral("--quietzones"), QStringLiteral("--filetype=svg"),
                                   QStringLiteral("-i"), dlList.fileName(), QStringLiteral("-o"),
                                   dir.filePath(QStringLiteral("zq/q~~~~~.svg"))});
        });
        zintDm = best(runs, [&] {
            return zintOnce(zint, {QStringLiteral("--batch"), QStringLiteral("-b"),
                                   QStringLiteral("DATAMATRIX"), QStringLiteral("--gs1"),
                                   QStringLiteral("--square"), QStringLiteral("--quietzones"),
                                   QStringLiteral("--filetype=svg"), QStringLiteral("-i"),
                                   gs1List.fileName(), QStringLiteral("-o"),
                                   dir.filePath(QStringLiteral("zd/d~~~~~.svg"))});
        });
    }
    const double floor = best(runs, [&] { return floorOnce(uris, gs1); });

    const double n = 2.0 * kCount;
    std::printf("\n%-44s %9s %10s\n", "", "wall s", "codes/s");
    std::printf("%-44s %9.3f %10.0f\n", "ours: dppctl batch core, ZIP + manifest", ours, n / ours);
    std::printf("%-44s %9.3f %10.0f\n", "ours, 1 thread", oursOne, n / oursOne);
    if (zintQr > 0 && zintDm > 0) {
        std::printf("%-44s %9.3f %10.0f\n", "zint 2.11 --batch QR (10k SVG files)", zintQr,
                    kCount / zintQr);
        std::printf("%-44s %9.3f %10.0f\n", "zint 2.11 --batch DataMatrix (10k SVG files)", zintDm,
                    kCount / zintDm);
        std::printf("%-44s %9.3f %10.0f\n", "zint total (both runs)", zintQr + zintDm,
                    n / (zintQr + zintDm));
    }
    std::printf("%-44s %9.3f %10.0f\n", "encode floor: libqrencode+libdmtx, 1 core", floor,
                n / floor);
    std::printf("%-44s %9.3f %10.0f\n", "encode floor / cores", floor / cores, n * cores / floor);
    std::printf("\n");
    if (zintQr > 0 && zintDm > 0)
        std::printf("speed-up vs zint (goal >= 3.0x):          %.2fx\n", (zintQr + zintDm) / ours);
    std::printf("ours / (floor / %d cores) (goal <= 1.5x):  %.2fx\n", cores,
                ours / (floor / cores));
    return 0;
}
