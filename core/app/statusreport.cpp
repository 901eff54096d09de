// SPDX-License-Identifier: MIT
// Loading the status report from the strategy store.
#include "app/statusreport.h"
#include "app/storedrecords.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "common/timeframe.h"

namespace sixbtc::app {

using common::Result;
using storage::StrategyRecord;
using storage::StrategyStatus;

namespace {

constexpr bool statusesIndexTheirArray()
{
    for (std::size_t i = 0; i < kAllStatuses.size(); ++i) {
        if (static_cast<std::size_t>(kAllStatuses[i]) != i)
            return false;
    }
    return true;
}
static_assert(statusesIndexTheirArray(), "StatusCounts::byStatus is indexed by the StrategyStatus value");

// Known timeframes shortest first, then any other name alphabetically.
bool timeframeBefore(const StatusCounts& a, const StatusCounts& b)
{
    const auto ta = common::Timeframe::parse(a.group);
    const auto tb = common::Timeframe::parse(b.group);
    if (ta && tb)
        return *ta < *tb;
    if (ta || tb)
        return ta.has_value();
    return a.group < b.group;
}

std::vector<StatusCounts> groups(const std::map<std::string, StatusCounts>& byName)
{
    std::vector<StatusCounts> result;
    result.reserve(byName.size());
    for (const auto& [name, counts] : byName)
        result.push_back(counts);
    return result;
}

bool scoreBefore(const StrategyRecord& a, const StrategyRecord& b)
{
    if (a.score.has_value() != b.score.has_value())
        return a.score.has_value();
    if (a.score && *a.score != *b.score)
        return *a.score > *b.score;
    return a.name < b.name;
}

Result<std::vector<BestStrategy>> bestStrategies(storage::Store& store, std::size_t count)
{
    std::vector<StrategyRecord> pool;
    for (const StrategyStatus status : {StrategyStatus::Active, StrategyStatus::Live}) {
        auto records = store.strategies().list(storage::StrategyFilter{status, std::nullopt});
        if (!records)
            return tl::unexpected(records.error());
        pool.insert(pool.end(), records->begin(), records->end());
    }
    const std::size_t kept = std::min(count, pool.size());
    std::partial_sort(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(kept), pool.end(), scoreBefore);
    std::vector<BestStrategy> best;
    for (std::size_t i = 0; i < kept; ++i) {
        const StrategyRecord& record = pool[i];
        auto runs = store.backtests().runsOf(record.uuid);
        if (!runs)
            return tl::unexpected(runs.error());
        std::optional<storage::BacktestMetrics> training;
        for (const storage::BacktestRun& run : *runs) {
            if (run.kind == kTrainingRun)
                training = run.metrics; // runs come oldest first: the newest training run wins
        }
        best.push_back(BestStrategy{record.name, record.type, record.timeframe, record.status, record.score, training});
    }
    return best;
}

Result<std::vector<RecentRun>> recentRuns(storage::Store& store, std::size_t count)
{
    auto runs = store.backtests().recentRuns(static_cast<std::int64_t>(count));
    if (!runs)
        return tl::unexpected(runs.error());
    std::unordered_map<std::string, std::string> names;
    std::vector<RecentRun> result;
    for (const storage::BacktestRun& run : *runs) {
        auto name = names.find(run.strategyUuid);
        if (name == names.end()) {
            auto strategy = store.strategies().get(run.strategyUuid);
            if (!strategy)
                return tl::unexpected(strategy.error());
            name = names.emplace(run.strategyUuid, strategy->name).first;
        }
        result.push_back(RecentRun{run.id, name->second, run.kind, run.timeframe, run.createdAtMs,
                                   run.metrics.totalReturn, run.metrics.sharpe});
    }
    return result;
}

} // namespace

std::int64_t StatusCounts::total() const
{
    return std::accumulate(byStatus.begin(), byStatus.end(), std::int64_t(0));
}

Result<StatusReport> loadStatus(storage::Store& store, std::size_t best, std::size_t lastRuns)
{
    // Counted by the database: listing 20,000 strategies with their code to count them took over a second.
    auto counts = store.strategies().countByGroup();
    if (!counts)
        return tl::unexpected(counts.error());

    StatusReport report;
    report.all.group = "all";
    std::map<std::string, StatusCounts> byTimeframe;
    std::map<std::string, StatusCounts> byType;
    for (const storage::StrategyCount& count : *counts) {
        report.all.add(count.status, count.count);
        auto& timeframe = byTimeframe[count.timeframe];
        timeframe.group = count.timeframe;
        timeframe.add(count.status, count.count);
        auto& type = byType[count.type];
        type.group = count.type;
        type.add(count.status, count.count);
    }
    report.byTimeframe = groups(byTimeframe);
    std::stable_sort(report.byTimeframe.begin(), report.byTimeframe.end(), timeframeBefore);
    report.byType = groups(byType);

    auto bestOnes = bestStrategies(store, best);
    if (!bestOnes)
        return tl::unexpected(bestOnes.error());
    report.best = std::move(*bestOnes);

    auto runs = recentRuns(store, lastRuns);
    if (!runs)
        return tl::unexpected(runs.error());
    report.lastRuns = std::move(*runs);

    auto jobs = store.jobs().jobs(std::nullopt);
    if (!jobs)
        return tl::unexpected(jobs.error());
    std::reverse(jobs->begin(), jobs->end());
    jobs->resize(std::min(jobs->size(), lastRuns));
    report.jobs = std::move(*jobs);
    return report;
}

} // namespace sixbtc::app
