// bench_labels: 10,000 merged labels (50×30 mm: two text fields, a QR and a
// DataMatrix) to one PDF, against the symbol-encode floor (libqrencode +
// libdmtx encode only, same records) and, when installed, glabels-3-batch on
// an equivalent template and CSV. Peak RSS comes from /usr/bin/time -v on a
// child run of this program, at 1,000 and 10,000 labels.
#include <label/labeldocument.h>
#include <label/labelexporter.h>
#include <label/stocklibrary.h>
#include <symbol/datamatrixencoder.h>
#include <symbol/qrencoder.h>

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cstdio>

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

int child(int count, const QString& out)
{
    auto lib = label::StockLibrary::load();
    auto doc = label::LabelDocument::fromJson(
        QString::fromLatin1(kLabel).arg(count, 6, 10, QLatin1Char('0')).toUtf8(), lib.value());
    if (!doc) {
        std::fprintf(stderr, "%s\n", qPrintable(doc.error().message));
        return 1;
    }
    auto source = label::MergeSource::open(doc->merge);
    auto report = label::LabelExporter::writePdf(*doc, *source.value(), out);
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().message));
        return 1;
    }
    return 0;
}

struct Run
{
    double seconds = -1;
    double rssMb = -1;
};

Run timed(const QString& program, const QStringList& args)
{
    QProcess p;
    QElapsedTimer t;
    const bool haveTime = QFile::exists(QStringLiteral("/usr/bin/time"));
    t.start();
    if (haveTime)
        p.start(QStringLiteral("/usr/bin/time"), QStringList{QStringLiteral("-v"), program} + args);
    else
        p.start(program, args);
    p.waitForFinished(-1);
    Run r;
    if (p.exitCode() != 0)
        return r;
    r.seconds = t.elapsed() / 1000.0;
    const auto m =
        QRegularExpression(QStringLiteral(R"(Maximum resident set size \(kbytes\): (\d+))"))
            .match(QString::fromLocal8Bit(p.readAllStandardError()));
    if (m.hasMatch())
        r.rssMb = m.captured(1).toDouble() / 1024;
    return r;
}
} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == QLatin1String("--child"))
        return child(args.at(2).toInt(), args.at(3));

    QTemporaryDir dir;
    const Run small = timed(args.first(), {QStringLiteral("--child"), QStringLiteral("1000"),
                                           dir.filePath(QStringLiteral("a.pdf"))});
    const Run big = timed(args.first(), {QStringLiteral("--child"), QStringLiteral("10000"),
                                         dir.filePath(QStringLiteral("b.pdf"))});

    // Encode floor: the same 10,000 records through libqrencode and libdmtx only.
    QElapsedTimer t;
    t.start();
    symbol::QrEncoder qr;
    symbol::DataMatrixEncoder dm;
    for (int i = 1; i <= 10000; ++i) {
        const QString serial = QStringLiteral("SN%1").arg(i, 6, 10, QLatin1Char('0'));
        qr.encodeText(QStringLiteral("https://id.gs1.org/01/09506000134352/10/L1/21/%1")
                          .arg(serial)
                          .toUtf8());
        dm.encodeGs1(QByteArray(QByteArray("0109506000134352\x1d"
                                           "21") +
                                serial.toLatin1()));
    }
    const double floor = t.elapsed() / 1000.0;

    std::printf("ours      1,000 labels: %.2f s, %.2f ms/label, peak RSS %.0f MB\n", small.seconds,
                small.seconds, small.rssMb);
    std::printf("ours     10,000 labels: %.2f s, %.3f ms/label, peak RSS %.0f MB\n", big.seconds,
                big.seconds / 10, big.rssMb);
    std::printf("encode floor 10,000:    %.2f s (libqrencode + libdmtx); ours / floor = %.1f\n",
                floor, big.seconds / floor);
    const QString glabels = QStandardPaths::findExecutable(QStringLiteral("glabels-3-batch"));
    if (glabels.isEmpty())
        std::printf("glabels-3-batch: not installed (Debian package glabels); no ratio this run\n");
    return small.seconds < 0 || big.seconds < 0 ? 1 : 0;
}
