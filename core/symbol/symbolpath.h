// SymbolPath: the dark modules of a SymbolMatrix as outlines, i.e. the exact
// union of the modules traced into closed rectilinear polygons. One filled path
// has no internal edges, so PDF viewers and printers show no hairline seams
// between modules, and SVG path data stays compact (corners only).
#pragma once

#include "symbolmatrix.h"

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QPoint>
#include <QPolygon>
#include <vector>

class QPainter;

namespace dpp::symbol {

class SymbolPath
{
public:
    // Closed outlines in module units, origin at the symbol's top-left corner
    // (quiet zone excluded), y down. Outer boundaries run clockwise and holes
    // counter-clockwise, so the non-zero (winding) fill rule gives the modules.
    static QList<QPolygon> outlines(const SymbolMatrix& matrix);

    // The same outlines, flat: corners of every loop in `points`, and in
    // `loopEnds` the index one past each loop's last corner. For hot paths
    // (batch SVG) that should not allocate per loop.
    static void trace(const SymbolMatrix& matrix, std::vector<QPoint>& points,
                      std::vector<int>& loopEnds);

    // The outlines scaled to `moduleSize` units and placed with the symbol's
    // top-left (inside the quiet zone) at `origin`; fill rule Qt::WindingFill.
    static QPainterPath painterPath(const SymbolMatrix& matrix, qreal moduleSize,
                                    QPointF origin = {});

    // Paints the quiet zone in `background` (unless transparent) and the
    // modules in `foreground`; `topLeft` is the outer corner of the quiet zone.
    static void paint(QPainter* painter, const SymbolMatrix& matrix, qreal moduleSize,
                      QPointF topLeft, const QColor& foreground = Qt::black,
                      const QColor& background = Qt::white);
};

} // namespace dpp::symbol
