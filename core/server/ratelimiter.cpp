#include "ratelimiter.h"

#include <QDeadlineTimer>
#include <algorithm>
#include <cmath>

namespace dpp::server {

namespace {
constexpr qsizetype kPruneAbove = 10000; // buckets kept before full ones are dropped
}

RateLimiter::RateLimiter(int defaultPerMinute)
    : m_defaultPerMinute(defaultPerMinute),
      m_clock([] { return QDeadlineTimer::current().deadline(); })
{}

RateLimiter::Decision RateLimiter::take(const QString& key, int perMinute)
{
    const int limit = perMinute > 0 ? perMinute : m_defaultPerMinute;
    if (limit <= 0)
        return Decision{true, 0, 0, 0};

    const qint64 now = m_clock();
    const double perMs = limit / 60000.0;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= kPruneAbove)
            prune(now);
        it = m_buckets.insert(key, Bucket{double(limit), now, limit});
    }
    Bucket& b = *it;
    if (b.limit != limit) {
        if (limit > b.limit)
            b.tokens += limit - b.limit;
        b.limit = limit;
    }
    b.tokens = std::min<double>(limit, b.tokens + std::max<qint64>(0, now - b.updatedMs) * perMs);
    b.updatedMs = now;

    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return Decision{true, limit, int(b.tokens), 0};
    }
    const double waitMs = (1.0 - b.tokens) / perMs;
    return Decision{false, limit, 0, std::max(1, int(std::ceil(waitMs / 1000.0)))};
}

void RateLimiter::prune(qint64 nowMs)
{
    // Any bucket refills completely within one minute, whatever its limit, and a full
    // bucket is indistinguishable from a new one.
    for (auto it = m_buckets.begin(); it != m_buckets.end();)
        it = (nowMs - it->updatedMs >= 60000) ? m_buckets.erase(it) : std::next(it);
}

} // namespace dpp::server
