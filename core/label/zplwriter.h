// ZplWriter: a merged label as ZPL II for Zebra-class thermal printers: one
// ^XA…^XZ per label with ^PW/^LL/^LH and the media settings of the printer
// calibration (^MN, ^MT, ~SD darkness, ^PR speed). QR/DataMatrix go native
// (^BQ/^BX, FNC1 escapes) or as ^GFA graphics; text as the printer's scalable
// font or rasterised; lines and boxes as ^GB; images and linear symbols as ^GFA.
#pragma once

#include "labeldocument.h"
#include "labelrenderer.h"
#include "mergerecord.h"
#include "result.h"

namespace dpp::label {

struct ZplSettings
{
    bool nativeSymbols = true; // false: our own matrix as ^GFA (what the PDF shows)
    bool printerFonts = false; // true: every text as ^A0; false: only texts marked printer_font
};

class ZplWriter
{
public:
    ZplWriter(const LabelDocument& doc, ZplSettings settings = {});
    Result<QByteArray> label(const MergeRecord& record);
    // A 1-bit image as "^GFA,…^FS" (dark = set bit).
    static QByteArray graphicField(const QImage& image);

private:
    Result<QByteArray> rasterElement(int index, const MergeRecord& record, const QPointF& originMm);
    LabelDocument m_doc;
    ZplSettings m_settings;
    LabelRenderer m_renderer;
};

} // namespace dpp::label
