// SPDX-License-Identifier: MIT
// The unified score's components and weighted sum, and the hard thresholds with their failures named.
#include "validation/unifiedscore.h"

#include <cmath>
#include <cstdio>

#include "common/require.h"

namespace sixbtc::validation {

namespace {

double clampUnit(double x)
{
    if (!std::isfinite(x))
        return 0.0;
    return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

ThresholdFailure failure(std::string key, std::string what, double actual, std::string relation, double limit)
{
    std::string message = what + " " + number(actual) + " is " + relation + " " + key + " " + number(limit);
    return ThresholdFailure{std::move(key), actual, limit, std::move(message)};
}

} // namespace

ScoreComponents scoreComponents(const backtest::Metrics& metrics, const config::ScoringSettings& settings,
                                common::Timeframe timeframe)
{
    SIXBTC_REQUIRE(settings.maxDrawdown > 0.0);
    const int minTrades = settings.minTradesFor(timeframe);
    ScoreComponents c;
    c.sharpe = clampUnit(metrics.sharpe / kFullScoreSharpe);
    c.winRate = clampUnit(metrics.winRate);
    c.expectancy = clampUnit(metrics.expectancy / kFullScoreExpectancy);
    c.maxDrawdown = clampUnit(1.0 - metrics.maxDrawdown / settings.maxDrawdown);
    c.trades = minTrades <= 0 ? 1.0
                              : clampUnit(static_cast<double>(metrics.nTrades) /
                                          (kFullScoreTradesPerMinimum * static_cast<double>(minTrades)));
    c.edRatio = clampUnit(metrics.edRatio / kFullScoreEdRatio);
    c.consistency = clampUnit(metrics.consistency);
    return c;
}

double unifiedScore(const ScoreComponents& c, const config::ScoringWeights& w)
{
    SIXBTC_REQUIRE(w.sharpe >= 0.0 && w.winRate >= 0.0 && w.expectancy >= 0.0 && w.maxDrawdown >= 0.0 &&
                   w.trades >= 0.0 && w.edRatio >= 0.0 && w.consistency >= 0.0);
    const double weightSum = w.sharpe + w.winRate + w.expectancy + w.maxDrawdown + w.trades + w.edRatio + w.consistency;
    SIXBTC_REQUIRE(weightSum > 0.0);
    const double weighted = w.sharpe * c.sharpe + w.winRate * c.winRate + w.expectancy * c.expectancy +
                            w.maxDrawdown * c.maxDrawdown + w.trades * c.trades + w.edRatio * c.edRatio +
                            w.consistency * c.consistency;
    return 100.0 * weighted / weightSum;
}

double unifiedScore(const backtest::Metrics& metrics, const config::ScoringSettings& settings,
                    common::Timeframe timeframe)
{
    return unifiedScore(scoreComponents(metrics, settings, timeframe), settings.weights);
}

std::vector<ThresholdFailure> checkThresholds(const backtest::Metrics& metrics, const config::ScoringSettings& settings,
                                              common::Timeframe timeframe)
{
    std::vector<ThresholdFailure> out;
    // Written as "passes" so that a NaN value fails.
    if (!(metrics.sharpe >= settings.minSharpe))
        out.push_back(failure("scoring.min_sharpe", "sharpe", metrics.sharpe, "below", settings.minSharpe));
    if (!(metrics.winRate >= settings.minWinRate))
        out.push_back(failure("scoring.min_win_rate", "win rate", metrics.winRate, "below", settings.minWinRate));
    if (!(metrics.expectancy > settings.minExpectancy))
        out.push_back(
            failure("scoring.min_expectancy", "expectancy", metrics.expectancy, "not above", settings.minExpectancy));
    if (!(metrics.maxDrawdown <= settings.maxDrawdown))
        out.push_back(
            failure("scoring.max_drawdown", "max drawdown", metrics.maxDrawdown, "above", settings.maxDrawdown));
    const int minTrades = settings.minTradesFor(timeframe);
    if (metrics.nTrades < minTrades)
        out.push_back(failure("scoring.min_trades." + std::string(timeframe.name()), "trade count",
                              static_cast<double>(metrics.nTrades), "below", static_cast<double>(minTrades)));
    return out;
}

} // namespace sixbtc::validation
