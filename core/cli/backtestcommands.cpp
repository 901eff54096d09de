// SPDX-License-Identifier: MIT
// `sixbtc backtest` and `sixbtc optimize`: a strategy document run on candles, one strategy or the grid.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QSaveFile>

#include "app/backtestusecase.h"
#include "backtest/resultjson.h"
#include "cli/command.h"
#include "cli/inputfiles.h"
#include "cli/table.h"
#include "data/candlestore.h"
#include "strategy/strategydocument.h"

namespace sixbtc::cli {

namespace {

using common::ErrorCode;

const QString strategyFileOption = QStringLiteral("strategy-file");
const QString dataOption = QStringLiteral("data");
const QString fromOption = QStringLiteral("from");
const QString toOption = QStringLiteral("to");
const QString jsonOption = QStringLiteral("json");
const QString allowGapsOption = QStringLiteral("allow-gaps");
const QString gridOption = QStringLiteral("grid");
const QString tradesOption = QStringLiteral("trades");

/// How many of the last trades `backtest` prints, and how many of the best strategies `optimize` prints.
constexpr std::size_t kPrintedRows = 10;

/// Everything a run needs, loaded from the arguments and the configuration.
struct RunInputs
{
    std::string strategyName;
    std::optional<strategy::StrategyDocument> document;
    config::Config config;
    app::PreparedBacktest prepared;
};

common::Result<strategy::StrategyDocument> loadDocument(const std::filesystem::path& path)
{
    auto text = readStrategyFile(path);
    if (!text)
        return tl::unexpected(text.error());
    auto parsed = strategy::parseStrategyDocument(*text, path.string());
    if (!parsed.document) {
        std::vector<std::string> details;
        for (const auto& diagnostic : parsed.diagnostics)
            details.push_back(strategy::formatDiagnostic(path.string(), diagnostic));
        return common::fail(ErrorCode::Input, path.string() + ": the strategy document is invalid", details);
    }
    return std::move(*parsed.document);
}

// An ISO 8601 date or date-time; without an offset it is UTC.
common::Result<std::int64_t> parseTime(const QString& option, const QString& value)
{
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay(Qt::UTC);
    } else if (time.timeSpec() == Qt::LocalTime) {
        time.setTimeSpec(Qt::UTC);
    }
    if (!time.isValid()) {
        return common::fail(ErrorCode::Usage, "--" + option.toStdString() + " expects an ISO 8601 date or time, got '" +
                                                  value.toStdString() + "'");
    }
    return time.toMSecsSinceEpoch();
}

common::Result<backtest::TimeRange> parseRange(const QCommandLineParser& parser)
{
    backtest::TimeRange range;
    for (const auto& [option, bound] : {std::pair{fromOption, &range.fromMs}, std::pair{toOption, &range.toMs}}) {
        if (!parser.isSet(option))
            continue;
        auto ms = parseTime(option, parser.value(option));
        if (!ms)
            return tl::unexpected(ms.error());
        *bound = *ms;
    }
    return range;
}

// The --data SYMBOL=FILE files; every symbol must be one of the strategy's, and every strategy symbol needs one.
common::Result<std::vector<data::CandleData>> candlesFromFiles(const QStringList& values,
                                                               const strategy::StrategyDocument& document)
{
    std::vector<data::CandleData> candles;
    const auto& symbols = document.symbols();
    auto arguments = parseDataArguments(values);
    if (!arguments)
        return tl::unexpected(arguments.error());
    for (const auto& [symbol, file] : *arguments) {
        if (std::find(symbols.begin(), symbols.end(), symbol) == symbols.end())
            return common::fail(ErrorCode::Usage, "--data " + symbol + ": unknown symbol, not one of the strategy's");
        auto read = data::CandleReader::read(file, symbol, document.timeframe());
        if (!read)
            return tl::unexpected(read.error());
        candles.push_back(std::move(*read));
    }
    return candles;
}

common::Result<std::vector<data::CandleData>> candlesFromStore(const config::Config& config,
                                                               const strategy::StrategyDocument& document)
{
    auto store = data::CandleStore::open(config.data);
    if (!store)
        return tl::unexpected(store.error());
    std::vector<data::CandleData> candles;
    for (const auto& symbol : document.symbols()) {
        auto loaded = store->load(symbol, document.timeframe());
        if (!loaded)
            return tl::unexpected(loaded.error());
        candles.push_back(std::move(*loaded));
    }
    return candles;
}

common::Result<RunInputs> loadInputs(const CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    if (!parser.isSet(strategyFileOption))
        return common::fail(ErrorCode::Usage, "--strategy-file FILE is required");
    auto range = parseRange(parser);
    if (!range)
        return tl::unexpected(range.error());
    const std::filesystem::path strategyPath = parser.value(strategyFileOption).toStdString();
    auto document = loadDocument(strategyPath);
    if (!document)
        return tl::unexpected(document.error());
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    const QStringList dataValues = parser.values(dataOption);
    auto candles =
        dataValues.isEmpty() ? candlesFromStore(*config, *document) : candlesFromFiles(dataValues, *document);
    if (!candles)
        return tl::unexpected(candles.error());
    auto prepared = app::prepareBacktest(*document, *candles, *range, parser.isSet(allowGapsOption));
    if (!prepared)
        return tl::unexpected(prepared.error());
    return RunInputs{strategyPath.string(), std::move(*document), std::move(*config), std::move(*prepared)};
}

common::Result<void> writeRecord(const std::filesystem::path& path, const QJsonObject& record)
{
    QSaveFile file(QString::fromStdString(path.string()));
    const QByteArray json = backtest::recordText(record);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        return common::fail(ErrorCode::Input, path.string() + ": cannot write the JSON record (" +
                                                  file.errorString().toStdString() + ")");
    }
    return {};
}

