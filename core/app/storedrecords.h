// SPDX-License-Identifier: MIT
// Conversions between the engine's and the validation's values and the rows of the strategy store.
#pragma once

#include <string>
#include <vector>

#include "backtest/enginesettings.h"
#include "backtest/metrics.h"
#include "common/error.h"
#include "storage/api/backtestrecords.h"
#include "validation/walkforward.h"

namespace sixbtc::app {

/// The stored form of the spec section 8 metrics.
storage::BacktestMetrics storedMetrics(const backtest::Metrics& metrics);

/// The stored walk-forward windows (in-sample = train, out-of-sample = test; params as compact JSON).
std::vector<storage::WalkForwardWindow> storedWindows(const validation::WalkForwardResult& result);

/// Compact JSON of the params object (sl_pct, tp_pct, leverage, exit_after_bars): a stored parametersJson.
std::string paramsText(const backtest::StrategyParams& params);

/// Reads a stored parametersJson back; an Input error names the missing or wrong key.
common::Result<backtest::StrategyParams> paramsFromText(const std::string& json);

} // namespace sixbtc::app
