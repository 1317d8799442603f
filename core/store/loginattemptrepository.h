// LoginAttemptRepository: failed-login counters per subject ("email:…", "ip:…"), kept in
// the store so every dppserver process on one database sees the same counts and locks.
#pragma once

#include "database.h"

#include <QDateTime>

namespace dpp::store {

class LoginAttemptRepository
{
public:
    struct State
    {
        int failures = 0;
        QDateTime lockedUntil; // invalid = not locked
    };

    /// The subject's counters; failures older than `window` are forgotten.
    static State get(Database& db, const QString& subject, qint64 windowSeconds);
    /// Counts one more failure (atomically, so concurrent processes do not lose counts) and
    /// returns the new count.
    static int addFailure(Database& db, const QString& subject, qint64 windowSeconds);
    static Status lock(Database& db, const QString& subject, const QDateTime& until);
    static Status clear(Database& db, const QString& subject);
};

} // namespace dpp::store
