// SPDX-License-Identifier: MIT
// The unified score and the hard thresholds on metric sets worked out by hand with the shipped scoring section.
#include <QtTest>

#include <cmath>
#include <limits>

#include "validation/unifiedscore.h"

using namespace sixbtc::validation;
using sixbtc::backtest::Metrics;
using sixbtc::common::Timeframe;

namespace {

/// The shipped config/config.yaml scoring section.
sixbtc::config::ScoringSettings shippedScoring()
{
    sixbtc::config::ScoringSettings s;
    s.minSharpe = 1.0;
    s.minWinRate = 0.55;
    s.minExpectancy = 0.0;
    s.maxDrawdown = 0.30;
    s.minTrades = {100, 60, 40, 30, 15, 8};
    s.robustnessMinScore = 40;
    s.weights = {.sharpe = 0.25,
                 .winRate = 0.10,
                 .expectancy = 0.15,
                 .maxDrawdown = 0.15,
                 .trades = 0.05,
                 .edRatio = 0.15,
                 .consistency = 0.15};
    return s;
}

Metrics metrics(double sharpe, double winRate, double expectancy, double maxDrawdown, std::int64_t trades,
                double consistency)
{
    Metrics m{};
    m.sharpe = sharpe;
    m.winRate = winRate;
    m.expectancy = expectancy;
    m.maxDrawdown = maxDrawdown;
    m.nTrades = trades;
    m.edRatio = maxDrawdown > 0.0 ? expectancy / maxDrawdown : 0.0;
    m.consistency = consistency;
    return m;
}

const Timeframe kM5(Timeframe::Id::M5);
const Timeframe kH1(Timeframe::Id::H1);

} // namespace

class TstUnifiedScore : public QObject
{
    Q_OBJECT

private slots:
    void aSolidStrategy()
    {
        // sharpe 1.5 -> 1.5/3 = 0.5; win 0.6 -> 0.6; expectancy 0.002 -> 0.002/0.005 = 0.4; drawdown 0.12 ->
        // 1 - 0.12/0.30 = 0.6; 150 trades on 5m -> 150/(2*100) = 0.75; ed = 0.002/0.12 = 0.016667 -> 0.16667;
        // consistency 0.7. Score = 100 * (0.25*0.5 + 0.10*0.6 + 0.15*0.4 + 0.15*0.6 + 0.05*0.75 + 0.15*0.16667
        // + 0.15*0.7) = 100 * (0.125 + 0.06 + 0.06 + 0.09 + 0.0375 + 0.025 + 0.105) = 50.25. Every threshold passes.
        const Metrics m = metrics(1.5, 0.6, 0.002, 0.12, 150, 0.7);
        const ScoreComponents c = scoreComponents(m, shippedScoring(), kM5);
        QVERIFY(std::abs(c.sharpe - 0.5) < 1e-15);
        QVERIFY(std::abs(c.expectancy - 0.4) < 1e-15);
        QVERIFY(std::abs(c.maxDrawdown - 0.6) < 1e-15);
        QCOMPARE(c.trades, 0.75);
        QVERIFY(std::abs(c.edRatio - 1.0 / 6.0) < 1e-15);
        QVERIFY(std::abs(unifiedScore(m, shippedScoring(), kM5) - 50.25) < 1e-12);
        QVERIFY(checkThresholds(m, shippedScoring(), kM5).empty());
    }

