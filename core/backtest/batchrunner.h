// SPDX-License-Identifier: MIT
// BatchRunner: many strategies of one base on a thread pool, with progress and cooperative cancellation.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "backtest/backtestdata.h"
#include "backtest/enginesettings.h"
#include "backtest/metrics.h"
#include "common/cancellation.h"
#include "common/error.h"

namespace sixbtc::backtest {

/// Where a batch stands: strategies finished, strategies in all, strategies per second so far.
struct BatchProgress
{
    std::size_t done;
    std::size_t total;
    double strategiesPerSecond;
};

/// How a batch runs. `threads` comes from backtest.threads (0 = every core).
struct BatchOptions
{
    int threads;
    /// Called after each unit of work (up to LaneEngine::kLanes strategies), from the worker thread that finished
    /// it; calls never overlap. May be empty.
    std::function<void(const BatchProgress&)> progress;
    common::CancelToken cancel;
};

/// Runs every strategy on the shared, read-only data and returns their metrics in `params` order. One-symbol data
/// takes the LaneEngine path (strategies in blocks of kLanes), several symbols the Engine path (one strategy per
/// unit). The metrics do not depend on the thread count. When `options.cancel` is stopped, every worker finishes
/// its current unit and the batch fails with ErrorCode::Cancelled, returning no partial result.
common::Result<std::vector<Metrics>> runBatch(const BacktestData& data, const EngineSettings& settings,
                                              std::span<const StrategyParams> params, const BatchOptions& options);

/// The thread count a batch uses for `threads` (0 = std::thread::hardware_concurrency(), at least 1).
int resolveThreadCount(int threads);

} // namespace sixbtc::backtest
