#include "renderoptions.h"

namespace dpp::symbol {

namespace {
Error outOfRange(const char* param, const QString& message)
{
    return Error{QString::fromLatin1(param), message, QStringLiteral("out_of_range")};
}
} // namespace

Status validateRenderOptions(const RenderOptions& options)
{
    // Bounds are generous; they only stop values no printer or screen can use.
    if (!(options.moduleMm >= 0.05 && options.moduleMm <= 50.0))
        return outOfRange(
            "module_mm",
            QStringLiteral("module size must be 0.05 to 50 mm; got %1").arg(options.moduleMm));
    if (options.dpi < 72 || options.dpi > 4800)
        return outOfRange("dpi", QStringLiteral("dpi must be 72 to 4800; got %1").arg(options.dpi));
    if (options.pixelsPerModule < 0 || options.pixelsPerModule > 200)
        return outOfRange("scale", QStringLiteral("pixels per module must be 1 to 200; got %1")
                                       .arg(options.pixelsPerModule));
    if (options.quietZone < -1 || options.quietZone > 100)
        return outOfRange(
            "quiet_zone",
            QStringLiteral("quiet zone must be 0 to 100 modules; got %1").arg(options.quietZone));
    if (!options.foreground.isValid())
        return Error{QStringLiteral("foreground"), QStringLiteral("foreground colour is not valid"),
                     QStringLiteral("invalid_colour")};
    if (!options.background.isValid())
        return Error{QStringLiteral("background"), QStringLiteral("background colour is not valid"),
                     QStringLiteral("invalid_colour")};
    if (options.humanReadable && !(options.textHeightMm >= 0.5 && options.textHeightMm <= 50.0))
        return outOfRange(
            "text_height_mm",
            QStringLiteral("text height must be 0.5 to 50 mm; got %1").arg(options.textHeightMm));
    return Ok{};
}

} // namespace dpp::symbol
