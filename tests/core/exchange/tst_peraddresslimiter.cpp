// SPDX-License-Identifier: MIT
// Tests of the per-address action budget: initial buffer, throttling, the cancel allowance, volume and sync.
#include <QtTest>

#include "exchange/hyperliquid/http/peraddresslimiter.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

const std::string kAlice = "0x1111111111111111111111111111111111111111";
const std::string kBob = "0x2222222222222222222222222222222222222222";

/// A small budget so the tests stay short: 10 actions, 1 per 2 USDC traded, then 1 per second; cancels +5.
const PerAddressLimits kSmall{10, 0.5, 1000, 5};

} // namespace

class TstPerAddressLimiter : public QObject
{
    Q_OBJECT

private:
    std::int64_t m_now = 0;

    PerAddressLimiter::ClockMs clock()
    {
        return [this] { return m_now; };
    }

private slots:
    void init() { m_now = 5'000'000; }

    void documentedFigures()
    {
        const PerAddressLimits limits = hyperliquidPerAddressLimits();
        QCOMPARE(limits.initialRequests, std::int64_t(10'000));
        QCOMPARE(limits.requestsPerUsdVolume, 1.0);
        QCOMPARE(limits.throttledIntervalMs, std::int64_t(10'000));
        PerAddressLimiter limiter(limits, clock());
        QCOMPARE(limiter.cap(kAlice), std::int64_t(10'000));
        QCOMPARE(limiter.cancelCap(kAlice), std::int64_t(20'000)); // min(10,000 + 100,000, 2 x 10,000)
        limiter.addVolume(kAlice, 200'000.0);
        QCOMPARE(limiter.cap(kAlice), std::int64_t(210'000));
        QCOMPARE(limiter.cancelCap(kAlice), std::int64_t(310'000)); // min(210,000 + 100,000, 420,000)
    }

    void throttlesAfterTheBuffer()
    {
        PerAddressLimiter limiter(kSmall, clock());
        QVERIFY(limiter.tryAcquire(kAlice, 7, false).has_value()); // a batch of 7 counts 7
        QVERIFY(limiter.tryAcquire(kAlice, 3, false).has_value());
        QCOMPARE(limiter.used(kAlice), std::int64_t(10));
        // Past the cap one action goes through at once, then one per second.
        QVERIFY(limiter.tryAcquire(kAlice, 1, false).has_value());
        const auto refused = limiter.tryAcquire(kAlice, 1, false);
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind(), ErrorKind::RateLimit);
        QCOMPARE(refused.error().retryAfter()->count(), 1000);
        QVERIFY(refused.error().message().find(kAlice) != std::string::npos);
        m_now += 999;
        QCOMPARE(limiter.tryAcquire(kAlice, 1, false).error().retryAfter()->count(), 1);
        m_now += 1;
        QVERIFY(limiter.tryAcquire(kAlice, 1, false).has_value());
        QCOMPARE(limiter.used(kAlice), std::int64_t(12));
        // Another address has its own budget.
        QVERIFY(limiter.tryAcquire(kBob, 10, false).has_value());
        QCOMPARE(limiter.used(kBob), std::int64_t(10));
    }

    void cancelsGetMoreRoom()
    {
        PerAddressLimiter limiter(kSmall, clock());
        QVERIFY(limiter.tryAcquire(kAlice, 10, false).has_value());
        QCOMPARE(limiter.cancelCap(kAlice), std::int64_t(15)); // min(10 + 5, 20)
        for (int i = 0; i < 5; ++i)
            QVERIFY(limiter.tryAcquire(kAlice, 1, true).has_value());
        // The cancel cap is used up too: throttled like the rest.
        QVERIFY(limiter.tryAcquire(kAlice, 1, true).has_value());
        QCOMPARE(limiter.tryAcquire(kAlice, 1, true).error().retryAfter()->count(), 1000);
        QCOMPARE(limiter.tryAcquire(kAlice, 1, false).error().retryAfter()->count(), 1000);
    }

    void volumeRaisesTheCap()
    {
        PerAddressLimiter limiter(kSmall, clock());
        QVERIFY(limiter.tryAcquire(kAlice, 10, false).has_value());
        limiter.addVolume(kAlice, 5.0); // 2.5 actions: 2 whole ones
        QCOMPARE(limiter.cap(kAlice), std::int64_t(12));
        QVERIFY(limiter.tryAcquire(kAlice, 2, false).has_value());
        limiter.addVolume(kAlice, 1.0); // 3.0 in all: one more
        QVERIFY(limiter.tryAcquire(kAlice, 1, false).has_value());
        QCOMPARE(limiter.used(kAlice), std::int64_t(13));
    }

    void syncTakesTheExchangeFigures()
    {
        PerAddressLimiter limiter(kSmall, clock());
        limiter.sync(kAlice, 40, 50);
        QCOMPARE(limiter.used(kAlice), std::int64_t(40));
        QCOMPARE(limiter.cap(kAlice), std::int64_t(50));
        QVERIFY(limiter.tryAcquire(kAlice, 10, false).has_value());
        QVERIFY(limiter.tryAcquire(kAlice, 1, false).has_value()); // the throttled one
        QVERIFY(!limiter.tryAcquire(kAlice, 1, false).has_value());
        QCOMPARE(limiter.used(kBob), std::int64_t(0));
        QCOMPARE(limiter.cap(kBob), std::int64_t(10));
    }
};

QTEST_GUILESS_MAIN(TstPerAddressLimiter)
#include "tst_peraddresslimiter.moc"
