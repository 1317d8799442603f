// Private to the linter set: the individual linter functions (one per Syntax
// Dictionary name) and the small helpers they share. Not installed, not API.
#pragma once

#include "linter.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace dpp::gs1::linters {

using Result = std::optional<LintError>;

inline Result fail(const char* code, std::size_t position, std::size_t length)
{
    return LintError{code, static_cast<int>(position), static_cast<int>(length)};
}

// Most failures that are about the component as a whole highlight all of it.
inline Result failWhole(const char* code, std::string_view data)
{
    return fail(code, 0, data.size());
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline std::size_t firstNonDigit(std::string_view data)
{
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (!isDigit(data[i]))
            return i;
    }
    return std::string_view::npos;
}

// GS1_LINTER_NON_DIGIT_CHARACTER at the first non-digit, if any.
inline Result requireDigits(std::string_view data)
{
    const std::size_t bad = firstNonDigit(data);
    if (bad != std::string_view::npos)
        return fail("GS1_LINTER_NON_DIGIT_CHARACTER", bad, 1);
    return std::nullopt;
}

// Value of the two digits at `at`; callers have checked they are digits.
inline int twoDigits(std::string_view data, std::size_t at)
{
    return (data[at] - '0') * 10 + (data[at + 1] - '0');
}

// Asks the registered GS1 Company Prefix register (setGcpLookup) about `gcp`,
// a view into the component being linted. OK when no register is set.
GcpStatus lookupGcp(std::string_view gcp);

// Character sets and simple values (linters_charset.cpp).
Result cset82(std::string_view data);
Result cset39(std::string_view data);
Result cset64(std::string_view data);
Result csetnumeric(std::string_view data);
Result hasnondigit(std::string_view data);
Result pcenc(std::string_view data);
Result hyphen(std::string_view data);
Result importeridx(std::string_view data);
Result zero(std::string_view data);
Result nonzero(std::string_view data);
Result nozeroprefix(std::string_view data);
Result yesno(std::string_view data);
Result winding(std::string_view data);
Result iso5218(std::string_view data);
Result pieceoftotal(std::string_view data);
Result posinseqslash(std::string_view data);
Result latitude(std::string_view data);
Result longitude(std::string_view data);
Result latlong(std::string_view data);

// Check characters and company prefixes (linters_checksum.cpp).
Result csum(std::string_view data);
Result csumalpha(std::string_view data);
Result iban(std::string_view data);
Result gcppos1(std::string_view data);
Result gcppos2(std::string_view data);

// Dates and times (linters_datetime.cpp).
Result yymmd0(std::string_view data);
Result yymmdd(std::string_view data);
Result yyyymmd0(std::string_view data);
Result yyyymmdd(std::string_view data);
Result yymmddhh(std::string_view data);
Result hh(std::string_view data);
Result mi(std::string_view data);
Result ss(std::string_view data);
Result hhmi(std::string_view data);
Result mmoptss(std::string_view data);

// ISO and UN/ECE code lists (linters_codes.cpp).
Result iso3166(std::string_view data);
Result iso3166999(std::string_view data);
Result iso3166alpha2(std::string_view data);
Result iso3166list(std::string_view data);
Result iso4217(std::string_view data);
Result packagetype(std::string_view data);
Result mediatype(std::string_view data);

// North American coupon structures (linters_coupon.cpp).
Result couponcode(std::string_view data);
Result couponposoffer(std::string_view data);

} // namespace dpp::gs1::linters
