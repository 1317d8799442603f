// Linters for the North American coupon structures: the coupon code of AI 8110
// (NACC, "North American Coupon Application Guideline Using GS1 DataBar
// Expanded Symbols") and the positive offer file coupon of AI 8112.
#include "linters_p.h"

namespace dpp::gs1::linters {
namespace {

// Walks a coupon left to right. Coupons are runs of digits in which a
// variable-length indicator (VLI) digit gives the length of the next field, so
// most errors are "field missing", "bad indicator" or "field cut short".
class CouponReader
{
public:
    explicit CouponReader(std::string_view data) : m_data(data) {}

    bool atEnd() const { return m_pos == m_data.size(); }
    char peek() const { return m_data[m_pos]; }
    std::size_t position() const { return m_pos; }
    void skip(std::size_t n) { m_pos += n; }
    bool nextIs(char c) const { return !atEnd() && peek() == c; }

    // A field that must come next is absent: the whole coupon is highlighted.
    Result missing(const char* code) const { return failWhole(code, m_data); }
    // The digit under the cursor is not allowed here.
    Result badDigit(const char* code) const { return fail(code, m_pos, 1); }

    // Fails unless `length` digits remain. A cut-short field highlights what is
    // left of it, or the whole coupon when nothing is left.
    Result require(std::size_t length, const char* code) const
    {
        const std::size_t left = m_data.size() - m_pos;
        if (left >= length)
            return std::nullopt;
        return left == 0 ? missing(code) : fail(code, m_pos, left);
    }

    // A single-digit field whose allowed values are `allowed`.
    Result digitField(std::string_view allowed, const char* missingCode, const char* invalidCode)
    {
        if (atEnd())
            return missing(missingCode);
        if (allowed.find(peek()) == std::string_view::npos)
            return badDigit(invalidCode);
        skip(1);
        return std::nullopt;
    }

    // A VLI digit from `allowed` followed by a field of (digit + offset)
    // characters; sets `length` to that field's length and leaves the cursor on it.
    Result vliField(std::string_view allowed, int offset, const char* missingCode,
                    const char* invalidCode, const char* truncatedCode, std::size_t& length)
    {
        if (atEnd())
            return missing(missingCode);
        if (allowed.find(peek()) == std::string_view::npos)
            return badDigit(invalidCode);
        length = static_cast<std::size_t>(peek() - '0' + offset);
        skip(1);
        return require(length, truncatedCode);
    }

    // The `length` digits under the cursor must begin with a GS1 Company Prefix.
    Result companyPrefix(std::size_t length)
    {
        if (length > 0) {
            if (const Result bad = gcppos1(m_data.substr(m_pos, length)))
                return fail(bad->code, m_pos, length);
        }
        skip(length);
        return std::nullopt;
    }

