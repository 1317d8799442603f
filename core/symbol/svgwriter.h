// SvgWriter: a symbol as a standalone SVG document at its physical size (mm).
// The modules are one <path> of traced outlines in module units (no per-module
// <rect>), so files stay small and viewers show no seams.
#pragma once

#include "renderoptions.h"
#include "symbolmatrix.h"

#include <QByteArray>

namespace dpp::symbol {

class SvgWriter
{
public:
    // `contentText` is the human-readable line used when options ask for one
    // without giving the text. Options must have passed validateRenderOptions().
    static QByteArray write(const SymbolMatrix& matrix, const RenderOptions& options = {},
                            const QString& contentText = QString());
};

} // namespace dpp::symbol
