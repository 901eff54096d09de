// SPDX-License-Identifier: MIT
// FamilyStats: one parametric family run with equity curves kept, and its overfitting statistics (DSR, PBO).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "backtest/backtestdata.h"
#include "backtest/batchrunner.h"
#include "backtest/enginesettings.h"
#include "backtest/metrics.h"
#include "common/cancellation.h"
#include "common/error.h"
#include "validation/pbo.h"
#include "validation/returnstats.h"

namespace sixbtc::validation {

/// What the overfitting control needs of one strategy: its metrics, the moments of its per-bar returns and the
/// block sums of those returns over the family's partitions.
struct StrategyStats
{
    backtest::Metrics metrics;
    ReturnMoments moments;
    std::vector<BlockSums> blocks; ///< `partitions` blocks (blockSums()); empty when partitions = 0

    friend bool operator==(const StrategyStats&, const StrategyStats&) = default;
};

/// The statistics of one run from its metrics and equity curve; `scratch` holds the returns (reused between calls).
/// \warning partitions >= 0 and, when partitions > 0, equity.size() - 1 >= partitions.
StrategyStats statsFromEquity(const backtest::Metrics& metrics, std::span<const double> equity, int partitions,
                              std::vector<double>& scratch);

/// How a family runs: `threads` from backtest.threads (0 = every core), `partitions` from
/// validation.overfitting.pbo_partitions (0 = no block sums); progress and cancellation as in runBatch().
struct FamilyOptions
{
    int threads;
    int partitions;
    std::function<void(const backtest::BatchProgress&)> progress; ///< may be empty; calls never overlap
    common::CancelToken cancel;
};

/// Runs every strategy of one base on the shared data, one Engine per worker thread (strategies handed out one at a
/// time through an atomic counter), and returns their stats in `params` order; the result does not depend on the
/// thread count. Fails with ErrorCode::Input on invalid settings or parameters, partitions < 0 or more partitions
/// than returns, and with ErrorCode::Cancelled (no partial result) when `options.cancel` is stopped.
common::Result<std::vector<StrategyStats>> runFamily(const backtest::BacktestData& data,
                                                     const backtest::EngineSettings& settings,
                                                     std::span<const backtest::StrategyParams> params,
                                                     const FamilyOptions& options);

/// The overfitting statistics of one family.
struct FamilyOverfitting
{
    std::int64_t trials = 0;        ///< N: the strategies of the family (trials actually run for the base)
    double sharpeVariance = 0.0;    ///< V: sample variance (divisor N - 1) of their per-bar Sharpe; 0 when N = 1
    double expectedMaxSharpe = 0.0; ///< SR0 = expectedMaxSharpe(N, V)
    std::vector<double> dsr;        ///< per strategy, in family order: PSR(SR0) of its moments
    PboResult pbo;                  ///< CSCV over the family's block sums
};

/// The DSR of every strategy and the family's PBO. Fails with ErrorCode::Input when the family is empty, the
/// strategies' block counts or block sizes differ, or probabilityOfBacktestOverfitting() fails (e.g. fewer than two
/// strategies, odd or too few partitions).
common::Result<FamilyOverfitting> familyOverfitting(std::span<const StrategyStats> family);

} // namespace sixbtc::validation
