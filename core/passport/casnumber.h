// CAS Registry Numbers ("7440-48-4"): format and check digit, so a typo in a
// substance declaration is caught before it reaches a passport.
#pragma once

#include <QString>

namespace dpp::passport {

// Empty when `cas` is a well-formed CAS number with the right check digit,
// otherwise the reason ("check digit should be 4, got 5").
QString casNumberProblem(const QString& cas);

} // namespace dpp::passport
