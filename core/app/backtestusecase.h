// SPDX-License-Identifier: MIT
// The backtest and optimize use cases: a strategy document and its candles turned into engine runs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "backtest/backtestdata.h"
#include "backtest/enginesettings.h"
#include "backtest/metrics.h"
#include "backtest/paramgrid.h"
#include "backtest/trade.h"
#include "common/cancellation.h"
#include "common/error.h"
#include "config/settings.h"
#include "data/candlereader.h"
#include "strategy/signalcolumns.h"
#include "strategy/strategydocument.h"

namespace sixbtc::app {

/// A strategy's bars inside a time range with its signals, ready for the engines. Signals are computed on each
/// symbol's whole series, so indicators warm up on the bars before the range that the data has; the run's bars
/// (and bar indexes) start at the first bar inside the range.
struct PreparedBacktest
{
    backtest::BacktestData data;
    std::vector<std::string> notes; ///< what the user should know (gaps accepted with allowGaps)
    /// Each symbol's signal columns over its whole series, and the engine inputs viewing them together with the
    /// candles given to prepareBacktest (which must outlive `inputs`). Sub-ranges of the run (training, holdout,
    /// walk-forward windows) are built from `inputs` with BacktestData::build. Moving the struct keeps the views.
    std::vector<strategy::SignalColumns> columns;
    std::vector<backtest::SymbolInput> inputs;
};

/// Prepares a run of `document` on `candles` (one entry per symbol of the document, in any order) over
/// [range.fromMs, range.toMs). Fails with ErrorCode::Input on an empty range, a missing or foreign symbol, a
/// symbol with no bar in the range, or, unless `allowGaps`, missing bars inside the range (each gap named).
common::Result<PreparedBacktest> prepareBacktest(const strategy::StrategyDocument& document,
                                                 const std::vector<data::CandleData>& candles,
                                                 backtest::TimeRange range, bool allowGaps);

/// The parameters of the document's risk block; an Input error when it has none or a value is out of range.
common::Result<backtest::StrategyParams> paramsFromDocument(const strategy::StrategyDocument& document);

/// Reads a grid file (a YAML mapping with the lists sl_pct, tp_pct, leverage, exit_after_bars) and expands it.
/// Every problem (missing or empty list, value out of range, non-integer exit_after_bars) is reported.
common::Result<backtest::ParamGrid> readGridFile(const std::filesystem::path& path);

/// One strategy's result.
struct BacktestOutcome
{
    backtest::StrategyParams params;
    backtest::Metrics metrics;
    std::vector<backtest::Trade> trades;
};

/// Runs one strategy on the prepared data.
common::Result<BacktestOutcome> runBacktest(const backtest::BacktestData& data,
                                            const backtest::EngineSettings& settings,
                                            const backtest::StrategyParams& params);

/// Runs every strategy of `grid` on `threads` threads (0 = every core); metrics in grid-index order. With
/// `withTrades` each strategy also runs through the trade-keeping engine, and trades[i] holds its trades.
struct OptimizeOutcome
{
    std::vector<backtest::Metrics> metrics;
    std::vector<std::vector<backtest::Trade>> trades;
};
common::Result<OptimizeOutcome> runOptimize(const backtest::BacktestData& data,
                                            const backtest::EngineSettings& settings, const backtest::ParamGrid& grid,
                                            int threads, bool withTrades, const common::CancelToken& cancel);

} // namespace sixbtc::app
