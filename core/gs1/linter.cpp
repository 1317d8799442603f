// The linter registry: Syntax Dictionary names to functions, the English
// sentence for every linter code, and the optional GCP register hook.
#include "linter.h"
#include "linters_p.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <atomic>

namespace dpp::gs1 {
namespace {

using namespace linters;

// The dictionary's placeholder linter ("linter" in the test vectors): always OK.
Result stub(std::string_view)
{
    return std::nullopt;
}

struct NamedLinter
{
    std::string_view name;
    LinterFn fn;
};

// Sorted by name for binary search. "key"/"keyoff1" are the dictionary's names
// for the GCP position checks that the engine's tests call gcppos1/gcppos2;
// "hhmm" and "mm" are older dictionary names of "hhmi" and "mi".
constexpr std::array kLinters{
    NamedLinter{"couponcode", &couponcode},
    NamedLinter{"couponposoffer", &couponposoffer},
    NamedLinter{"cset39", &cset39},
    NamedLinter{"cset64", &cset64},
    NamedLinter{"cset82", &cset82},
    NamedLinter{"csetnumeric", &csetnumeric},
    NamedLinter{"csum", &csum},
    NamedLinter{"csumalpha", &csumalpha},
    NamedLinter{"gcppos1", &gcppos1},
    NamedLinter{"gcppos2", &gcppos2},
    NamedLinter{"hasnondigit", &hasnondigit},
    NamedLinter{"hh", &hh},
    NamedLinter{"hhmi", &hhmi},
    NamedLinter{"hhmm", &hhmi},
    NamedLinter{"hyphen", &hyphen},
    NamedLinter{"iban", &iban},
    NamedLinter{"importeridx", &importeridx},
    NamedLinter{"iso3166", &iso3166},
    NamedLinter{"iso3166999", &iso3166999},
    NamedLinter{"iso3166alpha2", &iso3166alpha2},
    NamedLinter{"iso3166list", &iso3166list},
    NamedLinter{"iso4217", &iso4217},
    NamedLinter{"iso5218", &iso5218},
    NamedLinter{"key", &gcppos1},
    NamedLinter{"keyoff1", &gcppos2},
    NamedLinter{"latitude", &latitude},
    NamedLinter{"latlong", &latlong},
    NamedLinter{"linter", &stub},
    NamedLinter{"longitude", &longitude},
    NamedLinter{"mediatype", &mediatype},
    NamedLinter{"mi", &mi},
    NamedLinter{"mm", &mi},
    NamedLinter{"mmoptss", &mmoptss},
    NamedLinter{"nonzero", &nonzero},
    NamedLinter{"nozeroprefix", &nozeroprefix},
    NamedLinter{"packagetype", &packagetype},
    NamedLinter{"pcenc", &pcenc},
    NamedLinter{"pieceoftotal", &pieceoftotal},
    NamedLinter{"posinseqslash", &posinseqslash},
    NamedLinter{"ss", &ss},
    NamedLinter{"winding", &winding},
    NamedLinter{"yesno", &yesno},
    NamedLinter{"yymmd0", &yymmd0},
    NamedLinter{"yymmdd", &yymmdd},
    NamedLinter{"yymmddhh", &yymmddhh},
    NamedLinter{"yyyymmd0", &yyyymmd0},
    NamedLinter{"yyyymmdd", &yyyymmdd},
    NamedLinter{"zero", &zero},
};

constexpr bool sortedByName()
{
    for (std::size_t i = 1; i < kLinters.size(); ++i) {
        if (!(kLinters[i - 1].name < kLinters[i].name))
            return false;
    }
    return true;
}
static_assert(sortedByName(), "kLinters must stay sorted for binary search");

struct CodeMessage
{
    std::string_view code;
    const char* message;
};

// One sentence per code, phrased to follow "AI (nn): " in user-facing errors.
constexpr std::array kMessages{
    CodeMessage{"GS1_LINTER_OK", QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the data is valid")},
    CodeMessage{"GS1_LINTER_NON_DIGIT_CHARACTER",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "a digit is expected")},
    CodeMessage{
        "GS1_LINTER_INVALID_CSET82_CHARACTER",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the character is not allowed (GS1 character set 82 is expected)")},
    CodeMessage{"GS1_LINTER_INVALID_CSET39_CHARACTER",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the character is not allowed (GS1 character set 39 is expected: A-Z, 0-9, "
                    "#, - and /)")},
    CodeMessage{
        "GS1_LINTER_INVALID_CSET32_CHARACTER",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the character is not allowed (GS1 character set 32 is expected)")},
    CodeMessage{"GS1_LINTER_INVALID_CSET64_CHARACTER",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the character is not allowed (URL-safe base64 is expected: A-Z, a-z, 0-9, "
                    "- and _)")},
    CodeMessage{"GS1_LINTER_INVALID_CSET64_PADDING",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the base64 padding ('=') is wrong")},
    CodeMessage{"GS1_LINTER_INCORRECT_CHECK_DIGIT",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the check digit is wrong")},
    CodeMessage{
        "GS1_LINTER_TOO_SHORT_FOR_CHECK_DIGIT",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the data is too short to carry a check digit")},
    CodeMessage{"GS1_LINTER_INCORRECT_CHECK_PAIR",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the check character pair is wrong")},
    CodeMessage{"GS1_LINTER_TOO_SHORT_FOR_CHECK_PAIR",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the data is too short to carry a check character pair")},
    CodeMessage{
        "GS1_LINTER_TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the data is too long for a check character pair")},
    CodeMessage{"GS1_LINTER_GCP_DATASOURCE_OFFLINE",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the GS1 Company Prefix could not be checked because the register is offline")},
    CodeMessage{"GS1_LINTER_TOO_SHORT_FOR_GCP",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the data is too short to start with a GS1 Company Prefix")},
    CodeMessage{"GS1_LINTER_TOO_SHORT_FOR_KEY",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the data is too short to start with a GS1 Company Prefix")},
    CodeMessage{"GS1_LINTER_INVALID_GCP_PREFIX",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "a valid GS1 Company Prefix is expected")},
    CodeMessage{
        "GS1_LINTER_IMPORTER_IDX_MUST_BE_ONE_CHARACTER",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the importer index must be a single character")},
    CodeMessage{"GS1_LINTER_INVALID_IMPORT_IDX_CHARACTER",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the importer index must be one of A-Z, a-z, 0-9, - or _")},
    CodeMessage{"GS1_LINTER_ILLEGAL_ZERO_VALUE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the value must not be zero")},
    CodeMessage{"GS1_LINTER_NOT_ZERO",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the value must be zero")},
    CodeMessage{"GS1_LINTER_ILLEGAL_ZERO_PREFIX",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the number must not start with a zero")},
    CodeMessage{"GS1_LINTER_NOT_ZERO_OR_ONE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "\"0\" or \"1\" is expected")},
    CodeMessage{"GS1_LINTER_INVALID_WINDING_DIRECTION",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the winding direction must be \"0\", \"1\" or \"9\"")},
    CodeMessage{"GS1_LINTER_NOT_ISO3166",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "an ISO 3166 country code is expected")},
    CodeMessage{
        "GS1_LINTER_NOT_ISO3166_OR_999",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "an ISO 3166 country code or \"999\" is expected")},
    CodeMessage{
        "GS1_LINTER_NOT_ISO3166_ALPHA2",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "an ISO 3166 two-letter country code is expected")},
    CodeMessage{"GS1_LINTER_NOT_ISO4217",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "an ISO 4217 currency code is expected")},
    CodeMessage{"GS1_LINTER_IBAN_TOO_SHORT",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the IBAN is too short")},
    CodeMessage{
        "GS1_LINTER_IBAN_TOO_LONG",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the IBAN is too long (at most 34 characters)")},
    CodeMessage{"GS1_LINTER_INVALID_IBAN_CHARACTER",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the IBAN may only contain digits and capital letters")},
    CodeMessage{"GS1_LINTER_ILLEGAL_IBAN_COUNTRY_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the IBAN must start with an ISO 3166 two-letter country code")},
    CodeMessage{"GS1_LINTER_INCORRECT_IBAN_CHECKSUM",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the IBAN check digits are wrong")},
    CodeMessage{"GS1_LINTER_DATE_TOO_SHORT",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the date is too short")},
    CodeMessage{"GS1_LINTER_DATE_TOO_LONG",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the date is too long")},
    CodeMessage{"GS1_LINTER_DATE_WITH_HOUR_TOO_SHORT",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the date and hour are too short (YYMMDDHH is expected)")},
    CodeMessage{"GS1_LINTER_DATE_WITH_HOUR_TOO_LONG",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the date and hour are too long (YYMMDDHH is expected)")},
    CodeMessage{"GS1_LINTER_HOUR_WITH_MINUTE_TOO_SHORT",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the time is too short (HHMM is expected)")},
    CodeMessage{"GS1_LINTER_HOUR_WITH_MINUTE_TOO_LONG",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the time is too long (HHMM is expected)")},
    CodeMessage{
        "GS1_LINTER_MMSS_INVALID_LENGTH",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "minutes with optional seconds must be MM or MMSS")},
    CodeMessage{"GS1_LINTER_ILLEGAL_MONTH",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the month is not valid")},
    CodeMessage{"GS1_LINTER_ILLEGAL_DAY",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the day is not valid for the month")},
    CodeMessage{"GS1_LINTER_ILLEGAL_HOUR",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the hour is not valid")},
    CodeMessage{"GS1_LINTER_ILLEGAL_MINUTE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the minute is not valid")},
    CodeMessage{"GS1_LINTER_ILLEGAL_SECOND",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the second is not valid")},
    CodeMessage{"GS1_LINTER_HOUR_TOO_SHORT",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the hour is too short (HH is expected)")},
    CodeMessage{"GS1_LINTER_HOUR_TOO_LONG",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the hour is too long (HH is expected)")},
    CodeMessage{"GS1_LINTER_MINUTE_TOO_SHORT",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the minute is too short (MM is expected)")},
    CodeMessage{"GS1_LINTER_MINUTE_TOO_LONG",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the minute is too long (MM is expected)")},
    CodeMessage{"GS1_LINTER_SECOND_TOO_SHORT",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the second is too short (SS is expected)")},
    CodeMessage{"GS1_LINTER_SECOND_TOO_LONG",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the second is too long (SS is expected)")},
    CodeMessage{
        "GS1_LINTER_INVALID_LENGTH_FOR_PIECE_OF_TOTAL",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the piece number and total must have the same number of digits")},
    CodeMessage{"GS1_LINTER_ZERO_PIECE_NUMBER",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the piece number must not be zero")},
    CodeMessage{
        "GS1_LINTER_ZERO_TOTAL_PIECES",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the total number of pieces must not be zero")},
    CodeMessage{"GS1_LINTER_PIECE_NUMBER_EXCEEDS_TOTAL",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the piece number must not exceed the total number of pieces")},
    CodeMessage{"GS1_LINTER_INVALID_PERCENT_SEQUENCE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "a percent sign must be followed by two hexadecimal digits")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_FORMAT_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon format code is missing")},
    CodeMessage{
        "GS1_LINTER_COUPON_INVALID_FORMAT_CODE",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon format code must be \"0\" or \"1\"")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_FUNDER_VLI",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon funder length indicator is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_FUNDER_LENGTH",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon funder length indicator must be \"0\" to \"6\"")},
    CodeMessage{
        "GS1_LINTER_COUPON_TRUNCATED_FUNDER",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon funder ID is shorter than its length indicator says")},
    CodeMessage{
        "GS1_LINTER_COUPON_TRUNCATED_OFFER_CODE",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon offer code must have six digits")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_SERIAL_NUMBER_VLI",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon serial number length indicator is missing")},
    CodeMessage{
        "GS1_LINTER_COUPON_TRUNCATED_SERIAL_NUMBER",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon serial number is shorter than its length indicator says")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_GCP_VLI",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon company prefix length indicator is missing")},
    CodeMessage{
        "GS1_LINTER_COUPON_INVALID_GCP_LENGTH",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon company prefix length indicator must be \"0\" to \"6\"")},
    CodeMessage{
        "GS1_LINTER_COUPON_TRUNCATED_GCP",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon company prefix is shorter than its length indicator says")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_SAVE_VALUE_VLI",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon save value length indicator is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_SAVE_VALUE_LENGTH",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon save value length indicator must be \"1\" to \"5\"")},
    CodeMessage{
        "GS1_LINTER_COUPON_TRUNCATED_SAVE_VALUE",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon save value is shorter than its length indicator says")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_1ST_PURCHASE_REQUIREMENT_VLI",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon purchase requirement length indicator is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_1ST_PURCHASE_REQUIREMENT_LENGTH",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon purchase requirement length indicator must be \"1\" to \"5\"")},
    CodeMessage{"GS1_LINTER_COUPON_TRUNCATED_1ST_PURCHASE_REQUIREMENT",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon purchase requirement is shorter than its length indicator says")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_1ST_PURCHASE_REQUIREMENT_CODE",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon purchase requirement code is missing")},
    CodeMessage{
        "GS1_LINTER_COUPON_INVALID_1ST_PURCHASE_REQUIREMENT_CODE",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon purchase requirement code must be \"0\" to \"4\" or \"9\"")},
    CodeMessage{"GS1_LINTER_COUPON_TRUNCATED_1ST_PURCHASE_FAMILY_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon purchase family code must have three digits")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_ADDITIONAL_PURCHASE_RULES_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon additional purchase rules code is missing")},
    CodeMessage{
        "GS1_LINTER_COUPON_INVALID_ADDITIONAL_PURCHASE_RULES_CODE",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon additional purchase rules code must be \"0\" to \"3\"")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_2ND_PURCHASE_REQUIREMENT_VLI",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon second purchase requirement length indicator is missing")},
    CodeMessage{
        "GS1_LINTER_COUPON_INVALID_2ND_PURCHASE_REQUIREMENT_LENGTH",
        QT_TRANSLATE_NOOP(
            "dpp::gs1::Linter",
            "the coupon second purchase requirement length indicator must be \"1\" to \"5\"")},
    CodeMessage{"GS1_LINTER_COUPON_TRUNCATED_2ND_PURCHASE_REQUIREMENT",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon second purchase requirement is shorter than its length indicator "
                    "says")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_2ND_PURCHASE_REQUIREMENT_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon second purchase requirement code is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_2ND_PURCHASE_REQUIREMENT_CODE",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon second purchase requirement code must be \"0\" to \"4\" or \"9\"")},
    CodeMessage{"GS1_LINTER_COUPON_TRUNCATED_2ND_PURCHASE_FAMILY_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon second purchase family code must have three digits")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_2ND_PURCHASE_GCP_VLI",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon second purchase company prefix length indicator is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_2ND_PURCHASE_GCP_LENGTH",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon second purchase company prefix length indicator must be \"0\" to "
                    "\"6\" or \"9\"")},
    CodeMessage{
        "GS1_LINTER_COUPON_TRUNCATED_2ND_PURCHASE_GCP",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon second purchase company prefix is shorter than its length "
                          "indicator says")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_3RD_PURCHASE_REQUIREMENT_VLI",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon third purchase requirement length indicator is missing")},
    CodeMessage{
        "GS1_LINTER_COUPON_INVALID_3RD_PURCHASE_REQUIREMENT_LENGTH",
        QT_TRANSLATE_NOOP(
            "dpp::gs1::Linter",
            "the coupon third purchase requirement length indicator must be \"1\" to \"5\"")},
    CodeMessage{"GS1_LINTER_COUPON_TRUNCATED_3RD_PURCHASE_REQUIREMENT",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon third purchase requirement is shorter than its length indicator "
                    "says")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_3RD_PURCHASE_REQUIREMENT_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon third purchase requirement code is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_3RD_PURCHASE_REQUIREMENT_CODE",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon third purchase requirement code must be \"0\" to \"4\" or \"9\"")},
    CodeMessage{"GS1_LINTER_COUPON_TRUNCATED_3RD_PURCHASE_FAMILY_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon third purchase family code must have three digits")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_3RD_PURCHASE_GCP_VLI",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon third purchase company prefix length indicator is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_3RD_PURCHASE_GCP_LENGTH",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon third purchase company prefix length indicator must be \"0\" to "
                    "\"6\" or \"9\"")},
    CodeMessage{
        "GS1_LINTER_COUPON_TRUNCATED_3RD_PURCHASE_GCP",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon third purchase company prefix is shorter than its length "
                          "indicator says")},
    CodeMessage{"GS1_LINTER_COUPON_TOO_SHORT_FOR_EXPIRATION_DATE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon expiration date is too short (YYMMDD is expected)")},
    CodeMessage{
        "GS1_LINTER_COUPON_INVALID_EXIPIRATION_DATE",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon expiration date is not a valid date")},
    CodeMessage{"GS1_LINTER_COUPON_TOO_SHORT_FOR_START_DATE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon start date is too short (YYMMDD is expected)")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_START_DATE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon start date is not a valid date")},
    CodeMessage{"GS1_LINTER_COUPON_EXPIRATION_BEFORE_START",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon expires before its start date")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_RETAILER_GCP_OR_GLN_VLI",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "the coupon retailer company prefix or GLN length indicator is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_RETAILER_GCP_OR_GLN_LENGTH",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon retailer company prefix or GLN length indicator must be \"1\" to "
                    "\"7\"")},
    CodeMessage{
        "GS1_LINTER_COUPON_TRUNCATED_RETAILER_GCP_OR_GLN",
        QT_TRANSLATE_NOOP(
            "dpp::gs1::Linter",
            "the coupon retailer company prefix or GLN is shorter than its length indicator "
            "says")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_SAVE_VALUE_CODE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon save value code is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_SAVE_VALUE_CODE",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon save value code must be \"0\", \"1\", \"2\", \"5\" or \"6\"")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_SAVE_VALUE_APPLIES_TO_ITEM",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon \"save value applies to item\" field is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_SAVE_VALUE_APPLIES_TO_ITEM",
                QT_TRANSLATE_NOOP(
                    "dpp::gs1::Linter",
                    "the coupon \"save value applies to item\" field must be \"0\" to \"2\"")},
    CodeMessage{"GS1_LINTER_COUPON_MISSING_STORE_COUPON_FLAG",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon store coupon flag is missing")},
    CodeMessage{
        "GS1_LINTER_COUPON_MISSING_DONT_MULTIPLY_FLAG",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the coupon \"don't multiply\" flag is missing")},
    CodeMessage{"GS1_LINTER_COUPON_INVALID_DONT_MULTIPLY_FLAG",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon \"don't multiply\" flag must be \"0\" or \"1\"")},
    CodeMessage{"GS1_LINTER_COUPON_EXCESS_DATA",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the coupon has data after its last recognised field")},
    CodeMessage{"GS1_LINTER_INVALID_LATITUDE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the latitude must be between 0000000000 and 1800000000")},
    CodeMessage{"GS1_LINTER_INVALID_LONGITUDE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the longitude must be between 0000000000 and 3600000000")},
    CodeMessage{"GS1_LINTER_INVALID_MEDIA_TYPE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "a valid AIDC media type code is expected")},
    CodeMessage{"GS1_LINTER_LATITUDE_INVALID_LENGTH",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the latitude must have 10 digits")},
    CodeMessage{"GS1_LINTER_LONGITUDE_INVALID_LENGTH",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the longitude must have 10 digits")},
    CodeMessage{"GS1_LINTER_LATLONG_INVALID_LENGTH",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the latitude and longitude must have 20 digits together")},
    CodeMessage{"GS1_LINTER_NOT_HYPHEN",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter", "only hyphens are allowed")},
    CodeMessage{
        "GS1_LINTER_INVALID_BIOLOGICAL_SEX_CODE",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                          "an ISO/IEC 5218 sex code (\"0\", \"1\", \"2\" or \"9\") is expected")},
    CodeMessage{
        "GS1_LINTER_POSITION_IN_SEQUENCE_MALFORMED",
        QT_TRANSLATE_NOOP("dpp::gs1::Linter", "the position in sequence must look like \"3/10\"")},
    CodeMessage{"GS1_LINTER_POSITION_EXCEEDS_END",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "the position must not exceed the end of the sequence")},
    CodeMessage{"GS1_LINTER_REQUIRES_NON_DIGIT_CHARACTER",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "at least one character that is not a digit is required")},
    CodeMessage{"GS1_LINTER_INVALID_PACKAGE_TYPE",
                QT_TRANSLATE_NOOP("dpp::gs1::Linter",
                                  "a UN/ECE Recommendation 21 package type code is expected")},
};

std::atomic<GcpLookupFn> g_gcpLookup{nullptr};

} // namespace

LinterFn findLinter(std::string_view name)
{
    constexpr std::string_view prefix = "gs1_lint_";
    if (name.substr(0, prefix.size()) == prefix)
        name.remove_prefix(prefix.size());
    const auto it =
        std::lower_bound(kLinters.begin(), kLinters.end(), name,
                         [](const NamedLinter& l, std::string_view n) { return l.name < n; });
    return (it != kLinters.end() && it->name == name) ? it->fn : nullptr;
}

QString lintMessage(const char* code)
{
    if (!code)
        return QCoreApplication::translate("dpp::gs1::Linter", "the data is not valid");
    const std::string_view wanted(code);
    for (const CodeMessage& m : kMessages) {
        if (m.code == wanted)
            return QCoreApplication::translate("dpp::gs1::Linter", m.message);
    }
    // An unknown code still tells the user something rather than nothing.
    return QStringLiteral("the data is not valid (%1)").arg(QString::fromLatin1(code));
}

GcpLookupFn setGcpLookup(GcpLookupFn lookup)
{
    return g_gcpLookup.exchange(lookup);
}

namespace linters {
GcpStatus lookupGcp(std::string_view gcp)
{
    const GcpLookupFn lookup = g_gcpLookup.load();
    return lookup ? lookup(gcp) : GcpStatus::Valid;
}
} // namespace linters

} // namespace dpp::gs1
