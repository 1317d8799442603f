// LinearSymbol: EAN-13, UPC-A and GS1-128 through libzint's vector output,
// drawn as filled bars (and the human-readable digits) into a box. We never
// encode linear symbols ourselves: zint knows the check digits and guards.
#pragma once

#include "labelelement.h"
#include "result.h"

#include <QList>
#include <QRectF>

class QPainter;

namespace dpp::label {

class LinearSymbol
{
public:
    struct Text
    {
        QPointF centre; // baseline centre, in symbol units
        double height = 0;
        QString text;
    };
    QList<QRectF> bars; // symbol units
    QList<Text> texts;
    QSizeF size;        // symbol units incl. quiet zones
    double modules = 0; // units per module (for X-dimension reporting)

    // Errors name `param` (the element's content path).
    static Result<LinearSymbol> encode(LabelElement::LinearType type, const QString& data,
                                       bool humanReadable, const QString& param);
    // Scales the symbol to fill `box` (mm); bars drawn without antialiasing.
    void paint(QPainter& painter, const QRectF& box) const;
};

} // namespace dpp::label
