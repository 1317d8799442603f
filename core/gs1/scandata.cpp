#include "scandata.h"

#include "aitable.h"
#include "checkdigit.h"
#include "digitallink.h"
#include "elementstring.h"

namespace dpp::gs1 {

namespace {

constexpr QChar kGs = QChar(0x1d);

struct SymbologyInfo
{
    Symbology symbology;
    const char* name;
};
constexpr SymbologyInfo kSymbologies[] = {
    {Symbology::None, "NONE"},
    {Symbology::Qr, "QR"},
    {Symbology::DataMatrix, "DM"},
    {Symbology::DotCode, "DotCode"},
    {Symbology::DataBarExpanded, "DataBarExpanded"},
    {Symbology::DataBarOmni, "DataBarOmni"},
    {Symbology::DataBarLimited, "DataBarLimited"},
    {Symbology::Gs1_128_CCA, "GS1_128_CCA"},
    {Symbology::Gs1_128_CCC, "GS1_128_CCC"},
    {Symbology::UpcA, "UPCA"},
    {Symbology::UpcE, "UPCE"},
    {Symbology::Ean13, "EAN13"},
    {Symbology::Ean8, "EAN8"},
};

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// A data string in AI form ("^…") turned into scanner form (GS separators).
// Validates it; nullopt when invalid.
std::optional<QString> aiPartToScan(QStringView aiData)
{
    if (!ElementString::fromUnbracketed(aiData).ok())
        return std::nullopt;
    QString out = aiData.mid(1).toString();
    out.replace(u'^', kGs);
    return out;
}

// True when the last AI of a validated '^…' string is of variable length, so
// a following component needs a separator.
bool endsVariable(QStringView aiData)
{
    const auto es = ElementString::fromUnbracketed(aiData);
    if (!es.ok() || es->values().isEmpty())
        return false;
    const AiEntry* e = AiTable::instance().find(es->values().last().ai.toStdString());
    return !(e && e->predefinedLength) && !aiData.endsWith(u'^');
}

// "^01<gtin14>" or bare digits → GTIN-14 (for EAN/UPC/DataBar primary data).
std::optional<QString> primaryGtin(QStringView primary)
{
    QString digits;
    if (primary.startsWith(u'^')) {
        if (!primary.startsWith(u"^01") || primary.size() != 17)
            return std::nullopt;
        digits = primary.mid(3).toString();
    } else {
        digits = primary.toString();
    }
    if (!isDigits(digits) || digits.size() > 14)
        return std::nullopt;
    return digits.rightJustified(14, u'0');
}

QString plainToScan(QStringView data)
{
    // "\^X" is the notation for a literal leading '^'; one backslash goes.
    qsizetype n = 0;
    while (n < data.size() && data[n] == u'\\')
        ++n;
    if (n > 0 && n < data.size() && data[n] == u'^')
        return data.mid(1).toString();
    return data.toString();
}

QString plainFromScan(QStringView message)
{
    qsizetype n = 0;
    while (n < message.size() && message[n] == u'\\')
        ++n;
    if (n < message.size() && message[n] == u'^')
        return u'\\' + message.toString();
    return message.toString();
}

std::optional<QString> compositeSuffix(QStringView composite)
{
    if (composite.isNull())
        return QString();
    const auto cc = aiPartToScan(composite);
    if (!cc)
        return std::nullopt;
    return *cc;
}

} // namespace

Symbology symbologyFromName(QStringView name)
{
    for (const auto& s : kSymbologies) {
        if (name == QLatin1String(s.name))
            return s.symbology;
    }
    return Symbology::None;
}

QString symbologyName(Symbology sym)
{
    for (const auto& s : kSymbologies) {
        if (s.symbology == sym)
            return QString::fromLatin1(s.name);
    }
    return QStringLiteral("NONE");
}

std::optional<QString> generateScanData(Symbology sym, QStringView data)
{
    if (data.isEmpty() || sym == Symbology::None)
        return std::nullopt;
    const bool isAi = data.startsWith(u'^');
    const qsizetype bar = isAi ? data.indexOf(u'|') : -1;
    const QStringView primary = bar >= 0 ? data.left(bar) : data;
    const QStringView composite = bar >= 0 ? data.mid(bar + 1) : QStringView();

    switch (sym) {
    case Symbology::Qr:
    case Symbology::DataMatrix:
    case Symbology::DotCode: {
        static const char* const kIds[][2] = {{"]Q1", "]Q3"}, {"]d1", "]d2"}, {"]J0", "]J1"}};
        const int idx = sym == Symbology::Qr ? 0 : sym == Symbology::DataMatrix ? 1 : 2;
        if (!isAi)
            return QString::fromLatin1(kIds[idx][0]) + plainToScan(data);
        const auto scan = aiPartToScan(data);
        if (!scan)
            return std::nullopt;
        return QString::fromLatin1(kIds[idx][1]) + *scan;
    }
    case Symbology::DataBarExpanded:
    case Symbology::Gs1_128_CCA:
    case Symbology::Gs1_128_CCC: {
        if (!isAi)
            return std::nullopt;
        const auto scan = aiPartToScan(primary);
        const auto cc = compositeSuffix(composite);
        if (!scan || !cc)
            return std::nullopt;
        const bool linear128 = sym != Symbology::DataBarExpanded && composite.isNull();
        QString out = QString::fromLatin1(linear128 ? "]C1" : "]e0") + *scan;
        if (!composite.isNull())
            out += (endsVariable(primary) ? QString(kGs) : QString()) + *cc;
        return out;
    }
    case Symbology::DataBarOmni:
    case Symbology::DataBarLimited: {
        const QStringView p =
            isAi ? primary : (data.indexOf(u'|') >= 0 ? data.left(data.indexOf(u'|')) : data);
        const QStringView c =
            isAi ? composite
                 : (data.indexOf(u'|') >= 0 ? data.mid(data.indexOf(u'|') + 1) : QStringView());
        const auto gtin = primaryGtin(p);
        if (!gtin || !hasValidMod10(gtin->toStdString()))
            return std::nullopt;
        if (sym == Symbology::DataBarLimited && (*gtin)[0] > u'1')
            return std::nullopt; // Limited carries indicator digits 0 and 1 only
        const auto cc = compositeSuffix(c);
        if (!cc)
            return std::nullopt;
        return QStringLiteral("]e001") + *gtin + *cc;
    }
    case Symbology::UpcA:
    case Symbology::UpcE:
    case Symbology::Ean13:
    case Symbology::Ean8: {
        const qsizetype b = data.indexOf(u'|');
        const QStringView p = b >= 0 ? data.left(b) : data;
        const QStringView c = b >= 0 ? data.mid(b + 1) : QStringView();
        QString digits = p.startsWith(u'^') ? QString() : p.toString();
        if (p.startsWith(u'^')) {
            const auto gtin = primaryGtin(p);
            if (!gtin)
                return std::nullopt;
            digits = *gtin;
        } else if (!isDigits(digits)) {
            return std::nullopt;
        }
        const int width = sym == Symbology::Ean8 ? 8 : sym == Symbology::Ean13 ? 13 : 12;
        // Without the check digit, add it (the encoder computes it as printed).
        if (digits.size() == width - 1 && !p.startsWith(u'^'))
            digits += QString::number(mod10CheckDigit(digits.toStdString()));
        if (digits.size() == 14) {
            const int leading = 14 - width;
            if (!digits.left(leading).remove(u'0').isEmpty())
                return std::nullopt;
            digits = digits.mid(leading);
        }
        if (digits.size() != width || !hasValidMod10(digits.toStdString()))
            return std::nullopt;
        const auto cc = compositeSuffix(c);
        if (!cc)
            return std::nullopt;
        QString out = sym == Symbology::Ean8
                          ? QStringLiteral("]E4") + digits
                          : QStringLiteral("]E0") + digits.rightJustified(13, u'0');
        if (!c.isNull())
            out += QStringLiteral("|]e0") + *cc;
        return out;
    }
    case Symbology::None:
        break;
    }
    return std::nullopt;
}

Result<ScannedMessage> processScanData(QStringView scan)
{
    const auto fail = [](const QString& why) {
        return Error{QString(), why, QStringLiteral("invalid_scan_data")};
    };
    if (scan.size() < 3 || scan[0] != u']')
        return fail(QStringLiteral("scan data must start with a symbology identifier such as ]d2"));
    const QStringView id = scan.left(3);
    const QStringView message = scan.mid(3);
    // GS1 element string: separators are GS; our notation uses '^'.
    const auto aiMessage = [&](QStringView m) -> std::optional<QString> {
        // '^' is our FNC1 notation, so it cannot stand for itself in AI data.
        if (m.isEmpty() || m.contains(u'^'))
            return std::nullopt;
        QString data = u'^' + m.toString();
        data.replace(kGs, u'^');
        if (!ElementString::fromUnbracketed(data).ok())
            return std::nullopt;
        return data;
    };
    // Plain data; a URI that claims to be a DL (lower/upper-case http scheme) must be one.
    const auto plainMessage = [&](QStringView m) -> std::optional<QString> {
        for (const char* scheme : {"https://", "http://", "HTTPS://", "HTTP://"}) {
            if (m.startsWith(QLatin1String(scheme))) {
                if (!DigitalLink::parse(m).ok())
                    return std::nullopt;
                break;
            }
        }
        return plainFromScan(m);
    };

    struct Mode
    {
        const char* id;
        Symbology sym;
        bool gs1;
    };
    static const Mode kModes[] = {
        {"]Q1", Symbology::Qr, false},
        {"]Q3", Symbology::Qr, true},
        {"]d1", Symbology::DataMatrix, false},
        {"]d2", Symbology::DataMatrix, true},
        {"]J0", Symbology::DotCode, false},
        {"]J1", Symbology::DotCode, true},
        {"]e0", Symbology::DataBarExpanded, true},
        {"]C1", Symbology::Gs1_128_CCA, true},
    };
    for (const Mode& mode : kModes) {
        if (id != QLatin1String(mode.id))
            continue;
        const auto data = mode.gs1 ? aiMessage(message) : plainMessage(message);
        if (!data)
            return fail(QStringLiteral("the message after %1 is not valid").arg(id));
        return ScannedMessage{mode.sym, *data};
    }
    if (id == u"]E0" || id == u"]E4") {
        const qsizetype bar = message.indexOf(u'|');
        const QStringView primary = bar >= 0 ? message.left(bar) : message;
        const int width = id == u"]E4" ? 8 : 13;
        if (primary.size() != width || !isDigits(primary) ||
            !hasValidMod10(primary.toString().toStdString()))
            return fail(
                QStringLiteral("%1 needs %2 digits with a valid check digit").arg(id).arg(width));
        QString data = primary.toString();
        if (bar >= 0) {
            const QStringView cc = message.mid(bar + 1);
            if (!cc.startsWith(u"]e0"))
                return fail(QStringLiteral("a composite component must start with ]e0"));
            const auto ccData = aiMessage(cc.mid(3));
            if (!ccData)
                return fail(QStringLiteral("the composite component is not valid"));
            data += u'|' + *ccData;
        }
        return ScannedMessage{width == 8 ? Symbology::Ean8 : Symbology::Ean13, data};
    }
    return fail(QStringLiteral("unknown symbology identifier %1").arg(id));
}

} // namespace dpp::gs1
