// SPDX-License-Identifier: MIT
// Reading a strategy's chart data: its newest "full" run, the run's curve and trades, candles and holdout split.
#include "app/chartdata.h"

#include <algorithm>

#include "app/fullrun.h"
#include "app/reportdata.h"
#include "common/timeframe.h"
#include "validation/holdoutsplit.h"

namespace sixbtc::app {

namespace {

using common::ErrorCode;

// The bars of `data` whose open time lies in [fromMs, toMs).
ChartCandles slice(const data::CandleData& data, std::int64_t fromMs, std::int64_t toMs)
{
    const common::CandleSeries& series = data.series;
    ChartCandles out;
    out.symbol = series.symbol();
    const std::size_t first = series.lowerBound(fromMs);
    const std::size_t last = series.lowerBound(toMs);
    const auto cut = [&](auto column, auto& into) {
        into.assign(column.begin() + static_cast<std::ptrdiff_t>(first),
                    column.begin() + static_cast<std::ptrdiff_t>(last));
    };
    cut(series.timestampMs(), out.timeMs);
    cut(series.close(), out.close);
    cut(series.high(), out.high);
    cut(series.low(), out.low);
    return out;
}

// storeFullRun() stored the range [training.fromMs, end of the data) of splitTrainingHoldout() on the data's extent;
// the holdout depends only on the data's end, so the same split on the run's own range gives the same holdout, and
// the training is the rest of the run.
common::Result<void> splitRun(const storage::BacktestRun& run, common::Timeframe timeframe,
                              const config::BacktestSettings& settings, ChartData& chart)
{
    const std::int64_t lastBarMs = run.dataEndMs - timeframe.durationMs();
    if (lastBarMs < run.dataStartMs)
        return common::fail(ErrorCode::Database, "run " + std::to_string(run.id) + " holds no bar");
    auto split = validation::splitTrainingHoldout(run.dataStartMs, lastBarMs, timeframe, settings.trainingDays,
                                                  settings.holdoutDays);
    if (!split)
        return tl::unexpected(split.error());
    chart.holdout = split->holdout;
    chart.training = backtest::TimeRange{run.dataStartMs, split->holdout.fromMs};
    return {};
}

} // namespace

common::Result<ChartData> loadChartData(storage::Store& store, CandleCache& candles, const config::Config& config,
                                        const std::string& uuid)
{
    auto record = store.strategies().get(uuid);
    if (!record)
        return tl::unexpected(record.error());
    auto runs = store.backtests().runsOf(uuid);
    if (!runs)
        return tl::unexpected(runs.error());
    const auto full = std::find_if(runs->rbegin(), runs->rend(),
                                   [](const storage::BacktestRun& run) { return run.kind == kFullRun; });
    if (full == runs->rend())
        return common::fail(ErrorCode::Input, record->name + " has no full run: backtest it first");
    auto timeframe = common::Timeframe::parse(full->timeframe);
    if (!timeframe)
        return tl::unexpected(timeframe.error());

    ChartData chart;
    chart.name = record->name;
    chart.uuid = uuid;
    chart.runId = full->id;
    chart.metrics = full->metrics;
    if (auto ok = splitRun(*full, *timeframe, config.backtest, chart); !ok)
        return tl::unexpected(ok.error());
    auto equity = store.backtests().equityCurve(full->id);
    if (!equity)
        return tl::unexpected(equity.error());
    chart.equity = std::move(*equity);
    auto drawdown = drawdownSeries(chart.equity);
    if (!drawdown)
        return common::fail(drawdown.error().code, record->name + ": the equity curve of run " +
                                                       std::to_string(full->id) + " " + drawdown.error().message);
    chart.drawdown = std::move(*drawdown);
    auto trades = store.backtests().trades(full->id);
    if (!trades)
        return tl::unexpected(trades.error());
    chart.trades = std::move(*trades);
    auto series = candles.candles(*timeframe, full->symbols);
    if (!series)
        return tl::unexpected(series.error());
    for (const data::CandleData& data : *series)
        chart.candles.push_back(slice(data, full->dataStartMs, full->dataEndMs));
    return chart;
}

} // namespace sixbtc::app
