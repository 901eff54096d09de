// SPDX-License-Identifier: MIT
// loadChartData on a SQLite store with real "full" runs of the RSI reversal on the bundled 5m candles.
#include <QtTest>

#include "app/chartdata.h"
#include "core/app/chartfixture.h"
#include "data/candlereader.h"

using namespace sixbtc;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kBarMs = 300'000;
// The last bar of resources/data/BTC_USDT_USDT-5m.csv.gz (data.prefer: perpetual) opens at 1771520100000.
constexpr std::int64_t kDataEndMs = 1'771'520'100'000 + kBarMs;
constexpr std::int64_t kHoldoutFromMs = kDataEndMs - 10 * kDayMs;
constexpr std::int64_t kTrainingFromMs = kHoldoutFromMs - 60 * kDayMs;

} // namespace

class TstChartData : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::ChartFixture> m_fixture;

private slots:
    void init()
    {
        m_fixture = std::make_unique<testing::ChartFixture>();
        const std::string error = m_fixture->open();
        QVERIFY2(error.empty(), error.c_str());
    }

    void cleanup() { m_fixture.reset(); }

    void withoutAFullRunItAsksForABacktest()
    {
        auto strategy = m_fixture->addStrategy(1, testing::rsiDocument("[BTC]"), {"BTC"});
        SIXBTC_VERIFY_OK(strategy);
        const auto chart = loadChartData(m_fixture->store(), m_fixture->cache(), m_fixture->config(), strategy->uuid);
        QVERIFY(!chart);
        QCOMPARE(chart.error().code, common::ErrorCode::Input);
        QVERIFY2(chart.error().message.find("no full run: backtest it first") != std::string::npos,
                 chart.error().message.c_str());
    }

    void anUnknownStrategyIsAnError()
    {
        const auto chart = loadChartData(m_fixture->store(), m_fixture->cache(), m_fixture->config(),
                                         "00000000-0000-5000-8000-000000000000");
        QVERIFY(!chart);
    }

    void readsTheRunItsCurveTradesAndSplit()
    {
        auto strategy = m_fixture->addStrategy(2, testing::rsiDocument("[BTC]"), {"BTC"});
        SIXBTC_VERIFY_OK(strategy);
        const auto run = m_fixture->fullRun(*strategy);
        SIXBTC_VERIFY_OK(run);
        QVERIFY(run->trades > 10);
        const auto chart = loadChartData(m_fixture->store(), m_fixture->cache(), m_fixture->config(), strategy->uuid);
        SIXBTC_VERIFY_OK(chart);
        QCOMPARE(chart->name, strategy->name);
        QCOMPARE(chart->runId, run->runId);
        QCOMPARE(chart->trades.size(), run->trades);
        QCOMPARE(chart->equity.size(), run->equityPoints);
        QCOMPARE(chart->metrics.finalEquity, run->metrics.finalEquity);
        QCOMPARE(chart->equity.back().equity, run->metrics.finalEquity);
        QCOMPARE(chart->drawdown.size(), chart->equity.size());
        // 60 training days, then 10 holdout days ending one bar after the last bar of the data.
        QCOMPARE(chart->training.fromMs, kTrainingFromMs);
        QCOMPARE(chart->training.toMs, kHoldoutFromMs);
        QCOMPARE(chart->holdout.fromMs, kHoldoutFromMs);
        QCOMPARE(chart->holdout.toMs, kDataEndMs);
        QCOMPARE(chart->equity.front().timeMs, kTrainingFromMs);
        QCOMPARE(chart->equity.back().timeMs, kDataEndMs - kBarMs);
    }

    void readsTheCandlesOfTheRunsRangeFromTheFile()
    {
        auto strategy = m_fixture->addStrategy(3, testing::rsiDocument("[BTC]"), {"BTC"});
        SIXBTC_VERIFY_OK(strategy);
        SIXBTC_VERIFY_OK(m_fixture->fullRun(*strategy));
        const auto chart = loadChartData(m_fixture->store(), m_fixture->cache(), m_fixture->config(), strategy->uuid);
        SIXBTC_VERIFY_OK(chart);
        QCOMPARE(chart->candles.size(), std::size_t{1});
        const app::ChartCandles& btc = chart->candles.front();
        QCOMPARE(btc.symbol, std::string("BTC"));
        QCOMPARE(btc.timeMs.front(), kTrainingFromMs);
        QCOMPARE(btc.timeMs.back(), kDataEndMs - kBarMs);
        QCOMPARE(btc.close.size(), btc.timeMs.size());
        QCOMPARE(btc.high.size(), btc.timeMs.size());
        QCOMPARE(btc.low.size(), btc.timeMs.size());
        // The file's last row: 1771520100000,66392,66417,66242.8,66267.6,238.594.
        QCOMPARE(btc.close.back(), 66267.6);
        QCOMPARE(btc.high.back(), 66417.0);
        QCOMPARE(btc.low.back(), 66242.8);
        const auto file = data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT_USDT-5m.csv.gz", "BTC",
                                                   common::Timeframe(common::Timeframe::Id::M5));
        SIXBTC_VERIFY_OK(file);
        const std::size_t first = file->series.lowerBound(kTrainingFromMs);
        QCOMPARE(btc.close.front(), file->series.close()[first]);
        QCOMPARE(btc.timeMs.size(), file->series.size() - first);
    }

    void takesTheNewestFullRunAndEverySymbol()
    {
        auto strategy = m_fixture->addStrategy(4, testing::rsiDocument("[ETH, BTC]"), {"ETH", "BTC"});
        SIXBTC_VERIFY_OK(strategy);
        SIXBTC_VERIFY_OK(m_fixture->fullRun(*strategy));
        m_fixture->config().backtest.trainingDays = 20;
        const auto newer = m_fixture->fullRun(*strategy);
        SIXBTC_VERIFY_OK(newer);
        const auto chart = loadChartData(m_fixture->store(), m_fixture->cache(), m_fixture->config(), strategy->uuid);
        SIXBTC_VERIFY_OK(chart);
        QCOMPARE(chart->runId, newer->runId);
        QCOMPARE(chart->training.fromMs, kHoldoutFromMs - 20 * kDayMs);
        QCOMPARE(chart->candles.size(), std::size_t{2});
        QCOMPARE(chart->candles[0].symbol, std::string("ETH"));
        QCOMPARE(chart->candles[1].symbol, std::string("BTC"));
        bool tradesBoth[2] = {false, false};
        for (const auto& trade : chart->trades)
            tradesBoth[trade.symbol == "BTC" ? 1 : 0] = true;
        QVERIFY(tradesBoth[0] && tradesBoth[1]);
    }
};

QTEST_GUILESS_MAIN(TstChartData)
#include "tst_chartdata.moc"
