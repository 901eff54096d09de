// SPDX-License-Identifier: MIT
// The unified score 0-100 of a strategy's training metrics and the hard thresholds on them (scoring.*).
#pragma once

#include <string>
#include <vector>

#include "backtest/metrics.h"
#include "common/timeframe.h"
#include "config/settings.h"

namespace sixbtc::validation {

/// The seven score components, each in [0, 1] (clamp(x) = min(1, max(0, x)); a non-finite input gives 0):
/// - sharpe      = clamp(sharpe / 3)                          (annualised spec Sharpe; 3 or more scores full)
/// - winRate     = clamp(win_rate)
/// - expectancy  = clamp(expectancy / 0.005)                  (0.5 % of the account per trade scores full)
/// - maxDrawdown = clamp(1 - max_drawdown / scoring.max_drawdown)   (no drawdown 1, at the limit 0)
/// - trades      = clamp(n_trades / (2 * scoring.min_trades[tf]))   (the minimum scores 0.5; min_trades 0 gives 1)
/// - edRatio     = clamp(ed_ratio / 0.1)                      (expectancy a tenth of the drawdown scores full)
/// - consistency = clamp(consistency)                         (the fraction of bars in profit)
struct ScoreComponents
{
    double sharpe = 0.0;
    double winRate = 0.0;
    double expectancy = 0.0;
    double maxDrawdown = 0.0;
    double trades = 0.0;
    double edRatio = 0.0;
    double consistency = 0.0;
};

/// The score anchors of the formula above (part of the documented formula, not settings).
inline constexpr double kFullScoreSharpe = 3.0;
inline constexpr double kFullScoreExpectancy = 0.005;
inline constexpr double kFullScoreEdRatio = 0.1;
inline constexpr double kFullScoreTradesPerMinimum = 2.0;

/// The components of `metrics` on timeframe `timeframe`. \warning settings.maxDrawdown > 0.
ScoreComponents scoreComponents(const backtest::Metrics& metrics, const config::ScoringSettings& settings,
                                common::Timeframe timeframe);

/// 100 * sum(w_k * c_k) / sum(w_k) over the seven components with scoring.weights. \warning every weight >= 0 and
/// their sum > 0.
double unifiedScore(const ScoreComponents& components, const config::ScoringWeights& weights);

/// unifiedScore(scoreComponents(metrics, settings, timeframe), settings.weights).
double unifiedScore(const backtest::Metrics& metrics, const config::ScoringSettings& settings,
                    common::Timeframe timeframe);

/// One failed hard threshold: the configuration key, the strategy's value, the limit and an English message.
struct ThresholdFailure
{
    std::string key; ///< e.g. "scoring.min_sharpe", "scoring.min_trades.5m"
    double actual;
    double limit;
    std::string message;
};

/// Every threshold the training `metrics` fail, in this order: sharpe >= min_sharpe, win_rate >= min_win_rate,
/// expectancy > min_expectancy (strictly), max_drawdown <= max_drawdown, n_trades >= min_trades[timeframe].
/// Empty when all pass. A NaN value fails its threshold.
std::vector<ThresholdFailure> checkThresholds(const backtest::Metrics& metrics, const config::ScoringSettings& settings,
                                              common::Timeframe timeframe);

} // namespace sixbtc::validation
