// RateLimiter: token buckets keyed by API key or client IP. A bucket holds up to `limit`
// requests and refills at limit per minute, so short bursts pass and a steady flood does
// not. The clock is injectable so tests can move time instead of sleeping.
#pragma once

#include <QHash>
#include <QString>
#include <functional>

namespace dpp::server {

class RateLimiter
{
public:
    /// Milliseconds on a monotonic clock.
    using Clock = std::function<qint64()>;

    struct Decision
    {
        bool allowed = true;
        int limit = 0;             // requests per minute for this key
        int remaining = 0;         // whole requests left right now
        int retryAfterSeconds = 0; // when refused: seconds until one request is allowed
    };

    explicit RateLimiter(int defaultPerMinute = 100);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setDefaultPerMinute(int perMinute) { m_defaultPerMinute = perMinute; }
    int defaultPerMinute() const { return m_defaultPerMinute; }

    /// Takes one request from the bucket of `key`. perMinute ≤ 0 uses the default; a
    /// default ≤ 0 disables limiting. When a key's limit changes (it is read from the store
    /// on every request), a lower limit caps the bucket at once and a higher one adds the
    /// difference at once, so an operator raising a throttled key's limit is obeyed on
    /// its next request rather than after a refill.
    Decision take(const QString& key, int perMinute = 0);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
        int limit = 0;
    };
    void prune(qint64 nowMs);

    int m_defaultPerMinute;
    Clock m_clock;
    QHash<QString, Bucket> m_buckets;
};

} // namespace dpp::server
