#include "symbolpath.h"

#include <QPainter>
#include <vector>

namespace dpp::symbol {

namespace {

// Directions of boundary edges leaving a grid vertex.
enum Dir : uint8_t { kRight = 1, kDown = 2, kLeft = 4, kUp = 8 };

Dir turnRight(Dir d)
{
    switch (d) {
    case kRight:
        return kDown;
    case kDown:
        return kLeft;
    case kLeft:
        return kUp;
    case kUp:
        return kRight;
    }
    return kRight;
}

Dir turnLeft(Dir d)
{
    return turnRight(turnRight(turnRight(d)));
}

} // namespace

QList<QPolygon> SymbolPath::outlines(const SymbolMatrix& matrix)
{
    const int w = matrix.width();
    const int h = matrix.height();
    const int stride = w + 1;
    // Each dark module contributes the edges it shares with a light neighbour,
    // directed so the dark side is on the right (y down). Where two dark
    // modules touch only at a corner a vertex has two outgoing edges.
    std::vector<uint8_t> out(size_t(stride) * size_t(h + 1), 0);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (!matrix.isDark(x, y))
                continue;
            if (!matrix.isDark(x, y - 1))
                out[size_t(y * stride + x)] |= kRight;
            if (!matrix.isDark(x + 1, y))
                out[size_t(y * stride + x + 1)] |= kDown;
            if (!matrix.isDark(x, y + 1))
                out[size_t((y + 1) * stride + x + 1)] |= kLeft;
            if (!matrix.isDark(x - 1, y))
                out[size_t((y + 1) * stride + x)] |= kUp;
        }
    }
    QList<QPolygon> result;
    for (int start = 0; start < int(out.size()); ++start) {
        while (out[size_t(start)]) {
            QPolygon polygon;
            int x = start % stride;
            int y = start / stride;
            Dir previous = kUp; // outer outlines start at a top-left corner, entered going up
            Dir first = kRight;
            bool firstStep = true;
            do {
                const uint8_t bits = out[size_t(y * stride + x)];
                // Any split into closed loops fills the same under the winding
                // rule; turning right first keeps corner-touching modules apart.
                Dir d;
                if (bits & turnRight(previous))
                    d = turnRight(previous);
                else if (bits & previous)
                    d = previous;
                else if (bits & turnLeft(previous))
                    d = turnLeft(previous);
                else
                    d = Dir(bits & -bits); // lowest set bit
                if (firstStep) {
                    first = d;
                    firstStep = false;
                    polygon << QPoint(x, y);
                } else if (d != previous) {
                    polygon << QPoint(x, y);
                }
                out[size_t(y * stride + x)] &= uint8_t(~d);
                switch (d) {
                case kRight:
                    ++x;
                    break;
                case kDown:
                    ++y;
                    break;
                case kLeft:
                    --x;
                    break;
                case kUp:
                    --y;
                    break;
                }
                previous = d;
            } while (y * stride + x != start);
            // The start vertex is not a corner when the loop arrives straight through it.
            if (previous == first && polygon.size() > 1)
                polygon.removeFirst();
            result << polygon;
        }
    }
    return result;
}

QPainterPath SymbolPath::painterPath(const SymbolMatrix& matrix, qreal moduleSize, QPointF origin)
{
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (const QPolygon& polygon : outlines(matrix)) {
        path.moveTo(origin + QPointF(polygon.first()) * moduleSize);
        for (qsizetype i = 1; i < polygon.size(); ++i)
            path.lineTo(origin + QPointF(polygon.at(i)) * moduleSize);
        path.closeSubpath();
    }
    return path;
}

void SymbolPath::paint(QPainter* painter, const SymbolMatrix& matrix, qreal moduleSize,
                       QPointF topLeft, const QColor& foreground, const QColor& background)
{
    const qreal quiet = matrix.quietZone() * moduleSize;
    if (background.alpha() > 0)
        painter->fillRect(QRectF(topLeft, QSizeF(matrix.totalWidth() * moduleSize,
                                                 matrix.totalHeight() * moduleSize)),
                          background);
    painter->fillPath(painterPath(matrix, moduleSize, topLeft + QPointF(quiet, quiet)), foreground);
}

} // namespace dpp::symbol
