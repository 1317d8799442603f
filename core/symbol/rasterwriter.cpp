#include "rasterwriter.h"

#include "symbollayout.h"

#include <QBuffer>
#include <QFont>
#include <QImageWriter>
#include <QPainter>
#include <cmath>
#include <cstring>

namespace dpp::symbol {

int RasterWriter::dotsPerModule(double moduleMm, int dpi)
{
    return std::max(1, int(std::lround(moduleMm * dpi / 25.4)));
}

Result<RasterImage> RasterWriter::render(const SymbolMatrix& matrix, const RenderOptions& options,
                                         const QString& contentText)
{
    if (auto ok = validateRenderOptions(options); !ok)
        return ok.error();
    if (matrix.isNull())
        return Error{QStringLiteral("data"), QStringLiteral("empty symbol"),
                     QStringLiteral("empty")};
    RasterImage r;
    r.dpi = options.dpi;
    r.requestedModuleMm = options.moduleMm;
    r.dotsPerModule = options.pixelsPerModule > 0 ? options.pixelsPerModule
                                                  : dotsPerModule(options.moduleMm, options.dpi);
    r.moduleMm = r.dotsPerModule * 25.4 / options.dpi;
    const SymbolLayout layout = SymbolLayout::compute(matrix, options, r.moduleMm, contentText);
    const int dots = r.dotsPerModule;
    const double dotsPerMm = dots / r.moduleMm;
    const int width = int(std::lround(layout.pageWidthMm * dotsPerMm));
    const int height = int(std::lround(layout.pageHeightMm * dotsPerMm));

    // Two-colour palette: the PNG is small and the pixels are exactly the modules.
    QImage image(width, height, QImage::Format_Indexed8);
    image.setColorTable({options.background.rgba(), options.foreground.rgba()});
    image.fill(0);
    const int q = layout.quietZone * dots;
    for (int y = 0; y < matrix.height(); ++y) {
        uchar* row = image.scanLine(q + y * dots) + q;
        for (int x = 0; x < matrix.width(); ++x)
            if (matrix.isDark(x, y))
                std::memset(row + x * dots, 1, size_t(dots));
        for (int copy = 1; copy < dots; ++copy)
            std::memcpy(image.scanLine(q + y * dots + copy) + q, row,
                        size_t(matrix.width() * dots));
    }
    if (!layout.text.isEmpty()) {
        image = image.convertToFormat(QImage::Format_ARGB32);
        QPainter painter(&image);
        QFont font(QStringLiteral("DejaVu Sans Mono"));
        font.setStyleHint(QFont::Monospace);
        font.setPixelSize(std::max(1, int(std::lround(layout.fontMm * dotsPerMm))));
        painter.setFont(font);
        painter.setPen(options.foreground);
        const QRectF band(0, layout.symbolHeightMm * dotsPerMm, width,
                          height - layout.symbolHeightMm * dotsPerMm);
        painter.drawText(band, Qt::AlignHCenter | Qt::AlignTop, layout.text);
    }
    const int dotsPerMeter = int(std::lround(options.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    r.image = std::move(image);
    return r;
}

Result<QByteArray> RasterWriter::png(const SymbolMatrix& matrix, const RenderOptions& options,
                                     const QString& contentText, RasterImage* info)
{
    auto raster = render(matrix, options, contentText);
    if (!raster.ok())
        return raster.error();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    // Qt maps PNG quality q to zlib level (100 - q) * 9 / 91: 80 gives level 1.
    // Two-colour symbols compress well at that effort, and it is fast.
    writer.setQuality(80);
    if (!writer.write(raster->image))
        return Error{QString(), QStringLiteral("PNG encoding failed: %1").arg(writer.errorString()),
                     QStringLiteral("encode_failed")};
    if (info)
        *info = std::move(raster).value();
    return bytes;
}

} // namespace dpp::symbol
