// ISO 3166-1 alpha-2 country codes: the only country form we store.
#pragma once

#include <QStringView>

namespace dpp::passport {

// True for an assigned ISO 3166-1 alpha-2 code in upper case ("DE", "SK").
bool isIsoCountry(QStringView code);

} // namespace dpp::passport