std::string utcTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate).toStdString();
}

void printHeader(const RunInputs& inputs)
{
    const auto& data = inputs.prepared.data;
    for (const auto& note : inputs.prepared.notes)
        std::cout << note << '\n';
    std::cout << inputs.strategyName << ": " << data.bars() << " bars from " << utcTime(data.timestampMs().front())
              << " to " << utcTime(data.timestampMs().back()) << '\n';
}

void printMetrics(const backtest::Metrics& m)
{
    TextTable table({{"metric", false}, {"value", true}});
    table.addRow({"total_return", formatFixed(m.totalReturn, 6)});
    table.addRow({"sharpe", formatFixed(m.sharpe, 4)});
    table.addRow({"win_rate", formatFixed(m.winRate, 4)});
    table.addRow({"expectancy", formatFixed(m.expectancy, 6)});
    table.addRow({"expectancy_usdc", formatFixed(m.expectancyUsdc, 4)});
    table.addRow({"max_drawdown", formatFixed(m.maxDrawdown, 6)});
    table.addRow({"n_trades", std::to_string(m.nTrades)});
    table.addRow({"ed_ratio", formatFixed(m.edRatio, 6)});
    table.addRow({"consistency", formatFixed(m.consistency, 4)});
    table.addRow({"final_equity", formatFixed(m.finalEquity, 2)});
    table.print(std::cout);
}

void printLastTrades(const backtest::BacktestData& data, const std::vector<backtest::Trade>& trades)
{
    const std::size_t first = trades.size() > kPrintedRows ? trades.size() - kPrintedRows : 0;
    std::cout << "\nlast " << trades.size() - first << " of " << trades.size() << " trades:\n";
    TextTable table({{"symbol", false},
                     {"entry", false},
                     {"exit", false},
                     {"dir", true},
                     {"entry_px", true},
                     {"exit_px", true},
                     {"pnl_net", true},
                     {"reason", false}});
    for (std::size_t i = first; i < trades.size(); ++i) {
        const auto& t = trades[i];
        table.addRow({data.track(static_cast<std::size_t>(t.symbol)).symbol,
                      utcTime(data.timestampMs()[static_cast<std::size_t>(t.entryBar)]),
                      utcTime(data.timestampMs()[static_cast<std::size_t>(t.exitBar)]), std::to_string(t.dir),
                      formatFixed(t.entryPx, 4), formatFixed(t.exitPx, 4), formatFixed(t.pnlNet, 4),
                      std::string(backtest::exitReasonName(t.reason))});
    }
    table.print(std::cout);
}

CommandResult runBacktestCommand(CommandContext& context)
{
    auto inputs = loadInputs(context);
    if (!inputs)
        return tl::unexpected(inputs.error());
    auto params = app::paramsFromDocument(*inputs->document);
    if (!params)
        return tl::unexpected(params.error());
    auto outcome = app::runBacktest(inputs->prepared.data, backtest::engineSettingsFrom(inputs->config), *params);
    if (!outcome)
        return tl::unexpected(outcome.error());
    printHeader(*inputs);
    printMetrics(outcome->metrics);
    printLastTrades(inputs->prepared.data, outcome->trades);
    if (context.parser().isSet(jsonOption)) {
        const QJsonObject record = backtest::backtestRecord(inputs->prepared.data, inputs->strategyName, *params,
                                                            outcome->metrics, outcome->trades);
        if (auto written = writeRecord(context.parser().value(jsonOption).toStdString(), record); !written)
            return tl::unexpected(written.error());
    }
    return ExitCode::Success;
}

