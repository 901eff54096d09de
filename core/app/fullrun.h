// SPDX-License-Identifier: MIT
// The "full" run of a stored strategy: training and holdout range with its equity curve and trades, stored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/candlecache.h"
#include "backtest/metrics.h"
#include "config/settings.h"
#include "storage/api/store.h"

namespace sixbtc::app {

/// The run kind that carries an equity curve and trades (what the GUI and the report draw).
inline constexpr const char* kFullRun = "full";

/// What storeFullRun() stored.
struct FullRun
{
    std::int64_t runId = 0;
    backtest::Metrics metrics{};
    std::size_t trades = 0;
    std::size_t equityPoints = 0;
};

/// Backtests the stored strategy (its code with its risk block) on its candles over the training and holdout range
/// (backtest.training_days and holdout_days cut from the data, as its proof did) and stores, in one transaction, a
/// run of kind "full" with its metrics, its equity curve (one point per bar: the bar's open time and the equity
/// marked at its close) and its trades. An Input error when the strategy has no risk block (a base).
common::Result<FullRun> storeFullRun(storage::Store& store, CandleCache& candles, const config::Config& config,
                                     const storage::StrategyRecord& strategy);

/// The ACTIVE and LIVE strategies that have no "full" run yet, by name.
common::Result<std::vector<storage::StrategyRecord>> missingFullRuns(storage::Store& store);

} // namespace sixbtc::app
