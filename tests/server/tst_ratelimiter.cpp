// RateLimiter: token-bucket arithmetic on an injected clock (time is moved, never waited).
#include <QTest>
#include <server/ratelimiter.h>

using dpp::server::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenRefill()
    {
        qint64 now = 0;
        RateLimiter limiter(100);
        limiter.setClock([&] { return now; });
        for (int i = 0; i < 100; ++i)
            QVERIFY2(limiter.take(QStringLiteral("ip:1")).allowed, qPrintable(QString::number(i)));
        auto d = limiter.take(QStringLiteral("ip:1"));
        QVERIFY(!d.allowed);
        QCOMPARE(d.limit, 100);
        QCOMPARE(d.retryAfterSeconds, 1); // one token every 0.6 s, rounded up
        now += 600;
        QVERIFY(limiter.take(QStringLiteral("ip:1")).allowed);
        QVERIFY(!limiter.take(QStringLiteral("ip:1")).allowed);
        // Other keys are untouched.
        d = limiter.take(QStringLiteral("ip:2"));
        QVERIFY(d.allowed);
        QCOMPARE(d.remaining, 99);
    }

    void perKeyLimitAndRetryAfter()
    {
        qint64 now = 5'000;
        RateLimiter limiter(100);
        limiter.setClock([&] { return now; });
        QVERIFY(limiter.take(QStringLiteral("key:a"), 2).allowed);
        QVERIFY(limiter.take(QStringLiteral("key:a"), 2).allowed);
        const auto d = limiter.take(QStringLiteral("key:a"), 2);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterSeconds, 30);
        now += 29'999;
        QVERIFY(!limiter.take(QStringLiteral("key:a"), 2).allowed);
        now += 1;
        QVERIFY(limiter.take(QStringLiteral("key:a"), 2).allowed);
        // A long pause refills only up to the limit, not beyond.
        now += 3'600'000;
        QVERIFY(limiter.take(QStringLiteral("key:a"), 2).allowed);
        QVERIFY(limiter.take(QStringLiteral("key:a"), 2).allowed);
        QVERIFY(!limiter.take(QStringLiteral("key:a"), 2).allowed);
    }

    void zeroDisables()
    {
        RateLimiter limiter(0);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(limiter.take(QStringLiteral("ip:x")).allowed);
    }

    void clockGoingBackwardsDoesNotMintTokens()
    {
        qint64 now = 100'000;
        RateLimiter limiter(1);
        limiter.setClock([&] { return now; });
        QVERIFY(limiter.take(QStringLiteral("k")).allowed);
        now -= 50'000;
        QVERIFY(!limiter.take(QStringLiteral("k")).allowed);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
