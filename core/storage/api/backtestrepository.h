// SPDX-License-Identifier: MIT
// BacktestRepository: backtest runs with their metrics, windows, equity curves and trades.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/backtestrecords.h"

namespace sixbtc::storage {

/// Stored backtests. Implementations are not thread-safe: one store per thread.
class BacktestRepository
{
public:
    virtual ~BacktestRepository() = default;

    /// Stores a run (time from the clock) and returns its id.
    virtual common::Result<std::int64_t> insertRun(const BacktestRun& run) = 0;
    /// Stores many runs in one transaction and returns their ids in order.
    virtual common::Result<std::vector<std::int64_t>> insertRuns(const std::vector<BacktestRun>& runs) = 0;
    virtual common::Result<BacktestRun> run(std::int64_t id) = 0;
    /// The runs of a strategy, oldest first.
    virtual common::Result<std::vector<BacktestRun>> runsOf(const std::string& strategyUuid) = 0;
    /// The newest `limit` runs of every strategy, newest first (by creation time, then id). \warning limit >= 0.
    virtual common::Result<std::vector<BacktestRun>> recentRuns(std::int64_t limit) = 0;

    virtual common::Result<void> addWindowResults(std::int64_t runId, const std::vector<WindowResult>& windows) = 0;
    virtual common::Result<std::vector<WindowResult>> windowResults(std::int64_t runId) = 0;

    virtual common::Result<void> addEquityCurve(std::int64_t runId, const std::vector<EquityPoint>& points) = 0;
    virtual common::Result<std::vector<EquityPoint>> equityCurve(std::int64_t runId) = 0;

    virtual common::Result<void> addTrades(std::int64_t runId, const std::vector<TradeRecord>& trades) = 0;
    /// The trades of a run in the order they were added.
    virtual common::Result<std::vector<TradeRecord>> trades(std::int64_t runId) = 0;

    virtual common::Result<void> addWalkForwardWindows(std::int64_t runId,
                                                       const std::vector<WalkForwardWindow>& windows) = 0;
    virtual common::Result<std::vector<WalkForwardWindow>> walkForwardWindows(std::int64_t runId) = 0;
};

} // namespace sixbtc::storage
