#include "labelexporter.h"

#include "pdfpagebox.h"
#include "zplwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace dpp::label {

namespace {

// The two ways every writer stops early, worded once.
Error cancelledError()
{
    return Error{QStringLiteral("job"), QStringLiteral("cancelled"), QStringLiteral("cancelled")};
}
Error emptySourceError()
{
    return Error{QStringLiteral("merge"), QStringLiteral("the merge source has no records"),
                 QStringLiteral("empty")};
}
// Pulls up to one page of records; false at the end.
Result<bool> nextPage(MergeSource& source, int perPage, QList<MergeRecord>& page)
{
    page.clear();
    MergeRecord record;
    while (page.size() < perPage) {
        auto got = source.next(record);
        if (!got)
            return got.error();
        if (!got.value())
            break;
        page.append(record);
    }
    return !page.isEmpty();
}

double pageWidthMm(const LabelDocument& d)
{
    return d.stock.isSheet() ? d.stock.pageWidth.toMm() : d.labelWidthMm();
}
double pageHeightMm(const LabelDocument& d)
{
    return d.stock.isSheet() ? d.stock.pageHeight.toMm() : d.labelHeightMm();
}
} // namespace

QString LabelExporter::numberedPath(const QString& path, qint64 page, bool series)
{
    if (!series)
        return path;
    const QFileInfo info(path);
    const QString dir =
        info.path() == QLatin1String(".") ? QString() : info.path() + QLatin1Char('/');
    return dir + info.completeBaseName() +
           QStringLiteral("-%1.").arg(page, 4, 10, QLatin1Char('0')) + info.suffix();
}

Status LabelExporter::paintPage(QPainter& painter, LabelRenderer& renderer,
                                const QList<MergeRecord>& records)
{
    const LabelStock& stock = renderer.document().stock;
    for (int i = 0; i < records.size(); ++i) {
        painter.save();
        painter.translate(stock.labelRectMm(i).topLeft());
        const Status s = renderer.paint(painter, records.at(i));
        painter.restore();
        if (!s)
            return s;
    }
    return Ok{};
}

Result<ExportReport> LabelExporter::writePdf(const LabelDocument& doc, MergeSource& source,
                                             const QString& path, const Progress& progress)
{
    const double w = pageWidthMm(doc);
    const double h = pageHeightMm(doc);
    ExportReport report;
    {
        QPdfWriter pdf(path);
        pdf.setCreator(QStringLiteral("DPP Studio"));
        pdf.setTitle(doc.name);
        pdf.setPageSize(
            QPageSize(QSizeF(w, h), QPageSize::Millimeter, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        // 1200 dpi: Qt stores coordinates as integers at this resolution in
        // places; 1200 keeps that error below 0.03 mm.
        pdf.setResolution(1200);
        QPainter painter;
        LabelRenderer renderer(doc, RenderSettings{});
        QList<MergeRecord> page;
        while (true) {
            auto more = nextPage(source, doc.stock.labelsPerPage(), page);
            if (!more)
                return more.error();
            if (!more.value())
                break;
            if (report.pages == 0) {
                if (!painter.begin(&pdf))
                    return Error{QStringLiteral("out"), QStringLiteral("cannot write %1").arg(path),
                                 QStringLiteral("io")};
                painter.scale(pdf.resolution() / 25.4, pdf.resolution() / 25.4);
            } else {
                pdf.newPage();
            }
            if (Status s = paintPage(painter, renderer, page); !s)
                return s.error();
            ++report.pages;
            report.labels += page.size();
            if (progress && !progress(report.labels))
                return Error{QStringLiteral("job"),
                             QStringLiteral("cancelled after %1 labels").arg(report.labels),
                             QStringLiteral("cancelled")};
        }
        if (report.pages == 0)
            return emptySourceError();
        painter.end();
    }
    if (Status s = PdfPageBox::fixFile(path, w * 72 / 25.4, h * 72 / 25.4); !s)
        return s.error();
    report.files << path;
    return report;
}

Result<QImage> LabelExporter::renderPage(LabelRenderer& renderer, const QList<MergeRecord>& records,
                                         int dpi, bool thermal)
{
    const LabelDocument& doc = renderer.document();
    const QSize size(int(std::lround(pageWidthMm(doc) * dpi / 25.4)),
                     int(std::lround(pageHeightMm(doc) * dpi / 25.4)));
    if (size.isEmpty() || qint64(size.width()) * size.height() > 400'000'000)
        return Error{QStringLiteral("dpi"),
                     QStringLiteral("%1 dpi gives an image of %2 × %3 pixels")
                         .arg(dpi)
                         .arg(size.width())
                         .arg(size.height()),
                     QStringLiteral("out_of_range")};
    QImage image(size, QImage::Format_RGB32);
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing, !thermal);
        painter.scale(dpi / 25.4, dpi / 25.4);
        if (Status s = paintPage(painter, renderer, records); !s)
            return s.error();
    }
    if (thermal)
        image = image.convertToFormat(QImage::Format_Mono, Qt::MonoOnly | Qt::ThresholdDither);
    return image;
}

