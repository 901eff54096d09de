// SPDX-License-Identifier: MIT
// The "full" run of a stored strategy: one engine run with its equity curve and trades, stored together.
#include "app/fullrun.h"

#include <algorithm>

#include "app/backtestusecase.h"
#include "app/familyidentity.h"
#include "app/storedrecords.h"
#include "app/threadguard.h"
#include "backtest/engine.h"
#include "strategy/diagnostic.h"
#include "validation/holdoutsplit.h"

namespace sixbtc::app {

namespace {

common::Result<strategy::StrategyDocument> documentOf(const storage::StrategyRecord& strategy)
{
    auto parsed = strategy::parseStrategyDocument(strategy.code, strategy.name);
    if (!parsed.document) {
        std::vector<std::string> details;
        for (const auto& d : parsed.diagnostics)
            details.push_back(strategy::formatDiagnostic(strategy.name, d));
        return common::fail(common::ErrorCode::Input, "the stored code of " + strategy.name + " does not parse",
                            details);
    }
    return std::move(*parsed.document);
}

std::vector<storage::TradeRecord> storedTrades(const backtest::BacktestData& data,
                                               std::span<const backtest::Trade> trades)
{
    const auto times = data.timestampMs();
    std::vector<storage::TradeRecord> rows;
    rows.reserve(trades.size());
    for (const auto& t : trades) {
        rows.push_back({data.track(static_cast<std::size_t>(t.symbol)).symbol, t.entryBar, t.exitBar,
                        times[static_cast<std::size_t>(t.entryBar)], times[static_cast<std::size_t>(t.exitBar)], t.dir,
                        t.entryPx, t.exitPx, t.qty, t.notional, t.margin, t.entryFee, t.exitFee, t.pnlNet,
                        t.equityAtEntry, std::string(backtest::exitReasonName(t.reason))});
    }
    return rows;
}

} // namespace

common::Result<FullRun> storeFullRun(storage::Store& store, CandleCache& candles, const config::Config& config,
                                     const storage::StrategyRecord& strategy)
{
    requireEngineThread();
    auto document = documentOf(strategy);
    if (!document)
        return tl::unexpected(document.error());
    auto params = paramsFromDocument(*document);
    if (!params)
        return tl::unexpected(params.error());
    auto series = candles.candles(document->timeframe(), document->symbols());
    if (!series)
        return tl::unexpected(series.error());
    auto all = prepareBacktest(*document, *series, backtest::TimeRange{}, false);
    if (!all)
        return tl::unexpected(all.error());
    const auto times = all->data.timestampMs();
    auto split = validation::splitTrainingHoldout(times.front(), times.back(), document->timeframe(),
                                                  config.backtest.trainingDays, config.backtest.holdoutDays);
    if (!split)
        return tl::unexpected(split.error());
    const backtest::TimeRange range{split->training.fromMs, std::max(split->training.toMs, split->holdout.toMs)};
    auto data = backtest::BacktestData::build(all->inputs, range);
    if (!data)
        return tl::unexpected(data.error());
    const backtest::EngineSettings settings = backtest::engineSettingsFrom(config);
    if (auto ok = backtest::checkEngineSettings(settings); !ok)
        return tl::unexpected(ok.error());
    backtest::Engine engine(*data, settings);
    FullRun result;
    result.metrics = engine.run(*params);
    const auto equity = engine.equity();
    const auto barTimes = data->timestampMs();
    std::vector<storage::EquityPoint> points;
    points.reserve(equity.size());
    for (std::size_t t = 0; t < equity.size(); ++t)
        points.push_back({barTimes[t], equity[t]});
    const auto trades = storedTrades(*data, engine.trades());
    result.trades = trades.size();
    result.equityPoints = points.size();
    auto stored = store.inTransaction([&]() -> common::Result<void> {
        auto id = store.backtests().insertRun(
            backtestRun(strategy, kFullRun, datasetHashOf(*data), range, result.metrics, std::nullopt));
        if (!id)
            return tl::unexpected(id.error());
        result.runId = *id;
        if (auto ok = store.backtests().addEquityCurve(*id, points); !ok)
            return ok;
        return store.backtests().addTrades(*id, trades);
    });
    if (!stored)
        return tl::unexpected(stored.error());
    return result;
}

common::Result<std::vector<storage::StrategyRecord>> missingFullRuns(storage::Store& store)
{
    std::vector<storage::StrategyRecord> missing;
    for (const auto status : {storage::StrategyStatus::Active, storage::StrategyStatus::Live}) {
        auto rows = store.strategies().list(storage::StrategyFilter{status, std::nullopt});
        if (!rows)
            return tl::unexpected(rows.error());
        for (auto& row : *rows) {
            auto runs = store.backtests().runsOf(row.uuid);
            if (!runs)
                return tl::unexpected(runs.error());
            const bool has = std::any_of(runs->begin(), runs->end(),
                                         [](const storage::BacktestRun& r) { return r.kind == kFullRun; });
            if (!has)
                missing.push_back(std::move(row));
        }
    }
    std::sort(missing.begin(), missing.end(),
              [](const storage::StrategyRecord& a, const storage::StrategyRecord& b) { return a.name < b.name; });
    return missing;
}

} // namespace sixbtc::app
