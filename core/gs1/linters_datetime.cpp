// Linters for dates and times as GS1 AIs carry them: YYMMDD (optionally with
// day "00" meaning "end of month"), YYYYMMDD, YYMMDDHH, HH, MM, SS, HHMM, MM[SS].
#include "linters_p.h"

namespace dpp::gs1::linters {
namespace {

struct Codes
{
    const char* tooShort;
    const char* tooLong;
};

constexpr Codes kDate{"GS1_LINTER_DATE_TOO_SHORT", "GS1_LINTER_DATE_TOO_LONG"};

// Length first, then digits: the order in which the Syntax Dictionary reports.
Result fixedDigits(std::string_view data, std::size_t length, Codes codes)
{
    if (data.size() != length)
        return failWhole(data.size() < length ? codes.tooShort : codes.tooLong, data);
    return requireDigits(data);
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Month and day at `at` (MMDD) of an all-digit date whose year is `year`.
Result monthAndDay(std::string_view data, std::size_t at, int year, bool dayZeroAllowed)
{
    const int month = twoDigits(data, at);
    if (month < 1 || month > 12)
        return fail("GS1_LINTER_ILLEGAL_MONTH", at, 2);
    const int day = twoDigits(data, at + 2);
    if ((day == 0 && !dayZeroAllowed) || day > daysInMonth(year, month))
        return fail("GS1_LINTER_ILLEGAL_DAY", at + 2, 2);
    return std::nullopt;
}

// Two-digit years: the GS1 century window can put "00" in 2000 or 2100, but
// a two-digit year divisible by four is treated as a leap year either way, as
// the reference linters do; 2000 + YY gives exactly that.
Result yymmddDate(std::string_view data, bool dayZeroAllowed)
{
    if (auto bad = fixedDigits(data, 6, kDate))
        return bad;
    return monthAndDay(data, 2, 2000 + twoDigits(data, 0), dayZeroAllowed);
}

Result yyyymmddDate(std::string_view data, bool dayZeroAllowed)
{
    if (auto bad = fixedDigits(data, 8, kDate))
        return bad;
    const int year = twoDigits(data, 0) * 100 + twoDigits(data, 2);
    return monthAndDay(data, 4, year, dayZeroAllowed);
}

// A two-digit field at `at` that must not exceed `max`.
Result upTo(std::string_view data, std::size_t at, int max, const char* code)
{
    if (twoDigits(data, at) > max)
        return fail(code, at, 2);
    return std::nullopt;
}

} // namespace

Result yymmd0(std::string_view data)
{
    return yymmddDate(data, true);
}
Result yymmdd(std::string_view data)
{
    return yymmddDate(data, false);
}
Result yyyymmd0(std::string_view data)
{
    return yyyymmddDate(data, true);
}
Result yyyymmdd(std::string_view data)
{
    return yyyymmddDate(data, false);
}

Result yymmddhh(std::string_view data)
{
    if (auto bad = fixedDigits(
            data, 8, {"GS1_LINTER_DATE_WITH_HOUR_TOO_SHORT", "GS1_LINTER_DATE_WITH_HOUR_TOO_LONG"}))
        return bad;
    if (auto bad = yymmdd(data.substr(0, 6)))
        return bad;
    return upTo(data, 6, 23, "GS1_LINTER_ILLEGAL_HOUR");
}

Result hh(std::string_view data)
{
    if (auto bad = fixedDigits(data, 2, {"GS1_LINTER_HOUR_TOO_SHORT", "GS1_LINTER_HOUR_TOO_LONG"}))
        return bad;
    return upTo(data, 0, 23, "GS1_LINTER_ILLEGAL_HOUR");
}

Result mi(std::string_view data)
{
    if (auto bad =
            fixedDigits(data, 2, {"GS1_LINTER_MINUTE_TOO_SHORT", "GS1_LINTER_MINUTE_TOO_LONG"}))
        return bad;
    return upTo(data, 0, 59, "GS1_LINTER_ILLEGAL_MINUTE");
}

Result ss(std::string_view data)
{
    if (auto bad =
            fixedDigits(data, 2, {"GS1_LINTER_SECOND_TOO_SHORT", "GS1_LINTER_SECOND_TOO_LONG"}))
        return bad;
    return upTo(data, 0, 59, "GS1_LINTER_ILLEGAL_SECOND");
}

Result hhmi(std::string_view data)
{
    if (auto bad = fixedDigits(
            data, 4,
            {"GS1_LINTER_HOUR_WITH_MINUTE_TOO_SHORT", "GS1_LINTER_HOUR_WITH_MINUTE_TOO_LONG"}))
        return bad;
    if (auto bad = upTo(data, 0, 23, "GS1_LINTER_ILLEGAL_HOUR"))
        return bad;
    return upTo(data, 2, 59, "GS1_LINTER_ILLEGAL_MINUTE");
}

Result mmoptss(std::string_view data)
{
    if (data.size() != 2 && data.size() != 4)
        return failWhole("GS1_LINTER_MMSS_INVALID_LENGTH", data);
    if (auto bad = requireDigits(data))
        return bad;
    if (auto bad = upTo(data, 0, 59, "GS1_LINTER_ILLEGAL_MINUTE"))
        return bad;
    if (data.size() == 4)
        return upTo(data, 2, 59, "GS1_LINTER_ILLEGAL_SECOND");
    return std::nullopt;
}

} // namespace dpp::gs1::linters
