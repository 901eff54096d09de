// SPDX-License-Identifier: MIT
// The rotation preview: candidates from the stored pool and equity curves, then the pool module's selection.
#include "app/rotationpreview.h"

#include "app/fullrun.h"

namespace sixbtc::app {

namespace {

common::Result<pool::DailyReturns> returnsOf(storage::Store& store, const storage::StrategyRecord& strategy)
{
    auto runs = store.backtests().runsOf(strategy.uuid);
    if (!runs)
        return tl::unexpected(runs.error());
    const storage::BacktestRun* newest = nullptr;
    for (const auto& run : *runs) {
        if (run.kind == kFullRun)
            newest = &run;
    }
    if (!newest) {
        return common::fail(common::ErrorCode::Input, strategy.name +
                                                          " has no full run to measure its daily returns: run "
                                                          "'sixbtc backtest --strategy " +
                                                          strategy.name + "'");
    }
    auto curve = store.backtests().equityCurve(newest->id);
    if (!curve)
        return tl::unexpected(curve.error());
    std::vector<pool::EquitySample> samples;
    samples.reserve(curve->size());
    for (const auto& point : *curve)
        samples.push_back({point.timeMs, point.equity});
    return pool::dailyReturns(samples);
}

} // namespace

common::Result<RotationPreview> previewRotation(storage::Store& store, const config::Config& config)
{
    auto active = store.strategies().list(storage::StrategyFilter{storage::StrategyStatus::Active, std::nullopt});
    if (!active)
        return tl::unexpected(active.error());
    RotationPreview preview;
    for (const auto& strategy : *active) {
        if (!strategy.score)
            return common::fail(common::ErrorCode::Input, "ACTIVE strategy " + strategy.name + " has no score");
        auto returns = returnsOf(store, strategy);
        if (!returns)
            return tl::unexpected(returns.error());
        preview.candidates.push_back(
            {strategy.uuid, strategy.name, strategy.type, strategy.timeframe, *strategy.score, std::move(*returns)});
    }
    preview.selection = pool::selectRotation(preview.candidates, config.rotation);
    preview.assignments = pool::assignSubaccounts(preview.selection, config.hyperliquid.subaccounts);
    return preview;
}

} // namespace sixbtc::app
