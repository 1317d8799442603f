// Gtin: a Global Trade Item Number, validated and normalised to 14 digits.
// Accepts GTIN-8/12/13/14 as users type them (surrounding whitespace trimmed).
#pragma once

#include "result.h"

#include <QString>

namespace dpp::gs1 {

class Gtin
{
public:
    // Parses GTIN-8, -12, -13 or -14. Errors say what is wrong, e.g.
    // "check digit should be 2, got 7" (param "gtin").
    static Result<Gtin> parse(QStringView input);

    // True when `input` would parse.
    static bool isValid(QStringView input) { return parse(input).ok(); }

    // The normalised 14-digit form (left-padded with zeros).
    const QString& gtin14() const { return m_gtin14; }
    // The shortest standard form: GTIN-8, -12 or -13 when the leading zeros allow it.
    QString shortest() const;

    bool operator==(const Gtin& other) const { return m_gtin14 == other.m_gtin14; }

private:
    explicit Gtin(QString gtin14) : m_gtin14(std::move(gtin14)) {}
    QString m_gtin14;
};

} // namespace dpp::gs1