Result<ExportReport> LabelExporter::writeImages(const LabelDocument& doc, MergeSource& source,
                                                const QString& path, int dpi, bool thermal,
                                                const Progress& progress)
{
    if (dpi < 36 || dpi > 2400)
        return Error{QStringLiteral("dpi"), QStringLiteral("must be 36…2400; got %1").arg(dpi),
                     QStringLiteral("out_of_range")};
    ExportReport report;
    LabelRenderer renderer(doc, RenderSettings{dpi, thermal});
    const qint64 total = source.recordCount() < 0 ? -1 : source.recordCount() * source.copies();
    const bool series = total < 0 || total > doc.stock.labelsPerPage();
    QList<MergeRecord> page;
    while (true) {
        auto more = nextPage(source, doc.stock.labelsPerPage(), page);
        if (!more)
            return more.error();
        if (!more.value())
            break;
        auto image = renderPage(renderer, page, dpi, thermal);
        if (!image)
            return image.error();
        const QString file = numberedPath(path, report.pages + 1, series);
        if (!image->save(file, "PNG"))
            return Error{QStringLiteral("out"), QStringLiteral("cannot write %1").arg(file),
                         QStringLiteral("io")};
        report.files << file;
        ++report.pages;
        report.labels += page.size();
        if (progress && !progress(report.labels))
            return cancelledError();
    }
    if (!page.isEmpty())
        report.warnings = renderer.designWarnings(page.first());
    if (report.pages == 0)
        return emptySourceError();
    return report;
}

Result<ExportReport> LabelExporter::writeSvg(const LabelDocument& doc, MergeSource& source,
                                             const QString& path, const Progress& progress)
{
    ExportReport report;
    LabelRenderer renderer(doc, RenderSettings{});
    const qint64 total = source.recordCount() < 0 ? -1 : source.recordCount() * source.copies();
    const bool series = total < 0 || total > doc.stock.labelsPerPage();
    // 254 dpi: 10 SVG user units per millimetre, and width/height in mm.
    constexpr int kDpi = 254;
    const double w = pageWidthMm(doc);
    const double h = pageHeightMm(doc);
    QList<MergeRecord> page;
    while (true) {
        auto more = nextPage(source, doc.stock.labelsPerPage(), page);
        if (!more)
            return more.error();
        if (!more.value())
            break;
        const QString file = numberedPath(path, report.pages + 1, series);
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setResolution(kDpi);
        svg.setSize(QSize(int(std::lround(w * 10)), int(std::lround(h * 10))));
        svg.setViewBox(QRectF(0, 0, w * 10, h * 10));
        svg.setTitle(doc.name);
        QPainter painter;
        if (!painter.begin(&svg))
            return Error{QStringLiteral("out"), QStringLiteral("cannot write %1").arg(file),
                         QStringLiteral("io")};
        painter.scale(10, 10);
        if (Status s = paintPage(painter, renderer, page); !s)
            return s.error();
        painter.end();
        report.files << file;
        ++report.pages;
        report.labels += page.size();
        if (progress && !progress(report.labels))
            return cancelledError();
    }
    if (report.pages == 0)
        return emptySourceError();
    return report;
}

Result<ExportReport> LabelExporter::writeZpl(const LabelDocument& doc, MergeSource& source,
                                             const QString& path, const Progress& progress)
{
    if (doc.stock.isSheet())
        return Error{QStringLiteral("stock"),
                     QStringLiteral("ZPL is for label printers; this design is on a sheet"),
                     QStringLiteral("invalid")};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("out"), QStringLiteral("cannot write %1").arg(path),
                     QStringLiteral("io")};
    ZplWriter writer(doc);
    ExportReport report;
    MergeRecord record;
    while (true) {
        auto got = source.next(record);
        if (!got)
            return got.error();
        if (!got.value())
            break;
        if (report.labels == 0) // ZPL is black-only: the warnings of a thermal device
            report.warnings = LabelRenderer(doc, RenderSettings{doc.calibration.dpi, true})
                                  .designWarnings(record);
        auto zpl = writer.label(record);
        if (!zpl)
            return zpl.error();
        out.write(zpl.value());
        ++report.labels;
        ++report.pages;
        if (progress && !progress(report.labels))
            return cancelledError();
    }
    if (report.labels == 0)
        return emptySourceError();
    if (!out.commit())
        return Error{QStringLiteral("out"), QStringLiteral("cannot write %1").arg(path),
                     QStringLiteral("io")};
    report.files << path;
    return report;
}

Result<ExportReport> LabelExporter::write(const LabelDocument& doc, MergeSource& source,
                                          const QString& path, int dpi, const Progress& progress)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return writePdf(doc, source, path, progress);
    if (suffix == QLatin1String("svg"))
        return writeSvg(doc, source, path, progress);
    if (suffix == QLatin1String("png"))
        return writeImages(doc, source, path, dpi > 0 ? dpi : 300, false, progress);
    if (suffix == QLatin1String("zpl"))
        return writeZpl(doc, source, path, progress);
    return Error{QStringLiteral("out"),
                 QStringLiteral("'%1': the file must end in .pdf, .svg, .png or .zpl").arg(path),
                 QStringLiteral("invalid")};
}

} // namespace dpp::label
