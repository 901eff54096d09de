// SPDX-License-Identifier: MIT
// StrategyDetail: everything the detail view shows of one stored strategy, with its metric cards against scoring.*.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "backtest/enginesettings.h"
#include "common/error.h"
#include "common/timeframe.h"
#include "config/settings.h"
#include "storage/api/store.h"
#include "strategy/diagnostic.h"

namespace sixbtc::app {

/// One hard threshold of scoring.* (or the unified score against scoring.robustness_min_score) with the value the
/// strategy reached. Pass/fail comes from validation::checkThresholds, never from a second copy of the rules.
struct MetricCard
{
    std::string key;             ///< the configuration key, e.g. "scoring.min_sharpe", "scoring.min_trades.1h"
    std::string metric;          ///< the metric's stored name: sharpe, win_rate, expectancy, max_drawdown, n_trades,
                                 ///< score
    std::optional<double> value; ///< the training run's value (the strategy's score); empty without one
    double threshold = 0.0;      ///< the limit from the configuration
    std::string comparison;      ///< how the value must compare to the limit: ">=", ">" or "<="
    std::optional<bool> passed;  ///< empty when there is no value to check
};

/// One stored strategy as the detail view shows it.
struct StrategyDetail
{
    storage::StrategyRecord record;
    storage::Lineage lineage;
    std::vector<storage::StrategyEvent> events;       ///< lifecycle history, oldest first
    std::vector<storage::ValidationVerdict> verdicts; ///< in the order they were added
    std::vector<storage::BacktestRun> runs;           ///< oldest first
    std::optional<backtest::StrategyParams> risk;     ///< empty for a base strategy (parameters "{}")
    strategy::Diagnostics diagnostics;                ///< of the stored code; normally none
    std::optional<std::int64_t> trainingRunId;        ///< the newest "training" run the cards read
    std::vector<MetricCard> cards;                    ///< the five thresholds in checkThresholds order, then score
};

/// Reads the strategy `uuid` with its lineage, events, verdicts and runs, parses its risk parameters and its code,
/// and builds the metric cards from its newest "training" run with config.scoring. Storage errors are returned; an
/// Input error when the strategy does not exist or its parameters cannot be read; a Database error when its stored
/// timeframe is not one the application knows.
common::Result<StrategyDetail> loadStrategyDetail(storage::Store& store, const config::Config& config,
                                                  const std::string& uuid);

/// The metric cards of `training` (empty: no training run) and `score` on `timeframe` against `scoring`.
std::vector<MetricCard> metricCards(const std::optional<storage::BacktestMetrics>& training,
                                    std::optional<double> score, const config::ScoringSettings& scoring,
                                    common::Timeframe timeframe);

} // namespace sixbtc::app
