// SPDX-License-Identifier: MIT
// Walk-forward: window ranges by hand, stability figures by hand, and the runs against direct Engine runs.
#include <QtTest>

#include <cmath>

#include "backtest/engine.h"
#include "data/candlereader.h"
#include "strategy/donchianstrategy.h"
#include "validation/unifiedscore.h"
#include "validation/walkforward.h"

using sixbtc::backtest::BacktestData;
using sixbtc::backtest::EngineSettings;
using sixbtc::backtest::Metrics;
using sixbtc::backtest::StrategyParams;
using sixbtc::backtest::SymbolInput;
using sixbtc::backtest::TimeRange;
using sixbtc::common::Timeframe;
using sixbtc::strategy::RuleSlot;
using namespace sixbtc::validation;

namespace {

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kT0 = 1'704'067'200'000;

const sixbtc::config::WalkForwardSettings kSettings{
    .windows = 4, .inSampleFraction = 0.75, .minWindowsWithEdge = 3, .maxSharpeDispersion = 1.0};

const EngineSettings kEngine{.initialEquity = 10000.0,
                             .riskPct = 0.01,
                             .maxPositionSizePct = 0.5,
                             .maxOpenPositions = 3,
                             .minNotional = 10.0,
                             .feeRate = 0.0004,
                             .slippage = 0.0002,
                             .exitOnOpposite = true};

std::vector<std::int64_t> hourlyTimes(std::size_t n)
{
    std::vector<std::int64_t> ts(n);
    for (std::size_t i = 0; i < n; ++i)
        ts[i] = kT0 + static_cast<std::int64_t>(i) * kHour;
    return ts;
}

WalkForwardWindow handWindow(double oosSharpe, double oosExpectancy)
{
    WalkForwardWindow w;
    w.outOfSample.sharpe = oosSharpe;
    w.outOfSample.expectancy = oosExpectancy;
    w.edge = oosSharpe > 0.0 && oosExpectancy > 0.0;
    return w;
}

/// Real BTC 1h candles with the native Donchian(20, 10) signals computed on the whole series.
struct DonchianFixture
{
    sixbtc::common::CandleSeries series;
    sixbtc::strategy::SignalColumns columns;

    DonchianFixture()
        : series(load())
    {
        columns = sixbtc::strategy::DonchianStrategy(Timeframe(Timeframe::Id::H1), 20, 10)
                      .evaluate(sixbtc::strategy::CandleWindow(series));
    }

    static sixbtc::common::CandleSeries load()
    {
        auto data = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT-1h.csv.gz", "BTC",
                                                     Timeframe(Timeframe::Id::H1));
        if (!data)
            qFatal("%s", data.error().message.c_str());
        return std::move(data->series);
    }

    SymbolInput input() const
    {
        return SymbolInput{&series,
                           {columns.rule(RuleSlot::LongEntry), columns.rule(RuleSlot::ShortEntry),
                            columns.rule(RuleSlot::LongExit), columns.rule(RuleSlot::ShortExit)}};
    }

    /// One strategy on [range) through the reference Engine.
    Metrics engineRun(TimeRange range, const StrategyParams& params) const
    {
        const SymbolInput in = input();
        auto data = BacktestData::build(std::span(&in, 1), range);
        if (!data)
            qFatal("%s", data.error().message.c_str());
        sixbtc::backtest::Engine engine(*data, kEngine);
        return engine.run(params);
    }
};

std::vector<StrategyParams> smallGrid()
{
    std::vector<StrategyParams> grid;
    for (double sl : {0.01, 0.02})
        for (double tp : {0.02, 0.04})
            for (double lev : {1.0, 3.0})
                grid.push_back({sl, tp, lev, 0});
    return grid;
}

} // namespace

class TstWalkForward : public QObject
{
    Q_OBJECT

private slots:
    void rangesSplitTheTrainingBars()
    {
        const auto ts = hourlyTimes(100);
        const std::int64_t end = kT0 + 100 * kHour;
        const auto ranges = walkForwardRanges(ts, end, kSettings);
        QVERIFY(ranges.has_value());
        QCOMPARE(ranges->size(), std::size_t{4});
        for (std::size_t w = 0; w < 4; ++w) {
            const auto first = static_cast<std::int64_t>(25 * w);
            QCOMPARE((*ranges)[w].inSample.fromMs, kT0 + first * kHour);
            QCOMPARE((*ranges)[w].inSample.toMs, kT0 + (first + 18) * kHour); // floor(25 * 0.75) = 18
            QCOMPARE((*ranges)[w].outOfSample.fromMs, kT0 + (first + 18) * kHour);
            QCOMPARE((*ranges)[w].outOfSample.toMs, kT0 + (first + 25) * kHour);
        }
    }

