#include "arrange.h"

#include <algorithm>
#include <numeric>

namespace dpp::ui::arrange {

QList<QRectF> align(const QList<QRectF>& rects, Align how, const QSizeF& labelMm)
{
    if (rects.isEmpty())
        return rects;
    QRectF bounds = rects.size() == 1 ? QRectF(QPointF(0, 0), labelMm) : rects.first();
    if (rects.size() > 1) {
        for (const QRectF& r : rects)
            bounds = bounds.united(r);
    }
    QList<QRectF> out;
    for (QRectF r : rects) {
        switch (how) {
        case Align::Left:
            r.moveLeft(bounds.left());
            break;
        case Align::HCenter:
            r.moveLeft(bounds.center().x() - r.width() / 2);
            break;
        case Align::Right:
            r.moveRight(bounds.right());
            break;
        case Align::Top:
            r.moveTop(bounds.top());
            break;
        case Align::VCenter:
            r.moveTop(bounds.center().y() - r.height() / 2);
            break;
        case Align::Bottom:
            r.moveBottom(bounds.bottom());
            break;
        }
        out.append(r);
    }
    return out;
}

QList<QRectF> distribute(const QList<QRectF>& rects, Distribute how)
{
    if (rects.size() < 3)
        return rects;
    const bool h = how == Distribute::Horizontal;
    QList<int> order(rects.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return h ? rects.at(a).left() < rects.at(b).left() : rects.at(a).top() < rects.at(b).top();
    });
    const QRectF& first = rects.at(order.first());
    const QRectF& last = rects.at(order.last());
    double total = 0;
    for (const QRectF& r : rects)
        total += h ? r.width() : r.height();
    const double span = h ? last.right() - first.left() : last.bottom() - first.top();
    const double gap = (span - total) / double(rects.size() - 1);
    QList<QRectF> out = rects;
    double at = h ? first.left() : first.top();
    for (int i : order) {
        QRectF r = rects.at(i);
        if (h)
            r.moveLeft(at);
        else
            r.moveTop(at);
        at += (h ? r.width() : r.height()) + gap;
        out[i] = r;
    }
    return out;
}

} // namespace dpp::ui::arrange
