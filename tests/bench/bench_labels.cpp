// bench_labels: 10,000 merged labels (50×30 mm: two text fields, a QR and a
// DataMatrix) to one PDF with `dppctl render` (what users run), against the
// symbol-encode floor (libqrencode + libdmtx encode only, same records) and
// glabels-3-batch (Debian glabels 3.4.1) on an equivalent template and merge
// CSV. Wall time, CPU time (user + sys) and peak RSS come from
// /usr/bin/time -v on each child run: ours at 1,000 and 10,000 labels (PDF,
// and a ZIP of SVGs for the streaming claim), gLabels at 1,000 labels only
// (it grows worse than linearly; notes measured 277 s / 1.8 GB at 10,000).
//
// Equivalence: same page (one 50×30 mm label per page), same texts (Sans
// 6 pt), QR with the Digital Link, DataMatrix with GTIN + serial. gLabels 3
// has DataMatrix only through libiec16022, which cannot make GS1 DataMatrix
// (no FNC1): its symbol carries "0109506000134352 21SNxxxxxx" as plain data,
// ours the GS1 element string. Its QR is ECL M like ours.
#include <symbol/datamatrixencoder.h>
#include <symbol/qrencoder.h>

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>
#include <ctime>

using namespace dpp;

namespace {
const char* kLabel =
    R"({"version":1,"name":"bench","stock":{"id":"b","kind":"die-cut","width":50,"height":30},
 "merge":{"kind":"serials","gtin":"09506000134352","lot":"L1","serials":"SN000001-SN%1"},
 "elements":[
  {"type":"text","x":2,"y":2,"width":22,"height":6,"text":"GTIN {{gtin}}","size":6},
  {"type":"text","x":2,"y":9,"width":22,"height":6,"text":"SN {{serial}}","size":6},
  {"type":"qr","x":25,"y":2,"width":24,"height":24,"content_kind":"digital_link","module":0.5},
  {"type":"datamatrix","x":2,"y":16,"width":12,"height":12,"content_kind":"element_string",
   "content":"(01){{gtin}}(21){{serial}}","module":0.4}]})";

// The same design for gLabels 3: one 50×30 mm label per page.
const char* kGlabels = R"(<?xml version="1.0"?>
<Glabels-document xmlns="http://glabels.org/xmlns/3.0/">
  <Template brand="Custom" part="DPP-50x30" size="Other" width="50mm" height="30mm" description="50x30 mm, one per page">
    <Label-rectangle id="0" width="50mm" height="30mm" round="0mm" x_waste="0mm" y_waste="0mm">
      <Markup-margin size="1mm"/>
      <Layout nx="1" ny="1" x0="0mm" y0="0mm" dx="50mm" dy="30mm"/>
    </Label-rectangle>
  </Template>
  <Objects id="0" rotate="False">
    <Object-text x="2mm" y="2mm" w="22mm" h="6mm" justify="Left" auto_shrink="False" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0">
      <Span color="0x000000ff" font_family="Sans" font_size="6" font_weight="Regular" font_italic="False" line_spacing="1">GTIN <Field name="GTIN"/></Span>
    </Object-text>
    <Object-text x="2mm" y="9mm" w="22mm" h="6mm" justify="Left" auto_shrink="False" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0">
      <Span color="0x000000ff" font_family="Sans" font_size="6" font_weight="Regular" font_italic="False" line_spacing="1">SN <Field name="SERIAL"/></Span>
    </Object-text>
    <Object-barcode x="25mm" y="2mm" w="24mm" h="24mm" backend="libqrencode" style="IEC18004" text="False" checksum="False" color="0x000000ff" field="URL" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0"/>
    <Object-barcode x="2mm" y="16mm" w="12mm" h="12mm" backend="libiec16022" style="IEC16022" text="False" checksum="False" color="0x000000ff" field="DM" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0"/>
  </Objects>
  <Merge type="Text/Comma/Line1Keys" src="data.csv"/>
  <Data/>
</Glabels-document>
)";

QString serial(int i)
{
    return QStringLiteral("SN%1").arg(i, 6, 10, QLatin1Char('0'));
}

struct Run
{
    double seconds = -1;
    double cpu = -1; // user + sys
    double rssMb = -1;
    QString error;
};

Run timed(const QString& program, const QStringList& args, const QString& workDir = {})
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("/usr/bin/time"), QStringList{QStringLiteral("-v"), program} + args);
    p.waitForFinished(-1);
    Run r;
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        r.error = err.left(400);
        return r;
    }
    r.seconds = t.elapsed() / 1000.0;
    auto number = [&](const char* pattern) {
        const auto m = QRegularExpression(QString::fromLatin1(pattern)).match(err);
        return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
    };
    r.rssMb = number(R"(Maximum resident set size \(kbytes\): (\d+))") / 1024;
    r.cpu = number(R"(User time \(seconds\): ([\d.]+))") +
            number(R"(System time \(seconds\): ([\d.]+))");
    return r;
}

