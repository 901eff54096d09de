// SPDX-License-Identifier: MIT
// ChartData: what the chart viewer draws of one strategy (its newest "full" run, its trades and its candles).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/candlecache.h"
#include "backtest/backtestdata.h"
#include "common/error.h"
#include "config/settings.h"
#include "storage/api/backtestrecords.h"
#include "storage/api/store.h"

namespace sixbtc::app {

/// The candles of one symbol inside a run's range, as columns.
struct ChartCandles
{
    std::string symbol;
    std::vector<std::int64_t> timeMs; ///< bar open times, UTC
    std::vector<double> close;
    std::vector<double> high;
    std::vector<double> low;
};

/// One strategy's newest "full" run with everything its charts need.
struct ChartData
{
    std::string name;
    std::string uuid;
    std::int64_t runId = 0;
    storage::BacktestMetrics metrics;         ///< the run's stored metrics (finalEquity among them)
    std::vector<storage::EquityPoint> equity; ///< one point per bar
    std::vector<double> drawdown;             ///< one value per equity point: 1 - equity / running peak
    std::vector<storage::TradeRecord> trades; ///< in the order they were stored
    std::vector<ChartCandles> candles;        ///< one per strategy symbol, in the strategy's order
    backtest::TimeRange training;             ///< bar open times [fromMs, toMs)
    backtest::TimeRange holdout;              ///< empty (fromMs == toMs) with backtest.holdout_days = 0
};

/// Reads the newest "full" run of the strategy `uuid` with its curve and trades, its symbols' candles over the run's
/// range from `candles`, and the run's training and holdout ranges (split as storeFullRun() did, with
/// backtest.training_days and holdout_days of `config`). An Input error when the strategy has no "full" run or a
/// candle file is missing; storage errors are returned.
common::Result<ChartData> loadChartData(storage::Store& store, CandleCache& candles, const config::Config& config,
                                        const std::string& uuid);

} // namespace sixbtc::app
