// GS1 mod-10 check digits (GTIN, GLN, SSCC, GSIN, GSRN, …): one implementation
// for every numeric key.
#pragma once

#include <string_view>

namespace dpp::gs1 {

// Check digit for `body` (all digits, without the check digit): weights 3,1,3,…
// counted from the right. Returns -1 when body is empty or has a non-digit.
int mod10CheckDigit(std::string_view body);

// True when `digits` (body + check digit) is all digits and the last one is right.
bool hasValidMod10(std::string_view digits);

} // namespace dpp::gs1
