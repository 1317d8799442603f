// Linters that verify check characters (GS1 mod-10 digit, the alphanumeric
// check pair, IBAN mod-97) and that a key starts with a GS1 Company Prefix.
#include "linters_p.h"

#include <array>

namespace dpp::gs1::linters {
namespace {

// CSET 82 in value order: a character's index is its weight in the check pair.
constexpr std::string_view kCset82Order =
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
    "abcdefghijklmnopqrstuvwxyz";
// CSET 32: the alphabet of the two check characters (no 0, 1, I, O).
constexpr std::string_view kCset32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

// Prime weights applied right to left. 97 cover every data length the AI
// table allows (longest AI value 99 = 97 data + 2 check characters).
constexpr std::array<unsigned, 97> kPrimes{
    2,   3,   5,   7,   11,  13,  17,  19,  23,  29,  31,  37,  41,  43,  47,  53,  59,
    61,  67,  71,  73,  79,  83,  89,  97,  101, 103, 107, 109, 113, 127, 131, 137, 139,
    149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233,
    239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337,
    347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439,
    443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509};

// The shortest GS1 Company Prefix currently allocated has four digits.
constexpr std::size_t kMinGcpLength = 4;

constexpr std::size_t kIbanMinLength = 11; // enough for country, check digits and a BBAN
constexpr std::size_t kIbanMaxLength = 34; // ISO 13616-1

// IBAN character value: digits 0–9, capital letters 10–35; -1 for anything else.
int ibanValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return -1;
}

} // namespace

Result csum(std::string_view data)
{
    if (data.empty())
        return failWhole("GS1_LINTER_TOO_SHORT_FOR_CHECK_DIGIT", data);
    if (auto bad = requireDigits(data))
        return bad;
    // Weights 3,1,3,… from the digit left of the check digit leftwards.
    int sum = 0;
    int weight = 3;
    for (std::size_t i = data.size() - 1; i-- > 0;) {
        sum += (data[i] - '0') * weight;
        weight = 4 - weight;
    }
    const int expected = (10 - sum % 10) % 10;
    if (data.back() - '0' != expected)
        return fail("GS1_LINTER_INCORRECT_CHECK_DIGIT", data.size() - 1, 1);
    return std::nullopt;
}

Result csumalpha(std::string_view data)
{
    if (data.size() < 2)
        return failWhole("GS1_LINTER_TOO_SHORT_FOR_CHECK_PAIR", data);
    const std::size_t dataLength = data.size() - 2;
    if (dataLength > kPrimes.size())
        return failWhole("GS1_LINTER_TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION", data);
    unsigned sum = 0;
    for (std::size_t i = 0; i < dataLength; ++i) {
        const std::size_t value = kCset82Order.find(data[i]);
        if (value == std::string_view::npos)
            return fail("GS1_LINTER_INVALID_CSET82_CHARACTER", i, 1);
        sum += static_cast<unsigned>(value) * kPrimes[dataLength - 1 - i];
    }
    sum %= 1021;
    // The 10-bit sum splits into two 5-bit CSET 32 characters. A check character
    // outside CSET 32 is simply a wrong pair.
    if (data[dataLength] != kCset32[sum >> 5] || data[dataLength + 1] != kCset32[sum & 31])
        return fail("GS1_LINTER_INCORRECT_CHECK_PAIR", dataLength, 2);
    return std::nullopt;
}

Result iban(std::string_view data)
{
    // Checks follow ISO 13616-1 in the order the Syntax Dictionary reports them.
    // Per-country lengths are deliberately not enforced: the reference linter
    // does not, and its tests accept a 34-character IBAN for Malta (31 there).
    if (data.size() < 4)
        return failWhole("GS1_LINTER_IBAN_TOO_SHORT", data);
    if (iso3166alpha2(data.substr(0, 2)))
        return fail("GS1_LINTER_ILLEGAL_IBAN_COUNTRY_CODE", 0, 2);
    if (data.size() > kIbanMaxLength)
        return failWhole("GS1_LINTER_IBAN_TOO_LONG", data);
    if (data.size() < kIbanMinLength)
        return failWhole("GS1_LINTER_IBAN_TOO_SHORT", data);
    // Mod 97 over the IBAN rotated by four, letters expanded to two digits.
    unsigned remainder = 0;
    for (std::size_t k = 0; k < data.size(); ++k) {
        const std::size_t i = (k + 4) % data.size();
        const int value = ibanValue(data[i]);
        if (value < 0)
            return fail("GS1_LINTER_INVALID_IBAN_CHARACTER", i, 1);
        remainder = (remainder * (value < 10 ? 10 : 100) + static_cast<unsigned>(value)) % 97;
    }
    if (remainder != 1)
        return fail("GS1_LINTER_INCORRECT_IBAN_CHECKSUM", 2, 2);
    return std::nullopt;
}

Result gcppos1(std::string_view data)
{
    if (data.size() < kMinGcpLength)
        return failWhole("GS1_LINTER_TOO_SHORT_FOR_GCP", data);
    for (std::size_t i = 0; i < kMinGcpLength; ++i) {
        if (!isDigit(data[i]))
            return fail("GS1_LINTER_INVALID_GCP_PREFIX", i, 1);
    }
    switch (lookupGcp(data)) {
    case GcpStatus::Valid:
        return std::nullopt;
    case GcpStatus::Invalid:
        return failWhole("GS1_LINTER_INVALID_GCP_PREFIX", data);
    case GcpStatus::Offline:
        return failWhole("GS1_LINTER_GCP_DATASOURCE_OFFLINE", data);
    }
    return std::nullopt;
}

Result gcppos2(std::string_view data)
{
    // GTIN-14 and SSCC carry an indicator or extension digit before the GCP.
    if (data.size() < 2)
        return failWhole("GS1_LINTER_TOO_SHORT_FOR_GCP", data);
    Result r = gcppos1(data.substr(1));
    if (r)
        r->position += 1;
    return r;
}

} // namespace dpp::gs1::linters
