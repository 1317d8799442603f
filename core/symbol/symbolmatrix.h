// SymbolMatrix: the module grid an encoder produced plus the quiet zone the
// symbology needs. Every output (path, SVG, PNG, PDF, ZPL) draws from this one
// type, so encoders never do image work.
#pragma once

#include "symbology.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace dpp::symbol {

class SymbolMatrix
{
public:
    SymbolMatrix() = default;
    // An all-light grid of width × height modules with the symbology's minimum quiet zone.
    SymbolMatrix(Symbology symbology, int width, int height);

    // Quiet zone (modules on each side) a symbology needs at least: QR 4, DataMatrix 1.
    static int minimumQuietZone(Symbology symbology);

    bool isNull() const { return m_width == 0 || m_height == 0; }
    Symbology symbology() const { return m_symbology; }
    int width() const { return m_width; }   // modules, without the quiet zone
    int height() const { return m_height; } // modules, without the quiet zone
    int quietZone() const { return m_quietZone; }
    int totalWidth() const { return m_width + 2 * m_quietZone; }
    int totalHeight() const { return m_height + 2 * m_quietZone; }

    // Sets the quiet zone; never below the symbology's minimum (values below are raised).
    void setQuietZone(int modules);

    // Out-of-range coordinates read as light, so outline tracing needs no bounds checks.
    bool isDark(int x, int y) const
    {
        return x >= 0 && y >= 0 && x < m_width && y < m_height && m_cells[size_t(y * m_width + x)];
    }
    void setDark(int x, int y, bool dark = true) { m_cells[size_t(y * m_width + x)] = dark; }

    // QR version (1–40) or 0; DataMatrix size is width × height.
    int version() const { return m_version; }
    void setVersion(int version) { m_version = version; }

    // "#" / "." rows, for test failure messages.
    QString toText() const;

    bool operator==(const SymbolMatrix& other) const = default;

private:
    Symbology m_symbology = Symbology::Qr;
    int m_width = 0;
    int m_height = 0;
    int m_quietZone = 0;
    int m_version = 0;
    std::vector<uint8_t> m_cells;
};

} // namespace dpp::symbol
