#include "symbology.h"

namespace dpp::symbol {

QString symbologyName(Symbology symbology)
{
    return symbology == Symbology::Qr ? QStringLiteral("qr") : QStringLiteral("datamatrix");
}

std::optional<Symbology> symbologyFromName(QStringView name)
{
    if (name.compare(u"qr", Qt::CaseInsensitive) == 0)
        return Symbology::Qr;
    if (name.compare(u"datamatrix", Qt::CaseInsensitive) == 0 ||
        name.compare(u"dm", Qt::CaseInsensitive) == 0)
        return Symbology::DataMatrix;
    return std::nullopt;
}

} // namespace dpp::symbol
