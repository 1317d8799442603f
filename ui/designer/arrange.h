// Align and distribute for the designer's Arrange menu: new element boxes
// from the selected ones, in millimetres. Aligning one element aligns it to
// the label; several align to the selection's bounding box.
#pragma once

#include <QList>
#include <QRectF>
#include <QSizeF>

namespace dpp::ui::arrange {

enum class Align { Left, HCenter, Right, Top, VCenter, Bottom };
enum class Distribute { Horizontal, Vertical };

QList<QRectF> align(const QList<QRectF>& rects, Align how, const QSizeF& labelMm);
// Equal gaps between the boxes, first and last stay put (needs 3 or more).
QList<QRectF> distribute(const QList<QRectF>& rects, Distribute how);

} // namespace dpp::ui::arrange
