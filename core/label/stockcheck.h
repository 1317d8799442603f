// StockCheck: does a label's stock suit the chosen printer? Sheets belong on
// page printers and rolls on thermal ones; a page printer's largest page must
// hold the sheet (or the roll label); the design's dpi should match a
// thermal printer's. What the print dialog and `dppctl print` warn about.
#pragma once

#include "labeldocument.h"
#include "printjob.h"
#include "result.h"

#include <QSizeF>

namespace dpp::label {

class StockCheck
{
public:
    // `largestPageMm`: the printer's biggest supported page (empty = unknown).
    // Returns warnings; none means the stock fits.
    static QList<Error> check(const LabelDocument& doc, PrintTarget::Kind target,
                              const QSizeF& largestPageMm = {});
};

} // namespace dpp::label
