// LabelRenderer: draws one merged record of a LabelDocument onto any
// QPainter (PDF, SVG, PNG, QPrinter). The painter's units are millimetres
// with the origin at the label's top-left corner; callers place labels on
// pages. At a device dpi (thermal or raster) symbol modules snap to whole
// dots, bars and lines are drawn without antialiasing and images go 1-bit.
#pragma once

#include "labeldocument.h"
#include "mergerecord.h"
#include "result.h"
#include "symbol/symbolcontent.h"
#include "symbol/symbolmatrix.h"

#include <QHash>
#include <QImage>
#include <memory>

class QPainter;

namespace dpp::label {

struct RenderSettings
{
    int dpi = 0;          // 0 = vector device: keep designed sizes
    bool thermal = false; // 1-bit images, no antialiasing anywhere
};

// A 2D symbol as placed on the label for one record: what verified print and
// tests check and what ZPL writes natively.
struct PlacedSymbol
{
    int element = -1; // index in LabelDocument::elements
    symbol::SymbolMatrix matrix;
    symbol::SymbolContent content;
    QByteArray expected; // what a scanner must read (GS1: GS separators)
    QRectF rectMm;       // outer edge of the quiet zone, label coordinates
    double moduleMm = 0; // as drawn (snapped at dpi)
};

class LabelRenderer
{
public:
    LabelRenderer(const LabelDocument& document, RenderSettings settings = {});
    ~LabelRenderer();

    // Resolves merge fields and encodes symbols for `record` without drawing.
    Result<QList<PlacedSymbol>> symbols(const MergeRecord& record) const;
    // Paints the label. Errors name the element path ("$.elements[2].content").
    Status paint(QPainter& painter, const MergeRecord& record);
    // Design warnings at the settings' dpi: module snapping > 10 %, modules
    // below the GS1 minimum X-dimension, symbols overflowing their box; on a thermal
    // device also colours that print as black or white (code "colour_mapped").
    QList<Error> designWarnings(const MergeRecord& sample) const;

    // Module size after snapping to whole dots at dpi (unchanged at dpi 0).
    static double snappedModuleMm(double moduleMm, int dpi);
    // GS1 General Specifications minimum X-dimension used for the warning:
    // QR 0.396 mm (GS1 Digital Link on retail packs), DataMatrix 0.255 mm.
    static double gs1MinimumModuleMm(symbol::Symbology symbology);

    const LabelDocument& document() const { return m_document; }

private:
    Result<PlacedSymbol> placeSymbol(int index, const MergeRecord& record) const;
    Status paintText(QPainter& p, const LabelElement& e, const QString& path,
                     const MergeRecord& record);
    Status paintImage(QPainter& p, const LabelElement& e, const QString& path);
    const QImage* cachedImage(const LabelElement& e, const QString& path, Error* error);
    void paintSymbolRuns(QPainter& p, const symbol::SymbolMatrix& matrix, double moduleMm,
                         QPointF topLeft);

    LabelDocument m_document;
    RenderSettings m_settings;
    QHash<QString, QImage> m_images;
    // Reused per symbol (no allocation per label): the rectangles, and which of
    // them end on the previous/current row.
    QList<QRectF> m_runs;
    QList<qsizetype> m_open, m_next;
};

} // namespace dpp::label