void print(const char* what, int labels, const Run& r)
{
    if (r.seconds < 0) {
        std::printf("%-28s %6d labels: FAILED %s\n", what, labels, qPrintable(r.error));
        return;
    }
    std::printf("%-28s %6d labels: %6.2f s wall, %6.2f s CPU, %6.3f ms/label (CPU), peak RSS %4.0f "
                "MB\n",
                what, labels, r.seconds, r.cpu, r.cpu * 1000 / labels, r.rssMb);
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}
} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (!QFile::exists(QStringLiteral("/usr/bin/time"))) {
        std::printf("bench_labels: /usr/bin/time missing (Debian package time)\n");
        return 1;
    }
    const QString bin =
        qEnvironmentVariable("DPP_BIN_DIR", app.applicationDirPath() + QStringLiteral("/../bin"));
    const QString dppctl = bin + QStringLiteral("/dppctl");
    QTemporaryDir dir;
    auto writeLabel = [&](int count) {
        const QString path = dir.filePath(QStringLiteral("bench-%1.dpplabel").arg(count));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(QString::fromLatin1(kLabel).arg(count, 6, 10, QLatin1Char('0')).toUtf8());
        return path;
    };
    std::printf("machine: %d CPUs, load average %.2f at start\n", QThread::idealThreadCount(),
                loadAverage());
    auto render = [&](int count, const QStringList& out) {
        return timed(dppctl, QStringList{QStringLiteral("render"), writeLabel(count)} + out);
    };
    const Run small =
        render(1000, {QStringLiteral("--out"), dir.filePath(QStringLiteral("a.pdf"))});
    const Run big = render(10000, {QStringLiteral("--out"), dir.filePath(QStringLiteral("b.pdf"))});
    QFile::remove(dir.filePath(QStringLiteral("b.pdf")));
    const Run zipSmall =
        render(1000, {QStringLiteral("--out"), dir.filePath(QStringLiteral("a.zip")),
                      QStringLiteral("--format"), QStringLiteral("svg")});
    const Run zipBig =
        render(10000, {QStringLiteral("--out"), dir.filePath(QStringLiteral("b.zip")),
                       QStringLiteral("--format"), QStringLiteral("svg")});
    QFile::remove(dir.filePath(QStringLiteral("b.zip")));

    // Encode floor: the same 10,000 records through libqrencode and libdmtx only.
    // CPU time of this process (as the children's user + sys), so a busy
    // machine does not flatter the ratio.
    const std::clock_t cpuStart = std::clock();
    symbol::QrEncoder qr;
    symbol::DataMatrixEncoder dm;
    for (int i = 1; i <= 10000; ++i) {
        qr.encodeText(QStringLiteral("https://id.gs1.org/01/09506000134352/10/L1/21/%1")
                          .arg(serial(i))
                          .toUtf8());
        dm.encodeGs1(QByteArray(QByteArray("0109506000134352\x1d"
                                           "21") +
                                serial(i).toLatin1()));
    }
    const double floor = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;

    // gLabels 3 on 1,000 labels: template and CSV written next to each other.
    constexpr int kPeerLabels = 1000;
    Run peer;
    const QString glabels = QStandardPaths::findExecutable(QStringLiteral("glabels-3-batch"));
    if (!glabels.isEmpty()) {
        QFile project(dir.filePath(QStringLiteral("bench.glabels")));
        project.open(QIODevice::WriteOnly);
        project.write(kGlabels);
        project.close();
        QFile csv(dir.filePath(QStringLiteral("data.csv")));
        csv.open(QIODevice::WriteOnly);
        csv.write("GTIN,SERIAL,URL,DM\n");
        for (int i = 1; i <= kPeerLabels; ++i)
            csv.write(QStringLiteral("09506000134352,%1,https://id.gs1.org/01/09506000134352/10/L1/"
                                     "21/%1,0109506000134352 21%1\n")
                          .arg(serial(i))
                          .toUtf8());
        csv.close();
        peer = timed(glabels,
                     {QStringLiteral("-i"), csv.fileName(), QStringLiteral("-o"),
                      dir.filePath(QStringLiteral("glabels.pdf")), project.fileName()},
                     dir.path());
    }

    print("ours PDF (dppctl render)", 1000, small);
    print("ours PDF (dppctl render)", 10000, big);
    print("ours ZIP of SVG", 1000, zipSmall);
    print("ours ZIP of SVG", 10000, zipBig);
    std::printf(
        "%-28s %6d labels: %6.2f s CPU (libqrencode + libdmtx, in process), %.3f ms/label\n",
        "encode floor", 10000, floor, floor * 1000 / 10000);
    if (big.seconds > 0)
        std::printf("ours / encode floor (10,000, CPU): %.1f x  (goal <= 3 x)\n", big.cpu / floor);
    if (glabels.isEmpty()) {
        std::printf("glabels-3-batch: not installed (Debian package glabels); no ratio this run\n");
    } else {
        print("glabels-3-batch 3.4.1", kPeerLabels, peer);
        if (peer.seconds > 0 && big.seconds > 0)
            std::printf("per label (CPU): glabels-3-batch / ours = %.0f x  (goal >= 50 x)\n",
                        (peer.cpu / kPeerLabels) / (big.cpu / 10000));
    }
    if (small.rssMb > 0 && big.rssMb > 0)
        std::printf(
            "peak RSS 1,000 -> 10,000: PDF %.0f -> %.0f MB, ZIP %.0f -> %.0f MB (goal <= 100 "
            "MB, flat)\n",
            small.rssMb, big.rssMb, zipSmall.rssMb, zipBig.rssMb);
    std::printf("load average %.2f at end\n", loadAverage());
    return small.seconds < 0 || big.seconds < 0 ? 1 : 0;
}
