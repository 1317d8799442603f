// libFuzzer target: element strings (bracketed, unbracketed with FNC1) and
// scan data must never crash; what parses must round-trip between forms.
#include <QString>
#include <cstdint>
#include <cstdlib>
#include <gs1/elementstring.h>
#include <gs1/scandata.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 4096)
        return 0;
    const QString input = QString::fromLatin1(reinterpret_cast<const char*>(data), qsizetype(size));
    using dpp::gs1::ElementString;
    if (const auto es = ElementString::fromBracketed(input); es.ok()) {
        const auto back = ElementString::fromUnbracketed(es->unbracketed());
        if (!back.ok() || back->bracketed() != es->bracketed())
            std::abort();
    }
    if (const auto es = ElementString::fromUnbracketed(input); es.ok()) {
        const auto back = ElementString::fromBracketed(es->bracketed());
        if (!back.ok() || back->unbracketed() != es->unbracketed())
            std::abort();
    }
    (void)dpp::gs1::processScanData(input);
    (void)dpp::gs1::generateScanData(dpp::gs1::Symbology::DataMatrix, input);
    return 0;
}
