// SPDX-License-Identifier: MIT
// Reconnect backoff: exponential growth capped at max_ms, jitter within +-jitter, seeded determinism, reset.
#include <QtTest>

#include "exchange/hyperliquid/websocket/reconnectbackoff.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::config::WsReconnectSettings;

class TstWsBackoff : public QObject
{
    Q_OBJECT

private slots:
    void baseDoublesUpToTheCap()
    {
        const ReconnectBackoff backoff(WsReconnectSettings{500, 30000, 0.2}, 1);
        // 500, 1000, 2000, 4000, 8000, 16000, then capped at 30000.
        const std::int64_t expected[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (int i = 0; i < 8; ++i)
            QCOMPARE(backoff.baseDelayMs(i), expected[i]);
        QCOMPARE(backoff.baseDelayMs(1000), 30000);
        QCOMPARE(backoff.upperBoundMs(0), 600);
        QCOMPARE(backoff.upperBoundMs(9), 36000);
    }

    void jitterStaysWithinBounds_data()
    {
        QTest::addColumn<double>("jitter");
        QTest::newRow("none") << 0.0;
        QTest::newRow("20%") << 0.2;
        QTest::newRow("50%") << 0.5;
    }

    void jitterStaysWithinBounds()
    {
        QFETCH(double, jitter);
        for (std::uint64_t seed = 1; seed <= 50; ++seed) {
            ReconnectBackoff backoff(WsReconnectSettings{100, 5000, jitter}, seed);
            double lowest = 10.0;
            double highest = 0.0;
            for (int attempt = 0; attempt < 12; ++attempt) {
                const double base = double(backoff.baseDelayMs(attempt));
                const std::int64_t delay = backoff.nextDelayMs();
                const double ratio = double(delay) / base;
                QVERIFY2(ratio >= 1.0 - jitter - 0.01 && ratio <= 1.0 + jitter + 0.01,
                         qPrintable(QStringLiteral("seed %1 attempt %2 delay %3").arg(seed).arg(attempt).arg(delay)));
                lowest = std::min(lowest, ratio);
                highest = std::max(highest, ratio);
            }
            if (jitter == 0.0)
                QCOMPARE(lowest, 1.0);
        }
    }

    void jitterActuallySpreads()
    {
        // Over many seeds the first delay must use both halves of the band, not sit on one value.
        int below = 0;
        int above = 0;
        for (std::uint64_t seed = 1; seed <= 200; ++seed) {
            ReconnectBackoff backoff(WsReconnectSettings{1000, 5000, 0.2}, seed);
            const std::int64_t delay = backoff.nextDelayMs();
            below += delay < 1000 ? 1 : 0;
            above += delay > 1000 ? 1 : 0;
        }
        QVERIFY(below > 60);
        QVERIFY(above > 60);
    }

    void sameSeedSameSequenceAndResetRestarts()
    {
        ReconnectBackoff a(WsReconnectSettings{500, 30000, 0.2}, 42);
        ReconnectBackoff b(WsReconnectSettings{500, 30000, 0.2}, 42);
        ReconnectBackoff c(WsReconnectSettings{500, 30000, 0.2}, 43);
        bool differs = false;
        for (int i = 0; i < 10; ++i) {
            const std::int64_t da = a.nextDelayMs();
            QCOMPARE(da, b.nextDelayMs());
            differs = differs || da != c.nextDelayMs();
        }
        QVERIFY(differs);
        QCOMPARE(a.attempt(), 10);
        a.reset();
        QCOMPARE(a.attempt(), 0);
        const std::int64_t first = a.nextDelayMs();
        QVERIFY(first >= 400 && first <= 600);
    }
};

QTEST_GUILESS_MAIN(TstWsBackoff)
#include "tst_wsbackoff.moc"
