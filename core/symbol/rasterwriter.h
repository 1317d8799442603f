// RasterWriter: a symbol as a bitmap (QImage / PNG) for screens, office
// printers and thermal printers. At a dpi the module is snapped to a whole
// number of device dots, because fractional modules print uneven and grade
// badly; the snapped size is reported so users see what they really get.
#pragma once

#include "renderoptions.h"
#include "result.h"
#include "symbolmatrix.h"

#include <QImage>

namespace dpp::symbol {

struct RasterImage
{
    QImage image;
    int dotsPerModule = 0; // pixels per module actually used
    double moduleMm = 0;   // snapped module size at the image's dpi
    int dpi = 0;           // stored in the PNG (pHYs)
    double requestedModuleMm = 0;
};

class RasterWriter
{
public:
    // Dots per module for a module size at a dpi: rounded, at least 1.
    static int dotsPerModule(double moduleMm, int dpi);

    // Renders without antialiasing. With options.pixelsPerModule > 0 that scale
    // is used; otherwise moduleMm is snapped to whole dots at options.dpi.
    static Result<RasterImage> render(const SymbolMatrix& matrix, const RenderOptions& options = {},
                                      const QString& contentText = QString());
    // PNG bytes of render().
    static Result<QByteArray> png(const SymbolMatrix& matrix, const RenderOptions& options = {},
                                  const QString& contentText = QString(),
                                  RasterImage* info = nullptr);
};

} // namespace dpp::symbol
