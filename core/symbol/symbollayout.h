// SymbolLayout: where the symbol, its quiet zone and the human-readable line
// sit on the output, in millimetres. SVG, PNG, PDF and ZPL all place things
// from this one computation, so their outputs match.
#pragma once

#include "renderoptions.h"
#include "symbolmatrix.h"

#include <QString>

namespace dpp::symbol {

struct SymbolLayout
{
    double moduleMm = 0;       // as rendered (snapped to dots for raster outputs)
    int quietZone = 0;         // modules, ≥ the symbology minimum
    double symbolWidthMm = 0;  // symbol + quiet zone
    double symbolHeightMm = 0; // symbol + quiet zone
    QString text;              // human-readable line; empty = none
    double fontMm = 0;         // text em size
    double textBaselineMm = 0;
    double pageWidthMm = 0;
    double pageHeightMm = 0;

    // Monospace advance as a fraction of the em, used to size the text line
    // (Courier in PDF, monospace in SVG and PNG).
    static constexpr double kAdvance = 0.6;

    // `contentText` is used when options ask for text but give none.
    static SymbolLayout compute(const SymbolMatrix& matrix, const RenderOptions& options,
                                double moduleMm, const QString& contentText);
};

} // namespace dpp::symbol
