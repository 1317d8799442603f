#include "snapper.h"

#include <cmath>
#include <optional>

namespace dpp::ui {

namespace {
// Best offset that moves one of `own` onto one of `targets` within threshold.
std::optional<double> bestOffset(const QList<double>& own, const QList<double>& targets,
                                 double threshold)
{
    std::optional<double> best;
    for (double o : own) {
        for (double t : targets) {
            const double d = t - o;
            if (std::abs(d) <= threshold && (!best || std::abs(d) < std::abs(*best)))
                best = d;
        }
    }
    return best;
}
} // namespace

QPointF Snapper::snap(const QRectF& moving, const QList<QRectF>& others) const
{
    double x = moving.left();
    double y = moving.top();
    // Element lines win over the grid: aligning to a neighbour is the intent.
    bool doneX = false, doneY = false;
    if (snapToElements && !others.isEmpty()) {
        QList<double> tx, ty;
        for (const QRectF& r : others) {
            tx << r.left() << r.center().x() << r.right();
            ty << r.top() << r.center().y() << r.bottom();
        }
        if (auto d =
                bestOffset({moving.left(), moving.center().x(), moving.right()}, tx, thresholdMm)) {
            x += *d;
            doneX = true;
        }
        if (auto d =
                bestOffset({moving.top(), moving.center().y(), moving.bottom()}, ty, thresholdMm)) {
            y += *d;
            doneY = true;
        }
    }
    if (snapToGrid && gridMm > 0) {
        if (!doneX)
            x = std::round(x / gridMm) * gridMm;
        if (!doneY)
            y = std::round(y / gridMm) * gridMm;
    }
    return {x, y};
}

} // namespace dpp::ui
