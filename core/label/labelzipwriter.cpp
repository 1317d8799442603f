#include "labelzipwriter.h"

#include "zplwriter.h"

#include "export/atomiczip.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace dpp::label {

namespace {
Error ioError(const QString& message)
{
    return Error{QStringLiteral("out"), message, QStringLiteral("io")};
}

QByteArray csvField(const QString& v)
{
    if (!v.contains(u',') && !v.contains(u'"') && !v.contains(u'\n'))
        return v.toUtf8();
    QString q = v;
    q.replace(u'"', QStringLiteral("\"\""));
    return '"' + q.toUtf8() + '"';
}

double pageWidthMm(const LabelDocument& d)
{
    return d.stock.isSheet() ? d.stock.pageWidth.toMm() : d.labelWidthMm();
}
double pageHeightMm(const LabelDocument& d)
{
    return d.stock.isSheet() ? d.stock.pageHeight.toMm() : d.labelHeightMm();
}

Result<QByteArray> svgPage(LabelRenderer& renderer, const QList<MergeRecord>& page)
{
    const LabelDocument& doc = renderer.document();
    const double w = pageWidthMm(doc), h = pageHeightMm(doc);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        // 254 dpi: 10 SVG user units per millimetre, as LabelExporter::writeSvg.
        svg.setResolution(254);
        svg.setSize(QSize(int(std::lround(w * 10)), int(std::lround(h * 10))));
        svg.setViewBox(QRectF(0, 0, w * 10, h * 10));
        svg.setTitle(doc.name);
        QPainter painter;
        if (!painter.begin(&svg))
            return ioError(QStringLiteral("cannot start an SVG page"));
        painter.scale(10, 10);
        if (Status s = LabelExporter::paintPage(painter, renderer, page); !s)
            return s.error();
        painter.end();
    }
    return buffer.data();
}
} // namespace

Result<LabelZipWriter::Format> LabelZipWriter::parseFormat(const QString& text)
{
    const QString f = text.toLower();
    if (f == QLatin1String("svg"))
        return Format::Svg;
    if (f == QLatin1String("png"))
        return Format::Png;
    if (f == QLatin1String("zpl"))
        return Format::Zpl;
    return Error{QStringLiteral("format"),
                 text.isEmpty() ? QStringLiteral("a .zip output needs --format svg, png or zpl")
                                : QStringLiteral("'%1' is not svg, png or zpl").arg(text),
                 text.isEmpty() ? QStringLiteral("required") : QStringLiteral("invalid")};
}

Result<ExportReport> LabelZipWriter::write(const LabelDocument& doc, MergeSource& source,
                                           const QString& zipPath, Format format, int dpi,
                                           const LabelExporter::Progress& progress)
{
    if (format == Format::Zpl && doc.stock.isSheet())
        return Error{QStringLiteral("stock"),
                     QStringLiteral("ZPL is for label printers; this design is on a sheet"),
                     QStringLiteral("invalid")};
    if (format == Format::Png && (dpi < 36 || dpi > 2400))
        return Error{QStringLiteral("dpi"), QStringLiteral("must be 36…2400; got %1").arg(dpi),
                     QStringLiteral("out_of_range")};
    // Past 65,535 entries or 4 GB a plain ZIP breaks; ZIP64 only costs a few bytes per entry.
    auto archive = exporting::AtomicZip::create(zipPath, true, QStringLiteral("io"));
    if (!archive.ok())
        return archive.error();
    QuaZip& zip = (*archive)->zip();
    // Returning drops the partial archive (AtomicZip's destructor).
    const QDateTime stamp = QDateTime::currentDateTime();
    auto addEntry = [&](const QString& name, const QByteArray& data, bool deflate) -> Status {
        QuaZipNewInfo info(name);
        info.dateTime = stamp;
        info.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                            QFile::ReadOther);
        QuaZipFile file(&zip);
        // PNG is already compressed: stored; SVG and ZPL text deflate well.
        if (!file.open(QIODevice::WriteOnly, info, nullptr, 0, deflate ? Z_DEFLATED : 0,
                       deflate ? 6 : 0) ||
            file.write(data) != data.size())
            return ioError(QStringLiteral("writing %1 failed (disk full?)").arg(name));
        file.close();
        if (file.getZipError() != ZIP_OK)
            return ioError(QStringLiteral("writing %1 failed").arg(name));
        return Ok{};
    };

    const char* ext = format == Format::Svg ? "svg" : format == Format::Png ? "png" : "zpl";
    // As the single-file writers: SVG is vector (designed sizes), PNG snaps to its dpi.
    const bool thermal = false;
    LabelRenderer renderer(doc, RenderSettings{format == Format::Png ? dpi : 0, thermal});
    ZplWriter zpl(doc);
    ExportReport report;
    QByteArray manifest = "file,counter,gtin,lot,serial\n";
    const int perPage = format == Format::Zpl ? 1 : doc.stock.labelsPerPage();
    QList<MergeRecord> page;
    MergeRecord record;
    while (true) {
        page.clear();
        while (page.size() < perPage) {
            auto got = source.next(record);
            if (!got)
                return got.error();
            if (!got.value())
                break;
            page.append(record);
        }
        if (page.isEmpty())
            break;
        QByteArray data;
        if (format == Format::Zpl) {
            auto label = zpl.label(page.first());
            if (!label)
                return label.error();
            data = label.value();
        } else if (format == Format::Svg) {
            auto svg = svgPage(renderer, page);
            if (!svg)
                return svg.error();
            data = svg.value();
        } else {
            auto image = LabelExporter::renderPage(renderer, page, dpi, thermal);
            if (!image)
                return image.error();
            QBuffer buffer(&data);
            buffer.open(QIODevice::WriteOnly);
            image->save(&buffer, "PNG");
        }
        ++report.pages;
        const QString name = QStringLiteral("label-%1.%2")
                                 .arg(report.pages, 6, 10, QLatin1Char('0'))
                                 .arg(QLatin1String(ext));
        if (Status s = addEntry(name, data, format != Format::Png); !s)
            return s.error();
        for (const MergeRecord& r : page)
            manifest += name.toUtf8() + ',' + csvField(r.value(QStringLiteral("counter"))) + ',' +
                        csvField(r.value(QStringLiteral("gtin"))) + ',' +
                        csvField(r.value(QStringLiteral("lot"))) + ',' +
                        csvField(r.value(QStringLiteral("serial"))) + '\n';
        report.labels += page.size();
        if (progress && !progress(report.labels))
            return Error{QStringLiteral("job"), QStringLiteral("cancelled"),
                         QStringLiteral("cancelled")};
    }
    if (report.pages == 0)
        return Error{QStringLiteral("merge"), QStringLiteral("the merge source has no records"),
                     QStringLiteral("empty")};
    if (format == Format::Png)
        report.warnings = renderer.designWarnings(record);
    // The manifest is one short line per label: 10,000 labels are ~0.5 MB.
    if (Status s = addEntry(QStringLiteral("manifest.csv"), manifest, true); !s)
        return s.error();
    if (Status s = (*archive)->commit(); !s.ok())
        return s.error();
    report.files << zipPath;
    return report;
}

} // namespace dpp::label
