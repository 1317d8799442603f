// RenderOptions: how a SymbolMatrix becomes a picture: physical module size,
// device resolution, quiet zone, colours and the optional human-readable line.
// One struct for SVG, PNG, PDF and ZPL so every output of a symbol agrees.
#pragma once

#include "result.h"

#include <QColor>
#include <QString>

namespace dpp::symbol {

struct RenderOptions
{
    // X-dimension. 0.5 mm sits inside the GS1 ranges for both QR and DataMatrix on packs.
    double moduleMm = 0.5;
    // Device resolution for PNG and ZPL; the module is snapped to whole dots at it.
    int dpi = 300;
    // PNG only: a fixed number of pixels per module instead of dpi + moduleMm.
    int pixelsPerModule = 0;
    // Modules of quiet zone on each side; -1 = the symbology minimum. Never below the minimum.
    int quietZone = -1;
    QColor foreground = Qt::black;
    QColor background = Qt::white; // alpha 0 = transparent (SVG, PNG, PDF)
    // Human-readable interpretation under the symbol (GS1: the bracketed element string).
    bool humanReadable = false;
    QString humanReadableText; // empty = the content's own text
    double textHeightMm = 2.5; // cap for the text height; shrunk to the symbol width
};

// Checks ranges and colours; errors name the option ("module_mm", "dpi", …).
Status validateRenderOptions(const RenderOptions& options);

} // namespace dpp::symbol
