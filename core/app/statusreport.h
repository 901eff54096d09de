// SPDX-License-Identifier: MIT
// StatusReport: what `sixbtc status` shows: strategy counts, the best pool members, the last runs and jobs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/backtestrecords.h"
#include "storage/api/jobrecords.h"
#include "storage/api/store.h"
#include "storage/api/strategystatus.h"

namespace sixbtc::app {

/// Every strategy status, in lifecycle order (the order of the enumeration).
inline constexpr std::array<storage::StrategyStatus, 6> kAllStatuses{
    storage::StrategyStatus::Generated, storage::StrategyStatus::Validated, storage::StrategyStatus::Active,
    storage::StrategyStatus::Live,      storage::StrategyStatus::Rejected,  storage::StrategyStatus::Retired};

/// The strategies of one group (a timeframe, a type, or all of them) counted by status.
struct StatusCounts
{
    std::string group;
    std::array<std::int64_t, kAllStatuses.size()> byStatus{}; ///< indexed like kAllStatuses

    std::int64_t count(storage::StrategyStatus status) const { return byStatus[static_cast<std::size_t>(status)]; }
    std::int64_t total() const;
    void add(storage::StrategyStatus status, std::int64_t n) { byStatus[static_cast<std::size_t>(status)] += n; }
};

/// An ACTIVE or LIVE strategy with the figures of its newest "training" run when it has one.
struct BestStrategy
{
    std::string name;
    std::string type;
    std::string timeframe;
    storage::StrategyStatus status;
    std::optional<double> score;
    std::optional<storage::BacktestMetrics> training;
};

/// One stored backtest run with the name of its strategy.
struct RecentRun
{
    std::int64_t id = 0;
    std::string strategyName;
    std::string kind;
    std::string timeframe;
    std::int64_t createdAtMs = 0;
    double totalReturn = 0.0;
    double sharpe = 0.0;
};

/// What `sixbtc status` shows of the strategy store.
struct StatusReport
{
    StatusCounts all;                         ///< group "all"
    std::vector<StatusCounts> byTimeframe;    ///< shortest timeframe first
    std::vector<StatusCounts> byType;         ///< by type name
    std::vector<BestStrategy> best;           ///< highest score first; ties by name; unscored last
    std::vector<RecentRun> lastRuns;          ///< newest first
    std::vector<storage::GenerationJob> jobs; ///< newest first
};

/// Reads the report from `store`: counts over every strategy, the `best` highest-scored ACTIVE/LIVE strategies, the
/// newest `lastRuns` backtest runs and the newest `lastRuns` generation jobs.
common::Result<StatusReport> loadStatus(storage::Store& store, std::size_t best, std::size_t lastRuns);

} // namespace sixbtc::app
