// Helpers for the label suites: the example labels, and decoding every 2D
// symbol of a rendered page by cropping where the renderer placed it.
#pragma once

#include "symboldecode.h"
#include "testsupport.h"

#include <label/labeldocument.h>
#include <label/labelrenderer.h>
#include <label/stocklibrary.h>

namespace dpp::test {

inline QString exampleLabel(const QString& name)
{
    return sourceDir() + QStringLiteral("/resources/labels/") + name;
}

inline label::LabelDocument loadExample(const QString& name)
{
    auto lib = label::StockLibrary::loadFiles(
        {QStringLiteral(":/stock/sheets.json"), QStringLiteral(":/stock/rolls.json")});
    if (!lib)
        qFatal("stock: %s", qPrintable(lib.error().message));
    auto doc = label::LabelDocument::load(exampleLabel(name), lib.value());
    if (!doc)
        qFatal("%s: %s %s", qPrintable(name), qPrintable(doc.error().param),
               qPrintable(doc.error().message));
    return doc.value();
}

// Crops a symbol (quiet zone plus a little extra) out of a page image at dpi.
inline QImage cropMm(const QImage& page, const QRectF& mm, double dpi, double extraMm = 1.0)
{
    const QRectF r = mm.adjusted(-extraMm, -extraMm, extraMm, extraMm);
    const double s = dpi / 25.4;
    return page.copy(
        QRect(int(r.left() * s), int(r.top() * s), int(r.width() * s), int(r.height() * s)));
}

} // namespace dpp::test
