// LoginThrottle: slows, then bans, password guessing per account and per client IP. The
// counters live in the store (LoginAttemptRepository), so every dppserver process on one
// database enforces the same lock from the next request on.
//
// Policy: failures within a 15-minute window are counted. From the 5th failure on an
// account (20th from one IP, where many people may share a NAT) every further failure
// locks the subject for 60 s, doubling each time up to one hour. While locked, logins are
// answered 429 with Retry-After without checking the password, even a correct one. A
// successful login clears the account's counter (not the IP's, or an attacker could reset
// it with an account of their own).
#pragma once

#include "store/database.h"

namespace dpp::server {

class LoginThrottle
{
public:
    static constexpr int kAccountFreeFailures = 5;
    static constexpr int kIpFreeFailures = 20;
    static constexpr qint64 kWindowSeconds = 15 * 60;
    static constexpr qint64 kFirstLockSeconds = 60;
    static constexpr qint64 kMaxLockSeconds = 3600;

    /// Seconds until `email` may try again from `ip`; 0 when it may try now.
    static int retryAfter(store::Database& db, const QString& email, const QString& ip);
    /// Counts a failed attempt and locks when the policy says so.
    static void failed(store::Database& db, const QString& email, const QString& ip);
    static void succeeded(store::Database& db, const QString& email);

private:
    static void count(store::Database& db, const QString& subject, int freeFailures);
};

} // namespace dpp::server
