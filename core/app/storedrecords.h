// SPDX-License-Identifier: MIT
// Conversions between the engine's and the validation's values and the rows of the strategy store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <QJsonObject>

#include "backtest/backtestdata.h"
#include "backtest/enginesettings.h"
#include "backtest/metrics.h"
#include "common/error.h"
#include "storage/api/backtestrecords.h"
#include "storage/api/strategyrepository.h"
#include "validation/walkforward.h"

namespace sixbtc::app {

/// The kinds of stored runs a proof writes (fullrun.h adds "full").
inline constexpr const char* kTrainingRun = "training";
inline constexpr const char* kHoldoutRun = "holdout";
inline constexpr const char* kWalkForwardRun = "walk_forward";

/// "sixbtc <version>": the engine version stored with every run and lineage.
std::string engineVersion();

/// A run row of `strategy` (its UUID, timeframe, symbols and parameters) of kind `kind` over `range`.
storage::BacktestRun backtestRun(const storage::StrategyRecord& strategy, std::string kind, std::string datasetHash,
                                 const backtest::TimeRange& range, const backtest::Metrics& metrics,
                                 std::optional<double> score);

/// Appends a verdict of `check` on the strategy `uuid` with its figures (stored as compact JSON).
common::Result<void> addVerdict(storage::StrategyRepository& strategies, const std::string& uuid, std::string check,
                                bool passed, const QJsonObject& figures, std::optional<std::int64_t> runId);

/// The stored form of the spec section 8 metrics.
storage::BacktestMetrics storedMetrics(const backtest::Metrics& metrics);

/// The stored walk-forward windows (in-sample = train, out-of-sample = test; params as compact JSON).
std::vector<storage::WalkForwardWindow> storedWindows(const validation::WalkForwardResult& result);

/// Compact JSON of the params object (sl_pct, tp_pct, leverage, exit_after_bars): a stored parametersJson.
std::string paramsText(const backtest::StrategyParams& params);

/// Reads a stored parametersJson back; an Input error names the missing or wrong key.
common::Result<backtest::StrategyParams> paramsFromText(const std::string& json);

} // namespace sixbtc::app
