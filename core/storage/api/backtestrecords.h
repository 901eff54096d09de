// SPDX-License-Identifier: MIT
// Value types of stored backtests: runs with metrics, per-window results, equity, trades, walk-forward windows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sixbtc::storage {

/// The metrics of backtest-semantics.md section 8.
struct BacktestMetrics
{
    double totalReturn = 0.0;
    double sharpe = 0.0;
    double winRate = 0.0;
    double expectancy = 0.0;
    double expectancyUsdc = 0.0;
    double maxDrawdown = 0.0;
    std::int64_t nTrades = 0;
    double edRatio = 0.0;
    double consistency = 0.0;
    double finalEquity = 0.0;

    bool operator==(const BacktestMetrics&) const = default;
};

/// One backtest of one strategy on one data set.
struct BacktestRun
{
    std::int64_t id = 0; ///< set by the store
    std::string strategyUuid;
    std::string kind; ///< e.g. full, in_sample, out_of_sample, walk_forward
    std::string timeframe;
    std::vector<std::string> symbols;
    std::string parametersJson;
    std::string datasetHash;
    std::int64_t dataStartMs = 0;
    std::int64_t dataEndMs = 0;
    std::string engineVersion;
    std::int64_t createdAtMs = 0; ///< set by the store from its clock
    BacktestMetrics metrics;
    std::optional<double> score;
};

/// The metrics of one window of a run (e.g. one calendar period).
struct WindowResult
{
    std::int64_t index = 0;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    BacktestMetrics metrics;

    bool operator==(const WindowResult&) const = default;
};

/// One point of an equity curve.
struct EquityPoint
{
    std::int64_t timeMs = 0;
    double equity = 0.0;

    bool operator==(const EquityPoint&) const = default;
};

/// One closed trade (backtest-semantics.md section 13).
struct TradeRecord
{
    std::string symbol;
    std::int64_t entryBar = 0;
    std::int64_t exitBar = 0;
    std::int64_t entryTimeMs = 0;
    std::int64_t exitTimeMs = 0;
    int dir = 1; ///< 1 long, -1 short
    double entryPx = 0.0;
    double exitPx = 0.0;
    double qty = 0.0;
    double notional = 0.0;
    double margin = 0.0;
    double entryFee = 0.0;
    double exitFee = 0.0;
    double pnlNet = 0.0;
    double equityAtEntry = 0.0;
    std::string reason; ///< SL TP TIME EXIT_SIGNAL SIGNAL END

    bool operator==(const TradeRecord&) const = default;
};

/// One walk-forward window: the in-sample fit and its out-of-sample check.
struct WalkForwardWindow
{
    std::int64_t index = 0;
    std::int64_t trainStartMs = 0;
    std::int64_t trainEndMs = 0;
    std::int64_t testStartMs = 0;
    std::int64_t testEndMs = 0;
    std::string parametersJson;
    BacktestMetrics inSample;
    BacktestMetrics outOfSample;

    bool operator==(const WalkForwardWindow&) const = default;
};

} // namespace sixbtc::storage
