// PdfPreview: the first page of a PDF as an image, for document thumbnails in
// the desktop app and anywhere else a preview is wanted. Rendering uses
// Poppler, which dppcore links already; callers never touch Poppler types.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QImage>

namespace dpp::exporting {

class PdfPreview
{
public:
    // Page 1 scaled to fit `maxSize` (aspect kept). Errors (param "file"): not
    // a PDF, encrypted, no pages.
    static Result<QImage> firstPage(const QByteArray& pdf, const QSize& maxSize);
};

} // namespace dpp::exporting