    void unevenWindowsEndAtTheTrainingEnd()
    {
        // 11 bars in 2 windows: bars [0, 5) and [5, 11); in-sample floor(5 * 0.5) = 2 and floor(6 * 0.5) = 3.
        const auto ts = hourlyTimes(11);
        const sixbtc::config::WalkForwardSettings two{2, 0.5, 1, 1.0};
        const auto ranges = walkForwardRanges(ts, kT0 + 11 * kHour + 7, two);
        QVERIFY(ranges.has_value());
        QCOMPARE((*ranges)[0].inSample.toMs, kT0 + 2 * kHour);
        QCOMPARE((*ranges)[0].outOfSample.toMs, kT0 + 5 * kHour);
        QCOMPARE((*ranges)[1].inSample.fromMs, kT0 + 5 * kHour);
        QCOMPARE((*ranges)[1].inSample.toMs, kT0 + 8 * kHour);
        QCOMPARE((*ranges)[1].outOfSample.toMs, kT0 + 11 * kHour + 7);
    }

    void tooFewBarsIsAnInputError()
    {
        const auto ts = hourlyTimes(12); // windows of 3 bars: 2 in-sample (floor 2.25), 1 out-of-sample
        const auto ranges = walkForwardRanges(ts, kT0 + 12 * kHour, kSettings);
        QVERIFY(!ranges.has_value());
        QCOMPARE(ranges.error().code, sixbtc::common::ErrorCode::Input);
        const QString message = QString::fromStdString(ranges.error().message);
        QVERIFY2(message.contains(QStringLiteral("walk-forward window 1 of 4")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("in_sample_fraction = 0.75")), qPrintable(message));
    }

    void stabilityUsesThePopulationDispersion()
    {
        // Sharpes 1, 3, 1, 3: mean 2, population std exactly 1 (the sample std would be 1.1547 > 1).
        std::vector<WalkForwardWindow> windows{handWindow(1.0, 0.01), handWindow(3.0, 0.02), handWindow(1.0, 0.01),
                                               handWindow(3.0, -0.01)};
        const WalkForwardResult result = summarizeWalkForward(windows, kSettings);
        QCOMPARE(result.edgeWindows, 3);
        QCOMPARE(result.sharpeDispersion, 1.0);
        QVERIFY(result.stable);
        QVERIFY(result.reason.empty());
    }

    void unstableNamesEveryFailedCondition()
    {
        // Sharpes 2, -1, 2, -1: mean 0.5, population std 1.5; edge in 2 windows.
        std::vector<WalkForwardWindow> windows{handWindow(2.0, 0.01), handWindow(-1.0, 0.01), handWindow(2.0, 0.01),
                                               handWindow(-1.0, 0.01)};
        const WalkForwardResult result = summarizeWalkForward(windows, kSettings);
        QCOMPARE(result.edgeWindows, 2);
        QCOMPARE(result.sharpeDispersion, 1.5);
        QVERIFY(!result.stable);
        const QString reason = QString::fromStdString(result.reason);
        QVERIFY2(reason.contains(QStringLiteral("the edge held in 2 of 4 windows")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("min_windows_with_edge = 3")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("dispersion 1.5 exceeds")), qPrintable(reason));

        std::vector<WalkForwardWindow> nan{handWindow(std::nan(""), 0.01), handWindow(1.0, 0.01), handWindow(1.0, 0.01),
                                           handWindow(1.0, 0.01)};
        QVERIFY(!summarizeWalkForward(nan, kSettings).stable);
    }

    void gridChoiceMatchesDirectEngineRuns()
    {
        const DonchianFixture fx;
        const SymbolInput in = fx.input();
        const std::vector<StrategyParams> grid = smallGrid();
        const TimeRange training{fx.series.timestampMs().front(), fx.series.timestampMs().back() + kHour};
        const ScoreFunction score = [](const Metrics& m) { return m.totalReturn; };
        const auto result =
            runWalkForward(std::span(&in, 1), training, kEngine, grid, score, kSettings, WalkForwardOptions{2, {}});
        QVERIFY2(result.has_value(), result ? "" : result.error().message.c_str());
        QCOMPARE(result->windows.size(), std::size_t{4});
        int edges = 0;
        for (const WalkForwardWindow& w : result->windows) {
            std::size_t best = 0;
            double bestScore = -1e300;
            for (std::size_t i = 0; i < grid.size(); ++i) {
                const double s = fx.engineRun(w.ranges.inSample, grid[i]).totalReturn;
                if (s > bestScore) {
                    best = i;
                    bestScore = s;
                }
            }
            QCOMPARE(w.gridIndex, std::optional<std::size_t>(best));
            QCOMPARE(w.params, grid[best]);
            QCOMPARE(w.inSampleScore, std::optional<double>(bestScore));
            QCOMPARE(w.inSample, fx.engineRun(w.ranges.inSample, grid[best]));
            const Metrics oos = fx.engineRun(w.ranges.outOfSample, grid[best]);
            QCOMPARE(w.outOfSample, oos);
            QCOMPARE(w.edge, oos.expectancy > 0.0 && oos.sharpe > 0.0);
            QVERIFY(oos.nTrades > 0);
            edges += w.edge ? 1 : 0;
        }
        QCOMPARE(result->edgeWindows, edges);
        QCOMPARE(result->windows.back().ranges.outOfSample.toMs, training.toMs);
    }

