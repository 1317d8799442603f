// LabelDocument: a label design as saved in a .dpplabel file (versioned
// JSON): the stock it is printed on, its elements, where merge records come
// from, and printer calibration, which is kept apart from the design.
#pragma once

#include "labelelement.h"
#include "labelstock.h"
#include "mergesource.h"
#include "printercalibration.h"
#include "result.h"

#include <QList>

namespace dpp::label {

class StockLibrary;

class LabelDocument
{
public:
    static constexpr int kVersion = 1;

    QString name;
    LabelStock stock;
    // Continuous rolls: the label length this design uses (0 = the stock's height).
    Distance continuousLength;
    QList<LabelElement> elements;
    MergeSpec merge;
    PrinterCalibration calibration;

    // The label's own size (width × height in mm) after continuous length.
    double labelWidthMm() const { return stock.labelWidth.toMm(); }
    double labelHeightMm() const;
    // Elements sorted by z (stable: equal z keeps file order).
    QList<LabelElement> paintOrder() const;

    // `stock` may be an id from `library` or an inline stock object. Errors
    // name the JSON path ("$.elements[3].x"); files newer than kVersion are refused.
    static Result<LabelDocument> fromJson(const QByteArray& json, const StockLibrary& library);
    static Result<LabelDocument> load(const QString& file, const StockLibrary& library);
    QByteArray toJson() const;
    Status save(const QString& file) const;

    // Design-time check: every merge field in every element is one the merge
    // source supplies (or, with no source known, a valid field name). Each
    // problem names the element's JSON path.
    QList<Error> checkMergeFields(const QStringList& suppliedFields = {}) const;

    // Relative paths (images, CSV) resolve against the document's folder.
    QString baseDir;
};

} // namespace dpp::label
