// LabelZipWriter: many labels as one ZIP of SVG, PNG or ZPL files (one entry
// per page; for ZPL one per label) plus manifest.csv mapping each file to
// its record. Streams: one page is in memory at a time, entries go straight
// through QuaZip's deflater, and the archive appears under its name only
// when complete (written as NAME.part, then renamed).
#pragma once

#include "labelexporter.h"

namespace dpp::label {

class LabelZipWriter
{
public:
    enum class Format { Svg, Png, Zpl };
    // "svg", "png", "zpl"; errors name "format".
    static Result<Format> parseFormat(const QString& text);

    static Result<ExportReport> write(const LabelDocument& doc, MergeSource& source,
                                      const QString& zipPath, Format format, int dpi,
                                      const LabelExporter::Progress& progress = {});
};

} // namespace dpp::label
