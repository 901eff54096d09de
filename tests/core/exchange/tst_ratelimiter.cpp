// SPDX-License-Identifier: MIT
// Tests of the IP weight budget: refill over a minute, the reserved share, retry delays, overcharges.
#include <QtTest>

#include "exchange/hyperliquid/http/ratelimiter.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

/// The reference budget: 1200 weight per minute (20 per second), 20 % kept for protective requests.
const sixbtc::config::RateLimitSettings kSettings{1200, 0.2};

} // namespace

class TstRateLimiter : public QObject
{
    Q_OBJECT

private:
    std::int64_t m_now = 0;

    RateLimiter::ClockMs clock()
    {
        return [this] { return m_now; };
    }

private slots:
    void init() { m_now = 1'000'000; }

    void normalRequestsLeaveTheReservedShare()
    {
        RateLimiter limiter(kSettings, clock());
        QCOMPARE(limiter.available(), std::int64_t(1200));
        for (int i = 0; i < 960; ++i)
            QVERIFY(limiter.tryAcquire(1, RequestPriority::Normal).has_value());
        // 240 = 20 % of 1200 is left: a normal request waits for one weight (60000 ms / 1200 = 50 ms)...
        const auto refused = limiter.tryAcquire(1, RequestPriority::Normal);
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind(), ErrorKind::RateLimit);
        QCOMPARE(refused.error().retryAfter()->count(), 50);
        // ...while cancels and reduce-only closes use the reserve, down to zero.
        for (int i = 0; i < 240; ++i)
            QVERIFY(limiter.tryAcquire(1, RequestPriority::Protective).has_value());
        QCOMPARE(limiter.available(), std::int64_t(0));
        const auto empty = limiter.tryAcquire(2, RequestPriority::Protective);
        QVERIFY(!empty.has_value());
        QCOMPARE(empty.error().retryAfter()->count(), 100);
        // A normal request must wait until the reserve is back and its own weight has come in: (240 + 1) x 50 ms.
        QCOMPARE(limiter.tryAcquire(1, RequestPriority::Normal).error().retryAfter()->count(), 241 * 50);
    }

    void retryAfterIsExact()
    {
        RateLimiter limiter(kSettings, clock());
        QVERIFY(limiter.tryAcquire(960, RequestPriority::Normal).has_value());
        const auto refused = limiter.tryAcquire(20, RequestPriority::Normal);
        QCOMPARE(refused.error().retryAfter()->count(), 1000); // 20 weight at 20 per second
        m_now += 999;
        QVERIFY(!limiter.tryAcquire(20, RequestPriority::Normal).has_value());
        m_now += 1;
        QVERIFY(limiter.tryAcquire(20, RequestPriority::Normal).has_value());
    }

    void refillsContinuouslyUpToTheCapacity()
    {
        RateLimiter limiter(kSettings, clock());
        QVERIFY(limiter.tryAcquire(1200, RequestPriority::Protective).has_value());
        m_now += 30'000;
        QCOMPARE(limiter.available(), std::int64_t(600));
        m_now += 10 * 60'000;
        QCOMPARE(limiter.available(), std::int64_t(1200)); // never above one minute's worth
        m_now -= 5'000;                                    // a clock that steps back adds nothing
        QCOMPARE(limiter.available(), std::int64_t(1200));
    }

    void chargesWeightLearnedAfterTheAnswer()
    {
        RateLimiter limiter(kSettings, clock());
        QVERIFY(limiter.tryAcquire(1100, RequestPriority::Protective).has_value());
        limiter.charge(150); // e.g. 3000 fills returned: 150 extra
        QCOMPARE(limiter.available(), std::int64_t(-50));
        const auto refused = limiter.tryAcquire(1, RequestPriority::Protective);
        QCOMPARE(refused.error().retryAfter()->count(), 51 * 50);
    }

    void refusesWeightsThatNeverFit()
    {
        RateLimiter limiter({100, 0.5}, clock());
        const auto normal = limiter.tryAcquire(60, RequestPriority::Normal);
        QVERIFY(!normal.has_value());
        QCOMPARE(normal.error().kind(), ErrorKind::Exchange);
        QVERIFY(normal.error().message().find("hyperliquid.rate_limit") != std::string::npos);
        QVERIFY(limiter.tryAcquire(60, RequestPriority::Protective).has_value());
        QCOMPARE(limiter.available(), std::int64_t(40)); // the refused request took nothing
    }
};

QTEST_GUILESS_MAIN(TstRateLimiter)
#include "tst_ratelimiter.moc"
