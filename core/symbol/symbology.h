// Symbology: the 2D symbologies DPP Studio encodes, and their names as used on
// the command line, in file names and in label documents.
#pragma once

#include <QString>
#include <optional>

namespace dpp::symbol {

enum class Symbology { Qr, DataMatrix };

// "qr" / "datamatrix": stable names for files, CLI flags and JSON.
QString symbologyName(Symbology symbology);
// Accepts the stable names (case-insensitive) and "dm" for DataMatrix.
std::optional<Symbology> symbologyFromName(QStringView name);

} // namespace dpp::symbol
