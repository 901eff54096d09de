// SPDX-License-Identifier: MIT
// The backtest and optimize use cases: signals from the compiled plan, range and gap checks, engine runs.
#include "app/backtestusecase.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "app/threadguard.h"
#include "backtest/batchrunner.h"
#include "backtest/engine.h"
#include "config/mappingreader.h"
#include "config/yamldocument.h"
#include "data/filecontent.h"
#include "strategy/indicatorcache.h"
#include "strategy/signalplan.h"

namespace sixbtc::app {

using common::ErrorCode;

namespace {

std::string symbolList(const std::vector<std::string>& symbols)
{
    std::string text;
    for (const auto& symbol : symbols)
        text += (text.empty() ? "" : ", ") + symbol;
    return text;
}

// The gaps of `candles` with a missing bar time inside [fromMs, toMs), one line each.
std::vector<std::string> gapsInRange(const data::CandleData& candles, const backtest::TimeRange& range)
{
    std::vector<std::string> lines;
    const std::int64_t step = candles.series.timeframe().durationMs();
    for (const auto& gap : candles.gaps) {
        if (gap.previousMs + step < range.toMs && gap.nextMs - step >= range.fromMs) {
            lines.push_back(candles.series.symbol() + ": " + std::to_string(gap.missingBars) +
                            " missing bar(s) between " + std::to_string(gap.previousMs) + " and " +
                            std::to_string(gap.nextMs) + " (UTC ms)");
        }
    }
    return lines;
}

common::Result<void> checkCandles(const strategy::StrategyDocument& document,
                                  const std::vector<data::CandleData>& candles, const backtest::TimeRange& range)
{
    const auto& symbols = document.symbols();
    for (const auto& c : candles) {
        if (std::find(symbols.begin(), symbols.end(), c.series.symbol()) == symbols.end()) {
            return common::fail(ErrorCode::Input, "unknown symbol " + c.series.symbol() +
                                                      ": not a symbol of the strategy (" + symbolList(symbols) + ")");
        }
        if (c.series.timeframe() != document.timeframe()) {
            return common::fail(ErrorCode::Input,
                                c.series.symbol() + ": the candles are " + std::string(c.series.timeframe().name()) +
                                    " but the strategy's timeframe is " + std::string(document.timeframe().name()));
        }
        if (c.series.lowerBound(range.fromMs) == c.series.lowerBound(range.toMs)) {
            return common::fail(ErrorCode::Input, c.series.symbol() + ": no bar inside the range [" +
                                                      std::to_string(range.fromMs) + ", " + std::to_string(range.toMs) +
                                                      ") UTC ms");
        }
    }
    for (const auto& symbol : symbols) {
        const bool present = std::any_of(candles.begin(), candles.end(),
                                         [&](const data::CandleData& c) { return c.series.symbol() == symbol; });
        if (!present)
            return common::fail(ErrorCode::Input, "no candles for symbol " + symbol + " of the strategy");
    }
    if (candles.size() != symbols.size())
        return common::fail(ErrorCode::Input, "a symbol's candles are given more than once");
    return {};
}

// An Input error naming the grid file, one detail per problem ("file:line: key[i]: text").
tl::unexpected<common::Error> gridFileError(const std::filesystem::path& path, const config::ProblemList& problems)
{
    return common::fail(ErrorCode::Input,
                        "grid file " + path.string() + ": " + std::to_string(problems.count()) + " problem(s)",
                        problems.toError().details);
}

} // namespace

common::Result<PreparedBacktest> prepareBacktest(const strategy::StrategyDocument& document,
                                                 const std::vector<data::CandleData>& candles,
                                                 backtest::TimeRange range, bool allowGaps)
{
    if (range.fromMs >= range.toMs) {
        return common::fail(ErrorCode::Input, "empty range: from " + std::to_string(range.fromMs) +
                                                  " must be before to " + std::to_string(range.toMs) + " (UTC ms)");
    }
    if (auto ok = checkCandles(document, candles, range); !ok)
        return tl::unexpected(ok.error());

    PreparedBacktest prepared;
    std::vector<std::string> gaps;
    for (const auto& c : candles) {
        for (auto& line : gapsInRange(c, range))
            gaps.push_back(std::move(line));
    }
    if (!gaps.empty() && !allowGaps)
        return common::fail(ErrorCode::Input, "the data has gaps inside the range (--allow-gaps accepts them)", gaps);
    for (auto& line : gaps)
        prepared.notes.push_back("gap accepted: " + line);

    // Signals on each whole series (causal), so the bars before the range warm the indicators up.
    const strategy::SignalPlan plan = strategy::SignalPlan::compile(document);
    prepared.columns.reserve(candles.size());
    for (const auto& c : candles) {
        strategy::IndicatorCache cache{strategy::CandleWindow(c.series)};
        prepared.columns.push_back(std::move(plan.evaluate(cache).front()));
        const auto& cols = prepared.columns.back();
        prepared.inputs.push_back(
            {&c.series,
             {cols.rule(strategy::RuleSlot::LongEntry), cols.rule(strategy::RuleSlot::ShortEntry),
              cols.rule(strategy::RuleSlot::LongExit), cols.rule(strategy::RuleSlot::ShortExit)}});
    }
    auto data = backtest::BacktestData::build(prepared.inputs, range);
    if (!data)
        return tl::unexpected(data.error());
    prepared.data = std::move(*data);
    return prepared;
}

common::Result<backtest::StrategyParams> paramsFromDocument(const strategy::StrategyDocument& document)
{
    const auto& risk = document.risk();
    if (!risk) {
        return common::fail(ErrorCode::Input,
                            "the strategy has no risk block (sl_pct, tp_pct, leverage, exit_after_bars)");
    }
    if (risk->exitAfterBars < 0 || risk->exitAfterBars > std::numeric_limits<int>::max())
        return common::fail(ErrorCode::Input, "risk.exit_after_bars must be an integer >= 0");
    const backtest::StrategyParams params{risk->slPct, risk->tpPct, risk->leverage,
                                          static_cast<int>(risk->exitAfterBars)};
    if (auto ok = backtest::checkStrategyParams(params); !ok)
        return common::fail(ErrorCode::Input, "strategy risk block: " + ok.error().message);
    return params;
}

common::Result<backtest::ParamGrid> readGridFile(const std::filesystem::path& path)
{
    auto text = data::readFileContent(path);
    if (!text)
        return common::fail(ErrorCode::Input, "grid file " + path.string() + ": " + text.error().message);
    config::ProblemList problems(path.string());
    const std::optional<YAML::Node> document = config::parseSingleDocument(*text, problems);
    if (document && !document->IsMap()) {
        problems.add(config::lineOf(*document, 1), "",
                     "expected a mapping with sl_pct, tp_pct, leverage and exit_after_bars lists");
    }
    if (!document || !problems.empty())
        return gridFileError(path, problems);
    config::GridSettings grid;
    try {
        const int rootLine = config::lineOf(*document, 1);
        config::MappingReader root(config::ValueRef{*document, "", rootLine}, rootLine, problems);
        grid.slPct = root.numberList("sl_pct", config::above(0.0));
        grid.tpPct = root.numberList("tp_pct", config::above(0.0));
        grid.leverage = root.numberList("leverage", config::atLeast(1.0));
        grid.exitAfterBars = root.integerList("exit_after_bars", config::integersFrom(0));
        root.finish();
    } catch (const YAML::Exception& e) {
        problems.add(1, "", std::string("YAML error: ") + e.what());
    }
    if (!problems.empty())
        return gridFileError(path, problems);
    return backtest::expandGrid(grid);
}

common::Result<BacktestOutcome> runBacktest(const backtest::BacktestData& data,
                                            const backtest::EngineSettings& settings,
                                            const backtest::StrategyParams& params)
{
    requireEngineThread();
    if (auto ok = backtest::checkEngineSettings(settings); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = backtest::checkStrategyParams(params); !ok)
        return tl::unexpected(ok.error());
    backtest::Engine engine(data, settings);
    BacktestOutcome outcome{params, engine.run(params), {}};
    outcome.trades.assign(engine.trades().begin(), engine.trades().end());
    return outcome;
}

common::Result<OptimizeOutcome> runOptimize(const backtest::BacktestData& data,
                                            const backtest::EngineSettings& settings, const backtest::ParamGrid& grid,
                                            int threads, bool withTrades, const common::CancelToken& cancel)
{
    requireEngineThread();
    if (auto ok = backtest::checkEngineSettings(settings); !ok)
        return tl::unexpected(ok.error());
    OptimizeOutcome outcome;
    if (!withTrades) {
        auto metrics = backtest::runBatch(data, settings, grid.params, backtest::BatchOptions{threads, {}, cancel});
        if (!metrics)
            return tl::unexpected(metrics.error());
        outcome.metrics = std::move(*metrics);
        return outcome;
    }
    // The trade list needs the trade-keeping engine; its metrics are the batch's, bit for bit (tested in backtest).
    backtest::Engine engine(data, settings);
    for (const auto& params : grid.params) {
        if (cancel.stopRequested())
            return common::fail(ErrorCode::Cancelled, "optimize cancelled");
        outcome.metrics.push_back(engine.run(params));
        outcome.trades.emplace_back(engine.trades().begin(), engine.trades().end());
    }
    return outcome;
}

} // namespace sixbtc::app
