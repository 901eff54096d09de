// SPDX-License-Identifier: MIT
// Reading the report's data from the strategy store.
#include "app/reportdata.h"
#include "app/storedrecords.h"

#include <algorithm>
#include <cmath>

#include "app/fullrun.h"

namespace sixbtc::app {

namespace {

using common::ErrorCode;
using storage::BacktestRun;
using storage::StrategyRecord;

// The newest run of `kind` (runsOf lists oldest first), or none.
const BacktestRun* latestRun(const std::vector<BacktestRun>& runs, std::string_view kind)
{
    const auto it = std::find_if(runs.rbegin(), runs.rend(), [&](const BacktestRun& run) { return run.kind == kind; });
    return it == runs.rend() ? nullptr : &*it;
}

// A pool row with its stored record and runs, while the rows are sorted.
struct PoolMember
{
    ReportPoolRow row;
    const StrategyRecord* record;
    std::vector<BacktestRun> runs;
};

bool poolOrder(const ReportPoolRow& a, const ReportPoolRow& b)
{
    if (a.score.has_value() != b.score.has_value())
        return a.score.has_value();
    if (a.score && *a.score != *b.score)
        return *a.score > *b.score;
    return a.name < b.name;
}

common::Result<std::vector<StrategyRecord>> poolRecords(storage::StrategyRepository& strategies)
{
    std::vector<StrategyRecord> records;
    for (const auto status : {storage::StrategyStatus::Active, storage::StrategyStatus::Live}) {
        auto listed = strategies.list(storage::StrategyFilter{status, std::nullopt});
        if (!listed)
            return tl::unexpected(listed.error());
        records.insert(records.end(), listed->begin(), listed->end());
    }
    return records;
}

// The latest verdict of each check, in the order the checks first appear.
std::vector<storage::ValidationVerdict> latestVerdicts(const std::vector<storage::ValidationVerdict>& all)
{
    std::vector<storage::ValidationVerdict> latest;
    for (const auto& verdict : all) {
        const auto it = std::find_if(latest.begin(), latest.end(),
                                     [&](const storage::ValidationVerdict& v) { return v.check == verdict.check; });
        if (it == latest.end())
            latest.push_back(verdict);
        else
            *it = verdict;
    }
    return latest;
}

common::Result<ReportCurve> loadCurve(storage::BacktestRepository& backtests, const StrategyRecord& record,
                                      const BacktestRun& run)
{
    ReportCurve curve{run.id, run.dataStartMs, run.dataEndMs, {}, {}, 0};
    auto equity = backtests.equityCurve(run.id);
    if (!equity)
        return tl::unexpected(equity.error());
    curve.equity = std::move(*equity);
    auto drawdown = drawdownSeries(curve.equity);
    if (!drawdown)
        return common::fail(drawdown.error().code, record.name + ": the equity curve of run " + std::to_string(run.id) +
                                                       " " + drawdown.error().message);
    curve.drawdown = std::move(*drawdown);
    auto trades = backtests.trades(run.id);
    if (!trades)
        return tl::unexpected(trades.error());
    curve.tradeCount = static_cast<std::int64_t>(trades->size());
    return curve;
}

common::Result<ReportStrategy> loadStrategy(storage::Store& store, const StrategyRecord& record,
                                            const std::vector<BacktestRun>& runs)
{
    ReportStrategy strategy{record.name, record.uuid, std::nullopt, {}, {}};
    if (const BacktestRun* full = latestRun(runs, kFullRun)) {
        auto curve = loadCurve(store.backtests(), record, *full);
        if (!curve)
            return tl::unexpected(curve.error());
        strategy.curve = std::move(*curve);
    }
    if (const BacktestRun* walkForward = latestRun(runs, kWalkForwardRun)) {
        auto windows = store.backtests().walkForwardWindows(walkForward->id);
        if (!windows)
            return tl::unexpected(windows.error());
        strategy.windows = std::move(*windows);
    }
    auto verdicts = store.strategies().verdicts(record.uuid);
    if (!verdicts)
        return tl::unexpected(verdicts.error());
    strategy.verdicts = latestVerdicts(*verdicts);
    return strategy;
}

} // namespace

common::Result<std::vector<double>> drawdownSeries(const std::vector<storage::EquityPoint>& equity)
{
    std::vector<double> drawdown;
    drawdown.reserve(equity.size());
    double peak = 0.0;
    for (std::size_t i = 0; i < equity.size(); ++i) {
        const double value = equity[i].equity;
        if (!std::isfinite(value))
            return common::fail(ErrorCode::Input, "holds a non-finite equity at point " + std::to_string(i));
        peak = i == 0 ? value : std::max(peak, value);
        if (peak <= 0.0)
            return common::fail(ErrorCode::Input, "has no positive peak at point " + std::to_string(i));
        drawdown.push_back(1.0 - value / peak);
    }
    return drawdown;
}

common::Result<ReportData> loadReportData(storage::Store& store)
{
    auto records = poolRecords(store.strategies());
    if (!records)
        return tl::unexpected(records.error());
    std::vector<PoolMember> members;
    for (const StrategyRecord& record : *records) {
        auto runs = store.backtests().runsOf(record.uuid);
        if (!runs)
            return tl::unexpected(runs.error());
        const BacktestRun* training = latestRun(*runs, kTrainingRun);
        if (!training)
            return common::fail(ErrorCode::Database, record.name + " is " +
                                                         std::string(storage::statusName(record.status)) +
                                                         " but the store holds no training run for it");
        ReportPoolRow row{record.name,   record.uuid,  record.type,       record.timeframe, record.symbols,
                          record.status, record.score, training->metrics, std::nullopt};
        if (const BacktestRun* holdout = latestRun(*runs, kHoldoutRun))
            row.holdout = holdout->metrics;
        members.push_back(PoolMember{std::move(row), &record, std::move(*runs)});
    }
    std::sort(members.begin(), members.end(),
              [](const PoolMember& a, const PoolMember& b) { return poolOrder(a.row, b.row); });

    ReportData data;
    for (const PoolMember& member : members) {
        data.pool.push_back(member.row);
        if (member.record->status != storage::StrategyStatus::Active)
            continue;
        auto strategy = loadStrategy(store, *member.record, member.runs);
        if (!strategy)
            return tl::unexpected(strategy.error());
        data.active.push_back(std::move(*strategy));
    }
    return data;
}

} // namespace sixbtc::app
