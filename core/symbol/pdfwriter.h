// PdfWriter: a symbol as a one-page vector PDF whose page is exactly the
// symbol's physical size. Written directly because QPdfWriter rounds the page
// to whole points (a 0.2 mm error on small symbols); the content is the traced
// outline as one filled path, so no seams appear at any zoom.
#pragma once

#include "renderoptions.h"
#include "result.h"
#include "symbolmatrix.h"

#include <QByteArray>

namespace dpp::symbol {

class PdfWriter
{
public:
    // Page = symbol + quiet zone (+ text line), at options.moduleMm per module.
    // The text uses the standard Courier font (no embedding needed); characters
    // outside Latin-1 print as '?'.
    static Result<QByteArray> write(const SymbolMatrix& matrix, const RenderOptions& options = {},
                                    const QString& contentText = QString());
};

} // namespace dpp::symbol
