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

void SymbolPath::trace(const SymbolMatrix& matrix, std::vector<QPoint>& points,
                       std::vector<int>& loopEnds)
{
    points.clear();
    loopEnds.clear();
    const int w = matrix.width();
    const int h = matrix.height();
    const int stride = w + 1;
    // Each dark module contributes the edges it shares with a light neighbour,
    // directed so the dark side is on the right (y down). Where two dark
    // modules touch only at a corner a vertex has two outgoing edges.
    thread_local std::vector<uint8_t> out;
    out.assign(size_t(stride) * size_t(h + 1), 0);
    // A copy with a light border makes every neighbour test a plain load.
    const int pw = w + 2;
    thread_local std::vector<uint8_t> grid;
    grid.assign(size_t(pw) * size_t(h + 2), 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            grid[size_t((y + 1) * pw + x + 1)] = matrix.isDark(x, y);
    for (int y = 0; y < h; ++y) {
        const uint8_t* row = grid.data() + (y + 1) * pw + 1;
        for (int x = 0; x < w; ++x) {
            if (!row[x])
                continue;
            if (!row[x - pw])
                out[size_t(y * stride + x)] |= kRight;
            if (!row[x + 1])
                out[size_t(y * stride + x + 1)] |= kDown;
            if (!row[x + pw])
                out[size_t((y + 1) * stride + x + 1)] |= kLeft;
            if (!row[x - 1])
                out[size_t((y + 1) * stride + x)] |= kUp;
        }
    }
    for (int start = 0; start < int(out.size()); ++start) {
        while (out[size_t(start)]) {
            const size_t loopStart = points.size();
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
                    points.emplace_back(x, y);
                } else if (d != previous) {
                    points.emplace_back(x, y);
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
            if (previous == first && points.size() - loopStart > 1)
                points.erase(points.begin() + qsizetype(loopStart));
            loopEnds.push_back(int(points.size()));
        }
    }
}

QList<QPolygon> SymbolPath::outlines(const SymbolMatrix& matrix)
{
    std::vector<QPoint> points;
    std::vector<int> ends;
    trace(matrix, points, ends);
    QList<QPolygon> result;
    result.reserve(qsizetype(ends.size()));
    int begin = 0;
    for (int end : ends) {
        result.append(QPolygon(QList<QPoint>(points.begin() + begin, points.begin() + end)));
        begin = end;
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
