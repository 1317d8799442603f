#include "pdfpreview.h"

#include <memory>
#include <poppler-qt6.h>

namespace dpp::exporting {

Result<QImage> PdfPreview::firstPage(const QByteArray& pdf, const QSize& maxSize)
{
    if (!pdf.startsWith("%PDF-"))
        return Error{QStringLiteral("file"), QStringLiteral("is not a PDF (no %PDF- header)"),
                     QStringLiteral("not_pdf")};
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc)
        return Error{QStringLiteral("file"), QStringLiteral("cannot be read as a PDF"),
                     QStringLiteral("not_pdf")};
    if (doc->isLocked())
        return Error{QStringLiteral("file"), QStringLiteral("is encrypted; no preview"),
                     QStringLiteral("encrypted")};
    if (doc->numPages() < 1)
        return Error{QStringLiteral("file"), QStringLiteral("has no pages"),
                     QStringLiteral("empty")};
    std::unique_ptr<Poppler::Page> page(doc->page(0));
    if (!page)
        return Error{QStringLiteral("file"), QStringLiteral("page 1 cannot be read"),
                     QStringLiteral("not_pdf")};
    const QSizeF points = page->pageSizeF();
    if (points.isEmpty())
        return Error{QStringLiteral("file"), QStringLiteral("page 1 has no size"),
                     QStringLiteral("not_pdf")};
    // Resolution that makes the page fit the box: 72 points per inch.
    const double scale =
        std::min(maxSize.width() / points.width(), maxSize.height() / points.height());
    doc->setRenderHint(Poppler::Document::Antialiasing);
    doc->setRenderHint(Poppler::Document::TextAntialiasing);
    QImage image = page->renderToImage(72.0 * scale, 72.0 * scale);
    if (image.isNull())
        return Error{QStringLiteral("file"), QStringLiteral("page 1 could not be rendered"),
                     QStringLiteral("render_failed")};
    return image;
}

} // namespace dpp::exporting