    void tiesGoToTheLowestGridIndex()
    {
        const DonchianFixture fx;
        const SymbolInput in = fx.input();
        // Duplicates score the same: the first copy wins; a constant score makes index 0 win everywhere.
        const std::vector<StrategyParams> base = smallGrid();
        std::vector<StrategyParams> grid{base[3], base[5], base[3], base[5], base[5]};
        const TimeRange training{fx.series.timestampMs().front(), fx.series.timestampMs().back() + kHour};
        const ScoreFunction byReturn = [](const Metrics& m) { return m.totalReturn; };
        const auto chosen =
            runWalkForward(std::span(&in, 1), training, kEngine, grid, byReturn, kSettings, WalkForwardOptions{1, {}});
        QVERIFY(chosen.has_value());
        for (const WalkForwardWindow& w : chosen->windows)
            QVERIFY(w.gridIndex == std::size_t{0} || w.gridIndex == std::size_t{1});
        const ScoreFunction constant = [](const Metrics&) { return 50.0; };
        const auto flat =
            runWalkForward(std::span(&in, 1), training, kEngine, grid, constant, kSettings, WalkForwardOptions{2, {}});
        QVERIFY(flat.has_value());
        for (const WalkForwardWindow& w : flat->windows)
            QCOMPARE(w.gridIndex, std::optional<std::size_t>(0));
    }

    void unifiedScoreChoosesThePipelinesWay()
    {
        sixbtc::config::ScoringSettings scoring{};
        scoring.maxDrawdown = 0.3;
        scoring.minTrades = {100, 60, 40, 30, 15, 8};
        scoring.robustnessMinScore = 40;
        scoring.weights = {0.25, 0.10, 0.15, 0.15, 0.05, 0.15, 0.15};
        const Timeframe h1(Timeframe::Id::H1);
        const ScoreFunction score = unifiedScoreFunction(scoring, h1);
        const DonchianFixture fx;
        const SymbolInput in = fx.input();
        const std::vector<StrategyParams> grid = smallGrid();
        const TimeRange training{fx.series.timestampMs().front(), fx.series.timestampMs().back() + kHour};
        const auto result =
            runWalkForward(std::span(&in, 1), training, kEngine, grid, score, kSettings, WalkForwardOptions{2, {}});
        QVERIFY(result.has_value());
        for (const WalkForwardWindow& w : result->windows) {
            double best = -1.0;
            for (const StrategyParams& p : grid)
                best = std::max(best, unifiedScore(fx.engineRun(w.ranges.inSample, p), scoring, h1));
            QVERIFY(best > 0.0);
            QCOMPARE(*w.inSampleScore, best);
            QCOMPARE(unifiedScore(w.inSample, scoring, h1), best);
        }
    }

    void fixedStrategyIsMeasuredInEveryWindow()
    {
        const DonchianFixture fx;
        const SymbolInput in = fx.input();
        const StrategyParams params{0.02, 0.04, 2.0, 0};
        const TimeRange training{fx.series.timestampMs()[1000], fx.series.timestampMs()[9000]};
        const auto result =
            runFixedWalkForward(std::span(&in, 1), training, kEngine, params, kSettings, WalkForwardOptions{2, {}});
        QVERIFY(result.has_value());
        QCOMPARE(result->windows.size(), std::size_t{4});
        QCOMPARE(result->windows.front().ranges.inSample.fromMs, training.fromMs);
        QCOMPARE(result->windows.back().ranges.outOfSample.toMs, training.toMs);
        for (const WalkForwardWindow& w : result->windows) {
            QVERIFY(!w.gridIndex.has_value());
            QVERIFY(!w.inSampleScore.has_value());
            QCOMPARE(w.params, params);
            QCOMPARE(w.inSample, fx.engineRun(w.ranges.inSample, params));
            QCOMPARE(w.outOfSample, fx.engineRun(w.ranges.outOfSample, params));
        }
        const WalkForwardResult again = summarizeWalkForward(result->windows, kSettings);
        QCOMPARE(again.stable, result->stable);
        QCOMPARE(again.sharpeDispersion, result->sharpeDispersion);
    }

    void emptyTrainingRangeFails()
    {
        const DonchianFixture fx;
        const SymbolInput in = fx.input();
        const TimeRange nothing{kT0 - 10 * kHour, kT0 - 5 * kHour};
        const auto result = runFixedWalkForward(std::span(&in, 1), nothing, kEngine, {0.02, 0.04, 2.0, 0}, kSettings,
                                                WalkForwardOptions{1, {}});
        QVERIFY(!result.has_value());
        QVERIFY(QString::fromStdString(result.error().message).startsWith(QStringLiteral("walk-forward training")));
    }
};

QTEST_GUILESS_MAIN(TstWalkForward)
#include "tst_walkforward.moc"
