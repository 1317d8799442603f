// Scan data: what a barcode reader transmits (AIM symbology identifier + the
// message, GS = U+001D between AI fields) and how it maps to our data strings.
// Data strings follow the GS1 Syntax Engine's notation: a leading '^' means a
// GS1 AI element string ('^' = FNC1, '|' starts a composite component);
// anything else is plain data (a leading "\^" escapes a literal '^').
#pragma once

#include "result.h"

#include <QString>
#include <optional>

namespace dpp::gs1 {

enum class Symbology {
    None,
    Qr,
    DataMatrix,
    DotCode,
    DataBarExpanded,
    DataBarOmni,
    DataBarLimited,
    Gs1_128_CCA,
    Gs1_128_CCC,
    UpcA,
    UpcE,
    Ean13,
    Ean8,
};

// "QR", "DM", "DotCode", "DataBarExpanded", … (the names the vectors use).
Symbology symbologyFromName(QStringView name);
QString symbologyName(Symbology s);

// The scan data a reader would return for `dataString` in symbology `s`, or
// nullopt when the data cannot be carried by that symbology.
std::optional<QString> generateScanData(Symbology s, QStringView dataString);

struct ScannedMessage
{
    Symbology symbology = Symbology::None;
    QString dataString; // in the notation above; a DL URI stays a URI
};

// Reads scan data ("]d2…", "]Q1https://…"); validates GS1 content (element
// strings and Digital Link URIs) through the AI table.
Result<ScannedMessage> processScanData(QStringView scanData);

} // namespace dpp::gs1
