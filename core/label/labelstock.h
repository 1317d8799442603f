// LabelStock: the physical media a label is printed on: a sheet of rows ×
// columns (A4/Letter office labels) or a thermal roll (die-cut labels with a
// gap, or continuous media cut to a length the document sets).
#pragma once

#include "distance.h"
#include "result.h"

#include <QJsonObject>
#include <QRectF>
#include <QString>

namespace dpp::label {

class LabelStock
{
public:
    enum class Kind { Sheet, DieCut, Continuous };

    QString id; // "avery-l7160", "roll-100x150"
    QString name;
    QString vendor;
    Kind kind = Kind::DieCut;
    Distance labelWidth;
    Distance labelHeight; // continuous: the default length; the document may override
    // Sheets only: the page and the grid on it.
    Distance pageWidth;
    Distance pageHeight;
    int columns = 1;
    int rows = 1;
    Distance marginLeft;
    Distance marginTop;
    Distance pitchX; // left edge to left edge
    Distance pitchY;
    // Rolls only: gap between die-cut labels (for ^MN and the printer profile).
    Distance gap;
    Distance cornerRadius;

    bool isSheet() const { return kind == Kind::Sheet; }
    int labelsPerPage() const { return isSheet() ? columns * rows : 1; }
    // Page of one output page: the sheet, or one label for rolls.
    Distance outputPageWidth() const { return isSheet() ? pageWidth : labelWidth; }
    Distance outputPageHeight() const { return isSheet() ? pageHeight : labelHeight; }
    // Where label `index` (0-based, row-major) sits on its page, in mm.
    QRectF labelRectMm(int index) const;

    static QString kindName(Kind kind);
    // Validates sizes and that the grid fits on the page; errors name `path` + key.
    static Result<LabelStock> fromJson(const QJsonObject& object, const QString& path);
    QJsonObject toJson() const;
};

} // namespace dpp::label
