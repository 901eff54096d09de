// SPDX-License-Identifier: MIT
// `sixbtc backtest`: one strategy document run on candles with its own risk block.
#include <iostream>
#include <string>
#include <vector>

#include "app/backtestusecase.h"
#include "backtest/resultjson.h"
#include "cli/pipelinesession.h"
#include "cli/runinputs.h"
#include "cli/table.h"

namespace sixbtc::cli {

namespace {

/// How many of the last trades `backtest` prints.
constexpr std::size_t kPrintedRows = 10;

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
    const QCommandLineParser& parser = context.parser();
    if (parser.isSet(QStringLiteral("strategy")) || parser.isSet(QStringLiteral("all"))) {
        if (parser.isSet(strategyFileOption))
            return common::fail(common::ErrorCode::Usage,
                                "give --strategy-file FILE, --strategy NAME or --all, not several");
        return runStoredBacktest(context);
    }
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

} // namespace

void addBacktestCommands(std::vector<Command>& commands)
{
    commands.push_back({{"backtest"},
                        "backtest a strategy document on candles, or stored strategies (--strategy, --all)",
                        {},
                        [](QCommandLineParser& parser) {
                            declareCommonOptions(parser);
                            declareStoredBacktestOptions(parser);
                        },
                        runBacktestCommand});
}

} // namespace sixbtc::cli
