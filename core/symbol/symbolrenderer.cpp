#include "symbolrenderer.h"

#include "pdfwriter.h"
#include "rasterwriter.h"
#include "svgwriter.h"

namespace dpp::symbol {

std::optional<OutputFormat> outputFormatFromName(QStringView name)
{
    if (name.compare(u"svg", Qt::CaseInsensitive) == 0)
        return OutputFormat::Svg;
    if (name.compare(u"png", Qt::CaseInsensitive) == 0)
        return OutputFormat::Png;
    if (name.compare(u"pdf", Qt::CaseInsensitive) == 0)
        return OutputFormat::Pdf;
    if (name.compare(u"zpl", Qt::CaseInsensitive) == 0)
        return OutputFormat::Zpl;
    return std::nullopt;
}

Result<SymbolMatrix> SymbolRenderer::encode(Symbology symbology, const SymbolContent& content,
                                            const QrOptions& qr,
                                            const DataMatrixOptions& dataMatrix)
{
    return symbology == Symbology::Qr ? QrEncoder(qr).encode(content)
                                      : DataMatrixEncoder(dataMatrix).encode(content);
}

Result<SymbolOutput> SymbolRenderer::render(const SymbolRequest& request)
{
    if (auto ok = validateRenderOptions(request.render); !ok)
        return ok.error();
    auto matrix = encode(request.symbology, request.content, request.qr, request.dataMatrix);
    if (!matrix.ok())
        return matrix.error();
    SymbolOutput out;
    out.matrix = std::move(matrix).value();
    out.matrix.setQuietZone(request.render.quietZone);
    out.moduleMm = request.render.moduleMm;
    const QString& text = request.content.humanReadable;
    switch (request.format) {
    case OutputFormat::Svg:
        out.bytes = SvgWriter::write(out.matrix, request.render, text);
        break;
    case OutputFormat::Png: {
        RasterImage info;
        auto png = RasterWriter::png(out.matrix, request.render, text, &info);
        if (!png.ok())
            return png.error();
        out.bytes = std::move(png).value();
        out.moduleMm = info.moduleMm;
        out.dotsPerModule = info.dotsPerModule;
        break;
    }
    case OutputFormat::Pdf: {
        auto pdf = PdfWriter::write(out.matrix, request.render, text);
        if (!pdf.ok())
            return pdf.error();
        out.bytes = std::move(pdf).value();
        break;
    }
    case OutputFormat::Zpl: {
        ZplOptions zpl = request.zpl;
        zpl.qrEcLevel = request.qr.ecLevel;
        auto job = SymbolZplWriter::write(out.matrix, request.content, request.render, zpl);
        if (!job.ok())
            return job.error();
        out.bytes = job->zpl;
        out.moduleMm = job->moduleMm;
        out.dotsPerModule = job->dotsPerModule;
        out.note = job->note;
        break;
    }
    }
    return out;
}

} // namespace dpp::symbol
