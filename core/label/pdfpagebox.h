// PdfPageBox: makes a QPdfWriter PDF's pages exactly the stock size.
// Qt 6.4 writes an integer-point MediaBox (a 50×30 mm label becomes
// 142×85 pt, 0.09 mm too wide), which misfeeds die-cut labels. Qt flips the
// content about the rounded height, so keeping the top edge and moving the
// lower-left corner gives the exact size with the drawing in place; the
// cross-reference table is then shifted by the bytes each edit added.
#pragma once

#include "result.h"

#include <QByteArray>

namespace dpp::label {

class PdfPageBox
{
public:
    // Rewrites every "/MediaBox [0 0 W H]" that Qt wrote for a page of
    // widthPt × heightPt; errors when the file is not the shape Qt writes.
    static Status fix(QByteArray& pdf, double widthPt, double heightPt);
    // Same, for a file on disk (rewritten through QSaveFile).
    static Status fixFile(const QString& path, double widthPt, double heightPt);
};

} // namespace dpp::label