    std::string_view take(std::size_t length)
    {
        const std::string_view field = m_data.substr(m_pos, length);
        skip(length);
        return field;
    }

private:
    std::string_view m_data;
    std::size_t m_pos = 0;
};

// Codes of one purchase requirement block; the coupon has up to three.
struct PurchaseCodes
{
    const char* missingVli;
    const char* invalidLength;
    const char* truncated;
    const char* missingCode;
    const char* invalidCode;
    const char* truncatedFamily;
};

constexpr PurchaseCodes kFirstPurchase{
    "GS1_LINTER_COUPON_MISSING_1ST_PURCHASE_REQUIREMENT_VLI",
    "GS1_LINTER_COUPON_INVALID_1ST_PURCHASE_REQUIREMENT_LENGTH",
    "GS1_LINTER_COUPON_TRUNCATED_1ST_PURCHASE_REQUIREMENT",
    "GS1_LINTER_COUPON_MISSING_1ST_PURCHASE_REQUIREMENT_CODE",
    "GS1_LINTER_COUPON_INVALID_1ST_PURCHASE_REQUIREMENT_CODE",
    "GS1_LINTER_COUPON_TRUNCATED_1ST_PURCHASE_FAMILY_CODE",
};
constexpr PurchaseCodes kSecondPurchase{
    "GS1_LINTER_COUPON_MISSING_2ND_PURCHASE_REQUIREMENT_VLI",
    "GS1_LINTER_COUPON_INVALID_2ND_PURCHASE_REQUIREMENT_LENGTH",
    "GS1_LINTER_COUPON_TRUNCATED_2ND_PURCHASE_REQUIREMENT",
    "GS1_LINTER_COUPON_MISSING_2ND_PURCHASE_REQUIREMENT_CODE",
    "GS1_LINTER_COUPON_INVALID_2ND_PURCHASE_REQUIREMENT_CODE",
    "GS1_LINTER_COUPON_TRUNCATED_2ND_PURCHASE_FAMILY_CODE",
};
constexpr PurchaseCodes kThirdPurchase{
    "GS1_LINTER_COUPON_MISSING_3RD_PURCHASE_REQUIREMENT_VLI",
    "GS1_LINTER_COUPON_INVALID_3RD_PURCHASE_REQUIREMENT_LENGTH",
    "GS1_LINTER_COUPON_TRUNCATED_3RD_PURCHASE_REQUIREMENT",
    "GS1_LINTER_COUPON_MISSING_3RD_PURCHASE_REQUIREMENT_CODE",
    "GS1_LINTER_COUPON_INVALID_3RD_PURCHASE_REQUIREMENT_CODE",
    "GS1_LINTER_COUPON_TRUNCATED_3RD_PURCHASE_FAMILY_CODE",
};

// Requirement (VLI 1–5 + value), requirement code (0–4 or 9), family code (3 digits).
Result purchaseRequirement(CouponReader& r, const PurchaseCodes& codes)
{
    std::size_t length = 0;
    if (auto bad =
            r.vliField("12345", 0, codes.missingVli, codes.invalidLength, codes.truncated, length))
        return bad;
    r.skip(length);
    if (auto bad = r.digitField("012349", codes.missingCode, codes.invalidCode))
        return bad;
    if (auto bad = r.require(3, codes.truncatedFamily))
        return bad;
    r.skip(3);
    return std::nullopt;
}

// Company prefix of an additional purchase: VLI 0–6 (6–12 digits) or 9, which
// means "same company as the primary purchase" and carries no digits.
Result purchaseCompanyPrefix(CouponReader& r, const char* missingCode, const char* invalidCode,
                             const char* truncatedCode)
{
    if (r.atEnd())
        return r.missing(missingCode);
    if (r.peek() == '9') {
        r.skip(1);
        return std::nullopt;
    }
    std::size_t length = 0;
    if (auto bad = r.vliField("0123456", 6, missingCode, invalidCode, truncatedCode, length))
        return bad;
    return r.companyPrefix(length);
}

// A YYMMDD date after its option digit; returns the date in `date`.
Result couponDate(CouponReader& r, const char* shortCode, const char* invalidCode,
                  std::string_view& date)
{
    if (auto bad = r.require(6, shortCode))
        return bad;
    const std::size_t at = r.position();
    date = r.take(6);
    if (yymmdd(date))
        return fail(invalidCode, at, 6);
    return std::nullopt;
}

// Serial number: VLI 0–9 for 6–15 digits. Every digit is a valid VLI, so only
// a missing indicator or a short number can fail.
Result serialNumber(CouponReader& r)
{
    std::size_t length = 0;
    const char* missing = "GS1_LINTER_COUPON_MISSING_SERIAL_NUMBER_VLI";
    if (auto bad = r.vliField("0123456789", 6, missing, missing,
                              "GS1_LINTER_COUPON_TRUNCATED_SERIAL_NUMBER", length))
        return bad;
    r.skip(length);
    return std::nullopt;
}

} // namespace

Result couponcode(std::string_view data)
{
    if (auto bad = requireDigits(data))
        return bad;
    CouponReader r(data);
    std::size_t length = 0;

    // Primary company prefix (VLI 0–6: 6–12 digits), offer code, save value.
    if (auto bad = r.vliField("0123456", 6, "GS1_LINTER_COUPON_MISSING_GCP_VLI",
                              "GS1_LINTER_COUPON_INVALID_GCP_LENGTH",
                              "GS1_LINTER_COUPON_TRUNCATED_GCP", length))
        return bad;
    if (auto bad = r.companyPrefix(length))
        return bad;
    if (auto bad = r.require(6, "GS1_LINTER_COUPON_TRUNCATED_OFFER_CODE"))
        return bad;
    r.skip(6);
    if (auto bad = r.vliField("12345", 0, "GS1_LINTER_COUPON_MISSING_SAVE_VALUE_VLI",
                              "GS1_LINTER_COUPON_INVALID_SAVE_VALUE_LENGTH",
                              "GS1_LINTER_COUPON_TRUNCATED_SAVE_VALUE", length))
        return bad;
    r.skip(length);
    if (auto bad = purchaseRequirement(r, kFirstPurchase))
        return bad;

    // Optional fields follow, each introduced by its digit, in ascending order.
    if (r.nextIs('1')) { // additional purchase rules and second purchase
        r.skip(1);
        if (auto bad =
                r.digitField("0123", "GS1_LINTER_COUPON_MISSING_ADDITIONAL_PURCHASE_RULES_CODE",
                             "GS1_LINTER_COUPON_INVALID_ADDITIONAL_PURCHASE_RULES_CODE"))
            return bad;
        if (auto bad = purchaseRequirement(r, kSecondPurchase))
            return bad;
        if (auto bad = purchaseCompanyPrefix(r, "GS1_LINTER_COUPON_MISSING_2ND_PURCHASE_GCP_VLI",
                                             "GS1_LINTER_COUPON_INVALID_2ND_PURCHASE_GCP_LENGTH",
                                             "GS1_LINTER_COUPON_TRUNCATED_2ND_PURCHASE_GCP"))
            return bad;
    }
    if (r.nextIs('2')) { // third purchase
        r.skip(1);
        if (auto bad = purchaseRequirement(r, kThirdPurchase))
            return bad;
        if (auto bad = purchaseCompanyPrefix(r, "GS1_LINTER_COUPON_MISSING_3RD_PURCHASE_GCP_VLI",
                                             "GS1_LINTER_COUPON_INVALID_3RD_PURCHASE_GCP_LENGTH",
                                             "GS1_LINTER_COUPON_TRUNCATED_3RD_PURCHASE_GCP"))
            return bad;
    }
    std::string_view expiry;
    std::size_t expiryField = 0;
    if (r.nextIs('3')) { // expiration date
        expiryField = r.position();
        r.skip(1);
        if (auto bad = couponDate(r, "GS1_LINTER_COUPON_TOO_SHORT_FOR_EXPIRATION_DATE",
                                  "GS1_LINTER_COUPON_INVALID_EXIPIRATION_DATE", expiry))
            return bad;
    }
    if (r.nextIs('4')) { // start date
        r.skip(1);
        std::string_view start;
        if (auto bad = couponDate(r, "GS1_LINTER_COUPON_TOO_SHORT_FOR_START_DATE",
                                  "GS1_LINTER_COUPON_INVALID_START_DATE", start))
            return bad;
        // Both YYMMDD in the same century window, so text order is date order.
        // The highlight runs from the expiry option digit to the end of the start date.
        if (!expiry.empty() && start > expiry)
            return fail("GS1_LINTER_COUPON_EXPIRATION_BEFORE_START", expiryField,
                        r.position() - expiryField);
    }
    if (r.nextIs('5')) { // serial number
        r.skip(1);
        if (auto bad = serialNumber(r))
            return bad;
    }
    if (r.nextIs('6')) { // retailer company prefix or GLN (VLI 1–7: 7–13 digits)
        r.skip(1);
        if (auto bad = r.vliField("1234567", 6, "GS1_LINTER_COUPON_MISSING_RETAILER_GCP_OR_GLN_VLI",
                                  "GS1_LINTER_COUPON_INVALID_RETAILER_GCP_OR_GLN_LENGTH",
                                  "GS1_LINTER_COUPON_TRUNCATED_RETAILER_GCP_OR_GLN", length))
            return bad;
        if (auto bad = r.companyPrefix(length))
            return bad;
    }
    if (r.nextIs('9')) { // miscellaneous
        r.skip(1);
        if (auto bad = r.digitField("01256", "GS1_LINTER_COUPON_MISSING_SAVE_VALUE_CODE",
                                    "GS1_LINTER_COUPON_INVALID_SAVE_VALUE_CODE"))
            return bad;
        if (auto bad = r.digitField("012", "GS1_LINTER_COUPON_MISSING_SAVE_VALUE_APPLIES_TO_ITEM",
                                    "GS1_LINTER_COUPON_INVALID_SAVE_VALUE_APPLIES_TO_ITEM"))
            return bad;
        // The store coupon flag may be any digit.
        if (auto bad = r.digitField("0123456789", "GS1_LINTER_COUPON_MISSING_STORE_COUPON_FLAG",
                                    "GS1_LINTER_COUPON_MISSING_STORE_COUPON_FLAG"))
            return bad;
        if (auto bad = r.digitField("01", "GS1_LINTER_COUPON_MISSING_DONT_MULTIPLY_FLAG",
                                    "GS1_LINTER_COUPON_INVALID_DONT_MULTIPLY_FLAG"))
            return bad;
    }
    if (!r.atEnd())
        return fail("GS1_LINTER_COUPON_EXCESS_DATA", r.position(), data.size() - r.position());
    return std::nullopt;
}

Result couponposoffer(std::string_view data)
{
    if (auto bad = requireDigits(data))
        return bad;
    CouponReader r(data);
    std::size_t length = 0;
    if (auto bad = r.digitField("01", "GS1_LINTER_COUPON_MISSING_FORMAT_CODE",
                                "GS1_LINTER_COUPON_INVALID_FORMAT_CODE"))
        return bad;
    // Funder ID (VLI 0–6: 6–12 digits); the funder need not be a registered GCP.
    if (auto bad = r.vliField("0123456", 6, "GS1_LINTER_COUPON_MISSING_FUNDER_VLI",
                              "GS1_LINTER_COUPON_INVALID_FUNDER_LENGTH",
                              "GS1_LINTER_COUPON_TRUNCATED_FUNDER", length))
        return bad;
    r.skip(length);
    if (auto bad = r.require(6, "GS1_LINTER_COUPON_TRUNCATED_OFFER_CODE"))
        return bad;
    r.skip(6);
    if (auto bad = serialNumber(r))
        return bad;
    if (!r.atEnd())
        return fail("GS1_LINTER_COUPON_EXCESS_DATA", r.position(), data.size() - r.position());
    return std::nullopt;
}

} // namespace dpp::gs1::linters
