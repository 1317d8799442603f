// SymbolRenderer: one call from content to finished output (SVG, PNG, PDF or
// ZPL bytes) for a symbology. The CLI, the batch exporter and the GUI all go
// through it, so a symbol looks the same wherever it is made.
#pragma once

#include "datamatrixencoder.h"
#include "qrencoder.h"
#include "renderoptions.h"
#include "result.h"
#include "symbolcontent.h"
#include "symbolmatrix.h"
#include "symbolzplwriter.h"

#include <optional>

namespace dpp::symbol {

enum class OutputFormat { Svg, Png, Pdf, Zpl };

// "svg", "png", "pdf", "zpl" (case-insensitive).
std::optional<OutputFormat> outputFormatFromName(QStringView name);

struct SymbolRequest
{
    Symbology symbology = Symbology::Qr;
    SymbolContent content;
    OutputFormat format = OutputFormat::Svg;
    QrOptions qr;
    DataMatrixOptions dataMatrix;
    RenderOptions render;
    ZplOptions zpl;
};

struct SymbolOutput
{
    QByteArray bytes;
    SymbolMatrix matrix;
    double moduleMm = 0;   // as output: snapped to whole dots for PNG and ZPL
    int dotsPerModule = 0; // PNG and ZPL; 0 for vector outputs
    QString note;          // e.g. why ZPL fell back to a graphic
};

class SymbolRenderer
{
public:
    static Result<SymbolMatrix> encode(Symbology symbology, const SymbolContent& content,
                                       const QrOptions& qr = {},
                                       const DataMatrixOptions& dataMatrix = {});
    static Result<SymbolOutput> render(const SymbolRequest& request);
};

} // namespace dpp::symbol
