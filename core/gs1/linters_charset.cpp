// Linters about which characters may appear and about small fixed values:
// the GS1 character sets (82, 39, 64, numeric), percent-encoding, flags and
// the structured numbers (piece of total, position in sequence, coordinates).
#include "linters_p.h"

#include <algorithm>
#include <array>

namespace dpp::gs1::linters {
namespace {

// A 256-entry membership table built at compile time from the set's characters.
struct CharSet
{
    std::array<bool, 256> member{};

    constexpr explicit CharSet(std::string_view chars)
    {
        for (char c : chars)
            member[static_cast<unsigned char>(c)] = true;
    }
    constexpr bool contains(char c) const { return member[static_cast<unsigned char>(c)]; }
};

// GS1 General Specifications, "GS1 AI encodable character set 82".
constexpr CharSet kCset82("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
                          "abcdefghijklmnopqrstuvwxyz");
// "GS1 AI encodable character set 39": what survives case-folding scanners.
constexpr CharSet kCset39("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
// "GS1 AI encodable character set 64": file-safe / URI-safe base64 (RFC 4648 §5).
constexpr CharSet kCset64("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

Result firstOutside(std::string_view data, const CharSet& set, const char* code)
{
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (!set.contains(data[i]))
            return fail(code, i, 1);
    }
    return std::nullopt;
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

bool allZero(std::string_view digits)
{
    return digits.find_first_not_of('0') == std::string_view::npos;
}

// Compares two digit strings as numbers of any length.
int compareNumbers(std::string_view a, std::string_view b)
{
    const auto strip = [](std::string_view s) {
        const std::size_t nz = s.find_first_not_of('0');
        return nz == std::string_view::npos ? std::string_view() : s.substr(nz);
    };
    a = strip(a);
    b = strip(b);
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

// A ten-digit coordinate no greater than `max` (latitude 0–180, longitude 0–360
// degrees, both offset and scaled by 10^7 so that they carry no sign).
Result coordinate(std::string_view data, std::string_view max, const char* lengthCode,
                  const char* rangeCode)
{
    if (data.size() != 10)
        return failWhole(lengthCode, data);
    if (auto bad = requireDigits(data))
        return bad;
    if (data > max) // same length, all digits: lexical order is numeric order
        return failWhole(rangeCode, data);
    return std::nullopt;
}

} // namespace

Result cset82(std::string_view data)
{
    return firstOutside(data, kCset82, "GS1_LINTER_INVALID_CSET82_CHARACTER");
}

Result cset39(std::string_view data)
{
    return firstOutside(data, kCset39, "GS1_LINTER_INVALID_CSET39_CHARACTER");
}

Result cset64(std::string_view data)
{
    // Up to two trailing '=' pad the base64 text; the Syntax Dictionary wants the
    // padded length to be a multiple of three when padding is present at all.
    std::size_t pads = 0;
    while (pads < data.size() && data[data.size() - 1 - pads] == '=')
        ++pads;
    const std::size_t body = data.size() - pads;
    if (pads > 2 || (pads > 0 && data.size() % 3 != 0))
        return fail("GS1_LINTER_INVALID_CSET64_PADDING", body, pads);
    return firstOutside(data.substr(0, body), kCset64, "GS1_LINTER_INVALID_CSET64_CHARACTER");
}

Result csetnumeric(std::string_view data)
{
    return requireDigits(data);
}

Result hasnondigit(std::string_view data)
{
    // For values that must not be confusable with a purely numeric identifier.
    if (firstNonDigit(data) == std::string_view::npos)
        return failWhole("GS1_LINTER_REQUIRES_NON_DIGIT_CHARACTER", data);
    return std::nullopt;
}

Result pcenc(std::string_view data)
{
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] != '%')
            continue;
        if (i + 2 >= data.size() || !isHexDigit(data[i + 1]) || !isHexDigit(data[i + 2]))
            return fail("GS1_LINTER_INVALID_PERCENT_SEQUENCE", i,
                        std::min<std::size_t>(3, data.size() - i));
        i += 2;
    }
    return std::nullopt;
}

Result hyphen(std::string_view data)
{
    if (data.empty() || data.find_first_not_of('-') != std::string_view::npos)
        return failWhole("GS1_LINTER_NOT_HYPHEN", data);
    return std::nullopt;
}

Result importeridx(std::string_view data)
{
    // AI 7040's importer index is one character of the base64url alphabet.
    if (data.size() != 1)
        return failWhole("GS1_LINTER_IMPORTER_IDX_MUST_BE_ONE_CHARACTER", data);
    return firstOutside(data, kCset64, "GS1_LINTER_INVALID_IMPORT_IDX_CHARACTER");
}

Result zero(std::string_view data)
{
    if (data.empty() || !allZero(data))
        return failWhole("GS1_LINTER_NOT_ZERO", data);
    return std::nullopt;
}

Result nonzero(std::string_view data)
{
    if (auto bad = requireDigits(data))
        return bad;
    if (allZero(data))
        return failWhole("GS1_LINTER_ILLEGAL_ZERO_VALUE", data);
    return std::nullopt;
}

Result nozeroprefix(std::string_view data)
{
    if (auto bad = requireDigits(data))
        return bad;
    if (!data.empty() && data.front() == '0')
        return fail("GS1_LINTER_ILLEGAL_ZERO_PREFIX", 0, 1);
    return std::nullopt;
}

Result yesno(std::string_view data)
{
    if (data != "0" && data != "1")
        return failWhole("GS1_LINTER_NOT_ZERO_OR_ONE", data);
    return std::nullopt;
}

Result winding(std::string_view data)
{
    // AI 8001 roll products: 0 face out, 1 face in, 9 undefined.
    if (data != "0" && data != "1" && data != "9")
        return failWhole("GS1_LINTER_INVALID_WINDING_DIRECTION", data);
    return std::nullopt;
}

Result iso5218(std::string_view data)
{
    // ISO/IEC 5218: 0 not known, 1 male, 2 female, 9 not applicable.
    if (data != "0" && data != "1" && data != "2" && data != "9")
        return failWhole("GS1_LINTER_INVALID_BIOLOGICAL_SEX_CODE", data);
    return std::nullopt;
}

Result pieceoftotal(std::string_view data)
{
    // Piece number then total, both of the same width (AI 8006, 8026).
    if (data.empty() || data.size() % 2 != 0)
        return failWhole("GS1_LINTER_INVALID_LENGTH_FOR_PIECE_OF_TOTAL", data);
    if (auto bad = requireDigits(data))
        return bad;
    const std::size_t half = data.size() / 2;
    const std::string_view piece = data.substr(0, half);
    const std::string_view total = data.substr(half);
    if (allZero(piece))
        return fail("GS1_LINTER_ZERO_PIECE_NUMBER", 0, half);
    if (allZero(total))
        return fail("GS1_LINTER_ZERO_TOTAL_PIECES", half, half);
    if (piece > total) // equal widths: lexical order is numeric order
        return failWhole("GS1_LINTER_PIECE_NUMBER_EXCEEDS_TOTAL", data);
    return std::nullopt;
}

Result posinseqslash(std::string_view data)
{
    // "<pos>/<end>", both positive numbers without leading zeros (AI 7258).
    const std::size_t slash = data.find('/');
    const char* malformed = "GS1_LINTER_POSITION_IN_SEQUENCE_MALFORMED";
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == data.size())
        return failWhole(malformed, data);
    const std::string_view pos = data.substr(0, slash);
    const std::string_view end = data.substr(slash + 1);
    if (firstNonDigit(pos) != std::string_view::npos ||
        firstNonDigit(end) != std::string_view::npos)
        return failWhole(malformed, data);
    if (pos.front() == '0')
        return fail("GS1_LINTER_ILLEGAL_ZERO_PREFIX", 0, pos.size());
    if (end.front() == '0')
        return fail("GS1_LINTER_ILLEGAL_ZERO_PREFIX", slash + 1, end.size());
    if (compareNumbers(pos, end) > 0)
        return failWhole("GS1_LINTER_POSITION_EXCEEDS_END", data);
    return std::nullopt;
}

Result latitude(std::string_view data)
{
    return coordinate(data, "1800000000", "GS1_LINTER_LATITUDE_INVALID_LENGTH",
                      "GS1_LINTER_INVALID_LATITUDE");
}

Result longitude(std::string_view data)
{
    return coordinate(data, "3600000000", "GS1_LINTER_LONGITUDE_INVALID_LENGTH",
                      "GS1_LINTER_INVALID_LONGITUDE");
}

Result latlong(std::string_view data)
{
    // AI 4309: latitude and longitude concatenated; positions refer to the whole.
    if (data.size() != 20)
        return failWhole("GS1_LINTER_LATLONG_INVALID_LENGTH", data);
    if (auto bad = requireDigits(data))
        return bad;
    if (auto bad = latitude(data.substr(0, 10)))
        return bad;
    if (auto bad = longitude(data.substr(10))) {
        bad->position += 10;
        return bad;
    }
    return std::nullopt;
}

} // namespace dpp::gs1::linters
