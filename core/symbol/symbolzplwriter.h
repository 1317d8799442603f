// SymbolZplWriter: a symbol as ZPL II for Zebra-class thermal printers, either
// native (^BQ / ^BX: the printer encodes, tiny jobs) or as a ^GFA graphic of
// our own matrix (exactly what the other outputs show). Modules are whole dots.
#pragma once

#include "qrencoder.h"
#include "renderoptions.h"
#include "result.h"
#include "symbolcontent.h"
#include "symbolmatrix.h"

#include <QByteArray>
#include <QPoint>

namespace dpp::symbol {

enum class ZplMode { Native, Graphic };

struct ZplOptions
{
    ZplMode mode = ZplMode::Native;
    QPoint originDots;      // top-left of the quiet zone on the label, in dots
    bool wholeLabel = true; // wrap in ^XA…^XZ with ^PW/^LL; false = fields only (for labels)
    QrEcLevel qrEcLevel = QrEcLevel::M; // native ^BQ only; the graphic uses the matrix as encoded
};

struct ZplOutput
{
    QByteArray zpl;
    ZplMode mode = ZplMode::Native; // what was written (native can fall back to graphic)
    QString note;                   // why native fell back, for the user
    int dotsPerModule = 0;
    double moduleMm = 0; // snapped at options.dpi
};

class SymbolZplWriter
{
public:
    // Native QR falls back to a graphic for GS1 QR (ZPL's ^BQ cannot write
    // FNC1 separators reliably) and above 10 dots per module (^BQ's limit).
    static Result<ZplOutput> write(const SymbolMatrix& matrix, const SymbolContent& content,
                                   const RenderOptions& render = {}, const ZplOptions& zpl = {});
};

} // namespace dpp::symbol
