#include "loginthrottle.h"

#include "store/loginattemptrepository.h"

#include <QDateTime>
#include <algorithm>

namespace dpp::server {

using store::LoginAttemptRepository;

namespace {
QString accountSubject(const QString& email)
{
    return QStringLiteral("email:") + email.trimmed().toLower();
}
QString ipSubject(const QString& ip)
{
    return QStringLiteral("ip:") + ip;
}
} // namespace

int LoginThrottle::retryAfter(store::Database& db, const QString& email, const QString& ip)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 wait = 0;
    for (const QString& subject : {accountSubject(email), ipSubject(ip)}) {
        const auto state = LoginAttemptRepository::get(db, subject, kWindowSeconds);
        if (state.lockedUntil.isValid() && state.lockedUntil > now)
            wait = std::max(wait, (now.msecsTo(state.lockedUntil) + 999) / 1000);
    }
    return int(wait);
}

void LoginThrottle::failed(store::Database& db, const QString& email, const QString& ip)
{
    count(db, accountSubject(email), kAccountFreeFailures);
    count(db, ipSubject(ip), kIpFreeFailures);
}

void LoginThrottle::succeeded(store::Database& db, const QString& email)
{
    LoginAttemptRepository::clear(db, accountSubject(email));
}

void LoginThrottle::count(store::Database& db, const QString& subject, int freeFailures)
{
    const int failures = LoginAttemptRepository::addFailure(db, subject, kWindowSeconds);
    if (failures < freeFailures)
        return;
    const int doublings = std::min(failures - freeFailures, 6); // 60 s · 2^6 > 1 h
    const qint64 seconds = std::min(kFirstLockSeconds << doublings, kMaxLockSeconds);
    LoginAttemptRepository::lock(db, subject, QDateTime::currentDateTimeUtc().addSecs(seconds));
}

} // namespace dpp::server
