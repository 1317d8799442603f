#include "symbollayout.h"

#include <algorithm>

namespace dpp::symbol {

SymbolLayout SymbolLayout::compute(const SymbolMatrix& matrix, const RenderOptions& options,
                                   double moduleMm, const QString& contentText)
{
    SymbolLayout l;
    l.moduleMm = moduleMm;
    l.quietZone = std::max(options.quietZone, SymbolMatrix::minimumQuietZone(matrix.symbology()));
    l.quietZone = std::max(l.quietZone, matrix.quietZone());
    l.symbolWidthMm = (matrix.width() + 2 * l.quietZone) * moduleMm;
    l.symbolHeightMm = (matrix.height() + 2 * l.quietZone) * moduleMm;
    l.pageWidthMm = l.symbolWidthMm;
    l.pageHeightMm = l.symbolHeightMm;
    if (options.humanReadable) {
        l.text = options.humanReadableText.isEmpty() ? contentText : options.humanReadableText;
        if (!l.text.isEmpty()) {
            // The line never runs wider than the symbol: long element strings and
            // URIs get a smaller font rather than a wider label.
            const double fit = l.symbolWidthMm / (kAdvance * double(l.text.size()));
            l.fontMm = std::min(options.textHeightMm, fit);
            l.textBaselineMm = l.symbolHeightMm + l.fontMm * 0.9;
            l.pageHeightMm = l.symbolHeightMm + l.fontMm * 1.2;
        }
    }
    return l;
}

} // namespace dpp::symbol
