// SecretToken: opaque bearer secrets (sessions "ses_", OAuth2 codes and tokens). 256
// random bits with a readable prefix; only the SHA-256 is ever stored.
#pragma once

#include <QString>

namespace dpp::passport {

class SecretToken
{
public:
    /// prefix + 43 base64url characters from the OS random generator.
    static QString generate(const QString& prefix);
    /// Lower-case SHA-256 hex of the secret, as stored.
    static QString hash(const QString& secret);
};

} // namespace dpp::passport
