// libFuzzer target: DigitalLink::parse on arbitrary bytes must never crash,
// hang or read out of bounds; a URI it accepts must round-trip through its
// canonical form, and what it rebuilds from its element string must parse.
#include <QString>
#include <cstdint>
#include <cstdlib>
#include <gs1/digitallink.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 4096)
        return 0;
    const QString input = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    for (bool zeroSuppressed : {false, true}) {
        dpp::gs1::DigitalLinkOptions options;
        options.permitZeroSuppressedGtin = zeroSuppressed;
        const auto dl = dpp::gs1::DigitalLink::parse(input, options);
        if (!dl.ok())
            continue;
        const auto again = dpp::gs1::DigitalLink::parse(dl->uri());
        if (!again.ok() || again->uri() != dl->uri())
            std::abort(); // the canonical form of a valid DL must be valid and stable
        // Generation is stricter than parsing (as in the GS1 engine: /01/…/235/…?10=…
        // parses, but (01)(235)(10) has no canonical URI), so only what builds is checked.
        const auto built =
            dpp::gs1::DigitalLink::fromElementString(dl->elementString(), dl->base());
        if (built.ok() && !dpp::gs1::DigitalLink::parse(built->uri()).ok())
            std::abort();
    }
    return 0;
}
