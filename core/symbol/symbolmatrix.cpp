#include "symbolmatrix.h"

#include <algorithm>

namespace dpp::symbol {

SymbolMatrix::SymbolMatrix(Symbology symbology, int width, int height)
    : m_symbology(symbology), m_width(std::max(0, width)), m_height(std::max(0, height)),
      m_quietZone(minimumQuietZone(symbology)), m_cells(size_t(m_width) * size_t(m_height), 0)
{}

int SymbolMatrix::minimumQuietZone(Symbology symbology)
{
    // ISO/IEC 18004 asks for 4 modules around QR; ISO/IEC 16022 for 1 around DataMatrix.
    return symbology == Symbology::Qr ? 4 : 1;
}

void SymbolMatrix::setQuietZone(int modules)
{
    m_quietZone = std::max(modules, minimumQuietZone(m_symbology));
}

QString SymbolMatrix::toText() const
{
    QString text;
    text.reserve((m_width + 1) * m_height);
    for (int y = 0; y < m_height; ++y) {
        for (int x = 0; x < m_width; ++x)
            text += isDark(x, y) ? u'#' : u'.';
        text += u'\n';
    }
    return text;
}

} // namespace dpp::symbol
