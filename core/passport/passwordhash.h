// PasswordHash: argon2id password strings (libsodium crypto_pwhash_str) for account
// logins, and the password rules a new password must meet.
#pragma once

#include "result.h"

#include <QString>

namespace dpp::passport {

class PasswordHash
{
public:
    static constexpr int kMinLength = 8;
    static constexpr int kMaxLength = 1024; // bounds the hashing work one request can cause

    /// Checks a new password; Error with param `param` when it is too short or too long.
    static Status check(const QString& password, const QString& param = QStringLiteral("password"));
    /// The self-describing argon2id string ("$argon2id$v=19$m=…"); salt included.
    static Result<QString> hash(const QString& password);
    /// True when `password` matches `encoded`; false for any malformed input.
    static bool verify(const QString& encoded, const QString& password);
    /// A hash of a random password: verifying against it costs what a real check costs, so
    /// an unknown e-mail answers as slowly as a wrong password.
    static const QString& decoy();
};

} // namespace dpp::passport
