#include "stockcheck.h"

namespace dpp::label {

QList<Error> StockCheck::check(const LabelDocument& doc, PrintTarget::Kind target,
                               const QSizeF& largestPageMm)
{
    QList<Error> out;
    const bool zpl = target == PrintTarget::Kind::ZplHost || target == PrintTarget::Kind::ZplQueue;
    if (zpl && doc.stock.isSheet())
        out.append(Error{QStringLiteral("stock"),
                         QStringLiteral("%1 is a sheet for office printers; a ZPL printer needs "
                                        "roll stock")
                             .arg(doc.stock.name),
                         QStringLiteral("stock_mismatch")});
    if (target == PrintTarget::Kind::Cups && !largestPageMm.isEmpty()) {
        const double w = doc.stock.isSheet() ? doc.stock.pageWidth.toMm() : doc.labelWidthMm();
        const double h = doc.stock.isSheet() ? doc.stock.pageHeight.toMm() : doc.labelHeightMm();
        // Either orientation; 0.5 mm slack for drivers that round page sizes.
        const bool fits = (w <= largestPageMm.width() + 0.5 && h <= largestPageMm.height() + 0.5) ||
                          (h <= largestPageMm.width() + 0.5 && w <= largestPageMm.height() + 0.5);
        if (!fits)
            out.append(Error{QStringLiteral("stock"),
                             QStringLiteral("the page (%1 × %2 mm) is larger than the printer's "
                                            "largest page (%3 × %4 mm)")
                                 .arg(w, 0, 'g', 4)
                                 .arg(h, 0, 'g', 4)
                                 .arg(largestPageMm.width(), 0, 'g', 4)
                                 .arg(largestPageMm.height(), 0, 'g', 4),
                             QStringLiteral("stock_mismatch")});
    }
    if (zpl && doc.calibration.dpi != 203 && doc.calibration.dpi != 300 &&
        doc.calibration.dpi != 600)
        out.append(Error{QStringLiteral("calibration.dpi"),
                         QStringLiteral("%1 dpi is not a thermal printer resolution (203, 300 "
                                        "or 600)")
                             .arg(doc.calibration.dpi),
                         QStringLiteral("invalid")});
    return out;
}

} // namespace dpp::label