void printBest(const backtest::ParamGrid& grid, const std::vector<backtest::Metrics>& metrics)
{
    std::vector<std::size_t> order(metrics.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return metrics[a].sharpe > metrics[b].sharpe; });
    order.resize(std::min(order.size(), kPrintedRows));
    std::cout << "best " << order.size() << " by sharpe:\n";
    TextTable table({{"index", true},
                     {"sl_pct", true},
                     {"tp_pct", true},
                     {"leverage", true},
                     {"exit_bars", true},
                     {"total_return", true},
                     {"sharpe", true},
                     {"max_drawdown", true},
                     {"n_trades", true}});
    for (std::size_t i : order) {
        const auto& p = grid.params[i];
        const auto& m = metrics[i];
        table.addRow({std::to_string(i), formatFixed(p.slPct, 4), formatFixed(p.tpPct, 4), formatFixed(p.leverage, 1),
                      std::to_string(p.exitAfterBars), formatFixed(m.totalReturn, 6), formatFixed(m.sharpe, 4),
                      formatFixed(m.maxDrawdown, 6), std::to_string(m.nTrades)});
    }
    table.print(std::cout);
}

CommandResult runOptimizeCommand(CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    auto inputs = loadInputs(context);
    if (!inputs)
        return tl::unexpected(inputs.error());
    auto grid = parser.isSet(gridOption) ? app::readGridFile(parser.value(gridOption).toStdString())
                                         : backtest::expandGrid(inputs->config.optimization.grid);
    if (!grid)
        return tl::unexpected(grid.error());
    const bool withTrades = parser.isSet(tradesOption);
    const auto started = std::chrono::steady_clock::now();
    auto outcome = app::runOptimize(inputs->prepared.data, backtest::engineSettingsFrom(inputs->config), *grid,
                                    inputs->config.backtest.threads, withTrades, context.cancel());
    if (!outcome)
        return tl::unexpected(outcome.error());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    printHeader(*inputs);
    std::cout << grid->params.size() << " strategies in " << formatFixed(seconds, 3) << " s\n";
    printBest(*grid, outcome->metrics);
    if (parser.isSet(jsonOption)) {
        const QJsonObject record = backtest::optimizeRecord(inputs->prepared.data, grid->params, outcome->metrics,
                                                            outcome->trades, backtest::BatchTiming{seconds});
        if (auto written = writeRecord(parser.value(jsonOption).toStdString(), record); !written)
            return tl::unexpected(written.error());
    }
    return ExitCode::Success;
}

void declareCommonOptions(QCommandLineParser& parser)
{
    parser.addOption({strategyFileOption, QStringLiteral("The strategy document (YAML)."), QStringLiteral("FILE")});
    parser.addOption({dataOption,
                      QStringLiteral("Read the candles of SYMBOL from FILE (repeatable; one per strategy symbol). "
                                     "Without it the configured candle store supplies every symbol."),
                      QStringLiteral("SYMBOL=FILE")});
    parser.addOption(
        {fromOption, QStringLiteral("First bar open time, inclusive (ISO 8601, UTC)."), QStringLiteral("ISO8601")});
    parser.addOption(
        {toOption, QStringLiteral("End of the range, exclusive (ISO 8601, UTC)."), QStringLiteral("ISO8601")});
    parser.addOption(
        {jsonOption, QStringLiteral("Also write the result record as JSON to OUT."), QStringLiteral("OUT")});
    parser.addOption({allowGapsOption, QStringLiteral("Accept candle data with missing bars inside the range.")});
}

void declareOptimizeOptions(QCommandLineParser& parser)
{
    declareCommonOptions(parser);
    parser.addOption({gridOption,
                      QStringLiteral("The grid (sl_pct, tp_pct, leverage, exit_after_bars lists) from a YAML file "
                                     "instead of optimization.grid."),
                      QStringLiteral("FILE.yaml")});
    parser.addOption({tradesOption, QStringLiteral("Write every strategy's trades into the JSON record.")});
}

} // namespace

void addBacktestCommands(std::vector<Command>& commands)
{
    commands.push_back({{"backtest"},
                        "backtest a strategy document on candles; print its metrics and last trades",
                        {},
                        declareCommonOptions,
                        runBacktestCommand});
    commands.push_back({{"optimize"},
                        "backtest a strategy over the parametric grid (sl, tp, leverage, exit bars)",
                        {},
                        declareOptimizeOptions,
                        runOptimizeCommand});
}

} // namespace sixbtc::cli
