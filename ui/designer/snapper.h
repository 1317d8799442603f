// Snapper: where a dragged element lands: on the grid, or on another
// element's left/centre/right (top/middle/bottom) line when one is close,
// the way gLabels and Inkscape users expect. Pure geometry in millimetres.
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

namespace dpp::ui {

class Snapper
{
public:
    bool snapToGrid = true;
    bool snapToElements = true;
    double gridMm = 1.0;
    double thresholdMm = 1.0; // how close an edge must be to catch

    // Top-left for `moving` (its proposed rectangle); `others` are the rest.
    QPointF snap(const QRectF& moving, const QList<QRectF>& others) const;
};

} // namespace dpp::ui
