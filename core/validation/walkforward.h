// SPDX-License-Identifier: MIT
// Walk-forward (DESIGN.md "The backtest is a contract"): per window, choose in-sample, measure out-of-sample.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "backtest/backtestdata.h"
#include "backtest/batchrunner.h"
#include "backtest/enginesettings.h"
#include "backtest/metrics.h"
#include "common/cancellation.h"
#include "common/error.h"
#include "common/timeframe.h"
#include "config/settings.h"

namespace sixbtc::validation {

/// The in-sample and out-of-sample bar ranges of one window, as bar open times [fromMs, toMs).
struct WalkForwardRanges
{
    backtest::TimeRange inSample;
    backtest::TimeRange outOfSample;
};

/// One window's outcome.
struct WalkForwardWindow
{
    std::size_t index = 0;
    WalkForwardRanges ranges;
    std::optional<std::size_t> gridIndex; ///< the grid point chosen in-sample; empty for a fixed strategy
    backtest::StrategyParams params{};
    backtest::Metrics inSample{};
    std::optional<double> inSampleScore; ///< the chosen point's score; empty for a fixed strategy
    backtest::Metrics outOfSample{};
    bool edge = false; ///< out-of-sample expectancy > 0 and Sharpe > 0
};

/// The whole walk-forward of one strategy (or one grid).
struct WalkForwardResult
{
    std::vector<WalkForwardWindow> windows;
    int edgeWindows = 0;
    double sharpeDispersion = 0.0; ///< population standard deviation of the out-of-sample Sharpe ratios
    bool stable = false;           ///< edgeWindows >= min_windows_with_edge and dispersion <= max_sharpe_dispersion
    std::string reason;            ///< empty when stable; every failed condition with its figures and key
};

/// The unified score of one strategy's metrics (e.g. validation's unifiedScore bound to scoring settings).
using ScoreFunction = std::function<double(const backtest::Metrics&)>;

/// unifiedScore(metrics, settings, timeframe) with copies of the settings bound: the choice the pipeline makes.
ScoreFunction unifiedScoreFunction(const config::ScoringSettings& settings, common::Timeframe timeframe);

/// How the runs go: threads for runBatch (backtest.threads) and the cancel token.
struct WalkForwardOptions
{
    int threads; ///< 0 = every core
    common::CancelToken cancel;
};

/// Cuts the training bars `timestampMs` (open times of the aligned training data, ascending) into `windows`
/// consecutive non-overlapping windows of n * w / windows .. n * (w + 1) / windows bars; each window's first
/// floor(bars * in_sample_fraction) bars are in-sample, the rest out-of-sample. The last window ends at
/// `trainingEndMs`. An Input error when any in-sample or out-of-sample part has fewer than 2 bars.
common::Result<std::vector<WalkForwardRanges>> walkForwardRanges(std::span<const std::int64_t> timestampMs,
                                                                 std::int64_t trainingEndMs,
                                                                 const config::WalkForwardSettings& settings);

/// The walk-forward of a grid over `training`: in each window every grid point runs in-sample (runBatch), the
/// highest score is chosen (ties: the lowest grid index) and run out-of-sample. `symbols` carry each symbol's full
/// series with signals computed on it. Errors: those of BacktestData::build and runBatch, and walkForwardRanges'.
/// \warning grid is not empty; every score is finite.
common::Result<WalkForwardResult>
runWalkForward(std::span<const backtest::SymbolInput> symbols, backtest::TimeRange training,
               const backtest::EngineSettings& engineSettings, std::span<const backtest::StrategyParams> grid,
               const ScoreFunction& score, const config::WalkForwardSettings& settings,
               const WalkForwardOptions& options);

/// The walk-forward of one fixed strategy (no choice): the same windows, `params` measured in-sample and
/// out-of-sample in each (`sixbtc walkforward --strategy NAME`).
common::Result<WalkForwardResult>
runFixedWalkForward(std::span<const backtest::SymbolInput> symbols, backtest::TimeRange training,
                    const backtest::EngineSettings& engineSettings, const backtest::StrategyParams& params,
                    const config::WalkForwardSettings& settings, const WalkForwardOptions& options);

/// Edge count, dispersion, stability and reason of finished windows (the figures of the two functions above).
WalkForwardResult summarizeWalkForward(std::vector<WalkForwardWindow> windows,
                                       const config::WalkForwardSettings& settings);

} // namespace sixbtc::validation
