// LabelExporter: a LabelDocument and its merge records to files: one
// multi-page vector PDF (exact stock page size, fonts embedded), or per page
// SVG or PNG at a dpi. Records stream from the MergeSource, so memory stays
// flat however many labels a job has. Sheets fill row by row.
#pragma once

#include "labeldocument.h"
#include "labelrenderer.h"
#include "mergesource.h"
#include "result.h"

#include <QImage>
#include <functional>

namespace dpp::label {

struct ExportReport
{
    qint64 labels = 0;
    qint64 pages = 0;
    QStringList files;
    QList<Error> warnings; // design warnings at the target dpi
};

class LabelExporter
{
public:
    // Called after each label with the count so far; return false to cancel.
    using Progress = std::function<bool(qint64 labelsDone)>;

    static Result<ExportReport> writePdf(const LabelDocument& doc, MergeSource& source,
                                         const QString& path, const Progress& progress = {});
    // One file per page: path "out.png" becomes out.png for a single page,
    // out-0001.png, out-0002.png … for more. `dpi` for PNG; thermal = 1-bit.
    static Result<ExportReport> writeImages(const LabelDocument& doc, MergeSource& source,
                                            const QString& path, int dpi, bool thermal,
                                            const Progress& progress = {});
    static Result<ExportReport> writeSvg(const LabelDocument& doc, MergeSource& source,
                                         const QString& path, const Progress& progress = {});

    // By the file suffix: .pdf, .svg, .png (at dpi), .zpl (at the calibration dpi).
    static Result<ExportReport> write(const LabelDocument& doc, MergeSource& source,
                                      const QString& path, int dpi, const Progress& progress = {});
    // All labels as one ZPL stream (^XA…^XZ per label).
    static Result<ExportReport> writeZpl(const LabelDocument& doc, MergeSource& source,
                                         const QString& path, const Progress& progress = {});

    // One page (sheet or label) as an image: the building block of PNG output
    // and verified print.
    static Result<QImage> renderPage(LabelRenderer& renderer, const QList<MergeRecord>& records,
                                     int dpi, bool thermal);
    // Paints up to labelsPerPage records on a page in millimetre units.
    static Status paintPage(QPainter& painter, LabelRenderer& renderer,
                            const QList<MergeRecord>& records);

    static QString numberedPath(const QString& path, qint64 page, bool series);
};

} // namespace dpp::label
