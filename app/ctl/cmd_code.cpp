// dppctl code: one QR or DataMatrix symbol as SVG, PNG, PDF or ZPL, to a file
// or stdout. Content is a Digital Link URI, an element string, or a GTIN with
// lot/serial/expiry that core turns into a Digital Link.
#include "cliargs.h"
#include "commands.h"

#include <QFile>
#include <cmath>
#include <cstdio>
#include <symbol/symbolrenderer.h>

namespace dpp::ctl {

int runCode(const QStringList& argv)
{
    const auto args = CliArgs::parse(
        argv,
        symbolValuedOptions() + QStringList{QStringLiteral("symbology"), QStringLiteral("format"),
                                            QStringLiteral("uri"), QStringLiteral("element-string"),
                                            QStringLiteral("gtin"), QStringLiteral("lot"),
                                            QStringLiteral("serial"), QStringLiteral("expiry"),
                                            QStringLiteral("base"), QStringLiteral("out"),
                                            QStringLiteral("zpl")},
        symbolFlagOptions());
    if (!args.ok())
        return usageError("code", args.error().message);
    const CliArgs& a = args.value();

    const int sources = int(a.has(QStringLiteral("uri"))) +
                        int(a.has(QStringLiteral("element-string"))) +
                        int(a.has(QStringLiteral("gtin")));
    if (sources != 1)
        return usageError("code",
                          QStringLiteral("give exactly one of --uri, --element-string, --gtin"));
    if (!a.has(QStringLiteral("gtin"))) {
        for (const char* keyOnly : {"lot", "serial", "expiry", "base"})
            if (a.has(QString::fromLatin1(keyOnly)))
                return usageError(
                    "code", QStringLiteral("--%1 goes with --gtin").arg(QLatin1String(keyOnly)));
    }

    symbol::SymbolRequest request;
    const QString symbologyName = a.value(QStringLiteral("symbology"), QStringLiteral("qr"));
    const auto symbology = symbol::symbologyFromName(symbologyName);
    if (!symbology)
        return invalidInput(
            "code", Error{QStringLiteral("symbology"),
                          QStringLiteral("must be qr or datamatrix; got '%1'").arg(symbologyName),
                          QStringLiteral("invalid")});
    request.symbology = *symbology;
    const QString formatName = a.value(QStringLiteral("format"), QStringLiteral("svg"));
    const auto format = symbol::outputFormatFromName(formatName);
    if (!format)
        return invalidInput(
            "code", Error{QStringLiteral("format"),
                          QStringLiteral("must be svg, png, pdf or zpl; got '%1'").arg(formatName),
                          QStringLiteral("invalid")});
    request.format = *format;
    const QString zplMode = a.value(QStringLiteral("zpl"), QStringLiteral("native"));
    if (zplMode != u"native" && zplMode != u"graphic")
        return invalidInput(
            "code", Error{QStringLiteral("zpl"),
                          QStringLiteral("must be native or graphic; got '%1'").arg(zplMode),
                          QStringLiteral("invalid")});
    request.zpl.mode = zplMode == u"graphic" ? symbol::ZplMode::Graphic : symbol::ZplMode::Native;

    auto look = symbolLook(a);
    if (!look.ok())
        return invalidInput("code", look.error());
    request.render = look->render;
    request.qr = look->qr;
    request.dataMatrix = look->dataMatrix;
    if (request.format == symbol::OutputFormat::Zpl && !a.has(QStringLiteral("dpi")))
        request.render.dpi = 203; // the common thermal printer resolution

    Result<symbol::SymbolContent> content =
        a.has(QStringLiteral("uri"))
            ? symbol::SymbolContent::fromDigitalLink(a.value(QStringLiteral("uri")))
        : a.has(QStringLiteral("element-string"))
            ? symbol::SymbolContent::fromElementString(a.value(QStringLiteral("element-string")))
            : symbol::SymbolContent::fromProductKeys(
                  a.value(QStringLiteral("gtin")), a.value(QStringLiteral("lot")),
                  a.value(QStringLiteral("serial")), a.value(QStringLiteral("expiry")),
                  a.value(QStringLiteral("base")));
    if (!content.ok())
        return invalidInput("code", content.error());
    request.content = content.value();

    const auto output = symbol::SymbolRenderer::render(request);
    if (!output.ok())
        return invalidInput("code", output.error());
    if (!output->note.isEmpty())
        std::fprintf(stderr, "dppctl code: %s\n", qPrintable(output->note));

    const QString outPath = a.value(QStringLiteral("out"));
    if (outPath.isEmpty()) {
        std::fwrite(output->bytes.constData(), 1, size_t(output->bytes.size()), stdout);
        std::fflush(stdout);
        // The snapped module size matters to whoever prints the raster.
        if (output->dotsPerModule > 0)
            std::fprintf(stderr, "dppctl code: module %.4g mm (%d dots at %d dpi)\n",
                         output->moduleMm, output->dotsPerModule, request.render.dpi);
        return kExitOk;
    }
    QFile file(outPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(output->bytes) != output->bytes.size())
        return invalidInput(
            "code", Error{QStringLiteral("out"),
                          QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString()),
                          QStringLiteral("io_error")});
    file.close();
    const symbol::SymbolMatrix& m = output->matrix;
    printJson({
        {QStringLiteral("file"), outPath},
        {QStringLiteral("symbology"), symbol::symbologyName(m.symbology())},
        {QStringLiteral("format"), formatName.toLower()},
        {QStringLiteral("modules"), QStringLiteral("%1x%2").arg(m.width()).arg(m.height())},
        {QStringLiteral("quiet_zone"), m.quietZone()},
        {QStringLiteral("module_mm"), std::round(output->moduleMm * 1e6) / 1e6},
        {QStringLiteral("dots_per_module"),
         output->dotsPerModule > 0 ? QJsonValue(output->dotsPerModule) : QJsonValue()},
        {QStringLiteral("bytes"), qint64(output->bytes.size())},
    });
    return kExitOk;
}

} // namespace dpp::ctl
