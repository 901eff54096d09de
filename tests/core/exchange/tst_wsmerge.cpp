// SPDX-License-Identifier: MIT
// CandleMerger and FillBook: in-place updates, no duplicates, gaps found, late updates never roll back.
#include <random>

#include <QtTest>

#include "exchange/hyperliquid/websocket/candlemerger.h"
#include "exchange/hyperliquid/websocket/fillbook.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

constexpr std::int64_t kFiveMinutes = 300000;

Candle candle(std::int64_t index, double close, std::int64_t trades)
{
    const std::int64_t t = 1700000100000 + index * kFiveMinutes;
    return Candle{t, t + kFiveMinutes - 1, "BTC", "5m", 100.0, 110.0, 90.0, close, double(trades) * 0.5, trades};
}

Fill fill(std::int64_t tid, std::int64_t timeMs)
{
    return Fill{"BTC", 100.0, 1.0, Side::Buy, timeMs, "Open Long", 0.0, 1, tid, true, 0.01, std::nullopt};
}

} // namespace

class TstWsMerge : public QObject
{
    Q_OBJECT

private slots:
    void inProgressCandleUpdatedInPlace()
    {
        CandleMerger merger(kFiveMinutes);
        QVERIFY(merger.merge(candle(0, 100.0, 0)));
        QVERIFY(merger.merge(candle(0, 101.0, 3)));
        QVERIFY(!merger.merge(candle(0, 101.0, 3))); // exact duplicate
        QVERIFY(!merger.merge(candle(0, 100.0, 0))); // a late "just opened" frame never rolls back
        QCOMPARE(merger.candles().size(), std::size_t(1));
        QCOMPARE(merger.candles()[0].close, 101.0);
        QCOMPARE(merger.candles()[0].trades, 3);
    }

    void findsGapsAndFillsThemInOrder()
    {
        CandleMerger merger(kFiveMinutes);
        merger.merge(candle(0, 1.0, 1));
        merger.merge(candle(1, 2.0, 1));
        merger.merge(candle(4, 5.0, 1));
        const auto gap = merger.firstGap();
        QVERIFY(gap.has_value());
        QCOMPARE(gap->first, candle(2, 0, 0).openTimeMs);
        QCOMPARE(gap->second, candle(4, 0, 0).openTimeMs);
        QCOMPARE(merger.mergeAll({candle(1, 2.0, 1), candle(2, 3.0, 1), candle(3, 4.0, 1), candle(4, 5.0, 1)}), 2);
        QVERIFY(!merger.firstGap().has_value());
        QCOMPARE(merger.lastOpenTimeMs(), candle(4, 0, 0).openTimeMs);
        for (std::size_t i = 0; i < merger.candles().size(); ++i)
            QCOMPARE(merger.candles()[i].close, double(i + 1));
    }

    void shuffledDuplicatedFramesGiveTheSameSeries()
    {
        // Every bar sent as "opened" (n 0) then "complete" (n 5), each frame twice, then shuffled locally.
        std::vector<Candle> frames;
        for (int i = 0; i < 50; ++i) {
            for (int copy = 0; copy < 2; ++copy) {
                frames.push_back(candle(i, 100.0, 0));
                frames.push_back(candle(i, 100.0 + i, 5));
            }
        }
        std::mt19937 rng(7);
        for (std::size_t i = 0; i + 3 < frames.size(); i += 3)
            std::shuffle(frames.begin() + std::ptrdiff_t(i), frames.begin() + std::ptrdiff_t(i + 3), rng);
        CandleMerger merger(kFiveMinutes);
        merger.mergeAll(frames);
        QCOMPARE(merger.candles().size(), std::size_t(50));
        QVERIFY(!merger.firstGap().has_value());
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(merger.candles()[std::size_t(i)].close, 100.0 + i);
            QCOMPARE(merger.candles()[std::size_t(i)].trades, 5);
        }
    }

    void fillsDedupedByTid()
    {
        FillBook book;
        QVERIFY(!book.lastTimeMs().has_value());
        QCOMPARE(book.addAll({fill(3, 300), fill(1, 100), fill(2, 100)}), 3);
        QCOMPARE(book.addAll({fill(2, 100), fill(3, 300), fill(4, 400)}), 1);
        QVERIFY(!book.add(fill(1, 100)));
        const std::vector<Fill> fills = book.fills();
        QCOMPARE(fills.size(), std::size_t(4));
        QCOMPARE(fills[0].tid, 1);
        QCOMPARE(fills[1].tid, 2);
        QCOMPARE(fills[2].tid, 3);
        QCOMPARE(fills[3].tid, 4);
        QCOMPARE(*book.lastTimeMs(), 400);
    }
};

QTEST_GUILESS_MAIN(TstWsMerge)
#include "tst_wsmerge.moc"