    void cappedComponentsAndFourFailures()
    {
        // sharpe 4.2 -> capped at 1; win 0.5; expectancy 0 -> 0; drawdown 0.45 -> 1 - 1.5 < 0 -> 0; 40 trades ->
        // 40/200 = 0.2; ed 0 -> 0; consistency 0.25. Score = 100 * (0.25 + 0.05 + 0 + 0 + 0.01 + 0 + 0.0375)
        // = 34.75. Failures, in order: win rate 0.5 < 0.55, expectancy 0 not > 0 (strict), drawdown 0.45 > 0.30,
        // 40 trades < 100 (5m). The Sharpe passes.
        const Metrics m = metrics(4.2, 0.5, 0.0, 0.45, 40, 0.25);
        QVERIFY(std::abs(unifiedScore(m, shippedScoring(), kM5) - 34.75) < 1e-12);
        const std::vector<ThresholdFailure> f = checkThresholds(m, shippedScoring(), kM5);
        QCOMPARE(f.size(), std::size_t(4));
        QCOMPARE(f[0].key, std::string("scoring.min_win_rate"));
        QCOMPARE(f[0].actual, 0.5);
        QCOMPARE(f[0].limit, 0.55);
        QCOMPARE(f[1].key, std::string("scoring.min_expectancy"));
        QCOMPARE(f[1].actual, 0.0);
        QCOMPARE(f[2].key, std::string("scoring.max_drawdown"));
        QCOMPARE(f[2].limit, 0.30);
        QCOMPARE(f[3].key, std::string("scoring.min_trades.5m"));
        QCOMPARE(f[3].actual, 40.0);
        QCOMPARE(f[3].limit, 100.0);
        QCOMPARE(f[3].message, std::string("trade count 40 is below scoring.min_trades.5m 100"));
        QCOMPARE(f[1].message, std::string("expectancy 0 is not above scoring.min_expectancy 0"));
    }

    void aLosingStrategyOnOneHour()
    {
        // sharpe -0.8 -> 0; win 0.3; expectancy -0.001 -> 0; drawdown exactly 0.30 -> 0 (and passes: <=);
        // 200 trades on 1h (min 30) -> 200/60 capped at 1; ed < 0 -> 0; consistency 0.1.
        // Score = 100 * (0.10*0.3 + 0.05*1 + 0.15*0.1) = 100 * (0.03 + 0.05 + 0.015) = 9.5.
        // Failures: sharpe -0.8 < 1, win rate 0.3 < 0.55, expectancy -0.001 not > 0.
        const Metrics m = metrics(-0.8, 0.3, -0.001, 0.30, 200, 0.1);
        QVERIFY(std::abs(unifiedScore(m, shippedScoring(), kH1) - 9.5) < 1e-12);
        const std::vector<ThresholdFailure> f = checkThresholds(m, shippedScoring(), kH1);
        QCOMPARE(f.size(), std::size_t(3));
        QCOMPARE(f[0].key, std::string("scoring.min_sharpe"));
        QCOMPARE(f[0].message, std::string("sharpe -0.8 is below scoring.min_sharpe 1"));
        QCOMPARE(f[1].key, std::string("scoring.min_win_rate"));
        QCOMPARE(f[2].key, std::string("scoring.min_expectancy"));
        // The same metrics on 5m (min 100): 200 trades -> 200/200 = 1, the same score.
        QVERIFY(std::abs(unifiedScore(m, shippedScoring(), kM5) - 9.5) < 1e-12);
    }

    void weightsAreNormalised()
    {
        // Every weight 2: the score is 100 times the mean of the components of aSolidStrategy:
        // (0.5 + 0.6 + 0.4 + 0.6 + 0.75 + 0.16667 + 0.7) / 7 = 3.71667 / 7 -> 53.095238.
        sixbtc::config::ScoringSettings s = shippedScoring();
        s.weights = {2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0};
        const Metrics m = metrics(1.5, 0.6, 0.002, 0.12, 150, 0.7);
        QVERIFY(std::abs(unifiedScore(m, s, kM5) - 100.0 * (0.5 + 0.6 + 0.4 + 0.6 + 0.75 + 1.0 / 6.0 + 0.7) / 7.0) <
                1e-12);
    }

    void nanFailsAndScoresZero()
    {
        Metrics m = metrics(1.5, 0.6, 0.002, 0.12, 150, 0.7);
        m.sharpe = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(scoreComponents(m, shippedScoring(), kM5).sharpe, 0.0);
        const std::vector<ThresholdFailure> f = checkThresholds(m, shippedScoring(), kM5);
        QCOMPARE(f.size(), std::size_t(1));
        QCOMPARE(f[0].key, std::string("scoring.min_sharpe"));
    }
};

QTEST_GUILESS_MAIN(TstUnifiedScore)
#include "tst_unifiedscore.moc"
