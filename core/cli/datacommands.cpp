// SPDX-License-Identifier: MIT
// `sixbtc data list` and `sixbtc data summary`.
#include <iostream>

#include "app/marketsummary.h"
#include "cli/command.h"
#include "cli/table.h"
#include "common/utctime.h"
#include "data/candlefilesummary.h"
#include "data/candlestore.h"

namespace sixbtc::cli {

namespace {

CommandResult dataList(CommandContext& context)
{
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    auto store = data::CandleStore::open(config->data);
    if (!store)
        return tl::unexpected(store.error());
    auto summaries = data::summarizeFiles(*store);
    if (!summaries)
        return tl::unexpected(summaries.error());

    TextTable table({{"file", false},
                     {"symbol", false},
                     {"market", false},
                     {"tf", false},
                     {"first bar (UTC)", false},
                     {"last bar (UTC)", false},
                     {"rows", true},
                     {"gaps", true},
                     {"missing bars", true},
                     {"used", false}});
    for (const auto& file : *summaries) {
        table.addRow({file.relativePath.string(), file.name.base, std::string(data::marketName(file.name.market)),
                      std::string(file.name.timeframe.name()), common::formatUtcMinute(file.firstMs),
                      common::formatUtcMinute(file.lastMs), std::to_string(file.rows), std::to_string(file.gapCount),
                      std::to_string(file.missingBars), file.excluded ? "excluded" : "yes"});
    }
    std::cout << "data.dir: " << config->data.dir.string() << "\n\n";
    table.print(std::cout);
    for (const auto& file : store->unrecognized())
        std::cout << "not a candle file name, ignored: " << file.relativePath.string() << " (" << file.reason << ")\n";
    return ExitCode::Success;
}

CommandResult dataSummary(CommandContext& context)
{
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    auto rows = app::summarizeMarkets(*config, context.cancel());
    if (!rows)
        return tl::unexpected(rows.error());

    TextTable table({{"symbol", false},
                     {"tf", false},
                     {"market", false},
                     {"first bar (UTC)", false},
                     {"last bar (UTC)", false},
                     {"rows", true},
                     {"gaps", true},
                     {"last close", true},
                     {"change %", true},
                     {"ann. vol %", true},
                     {"max DD %", true}});
    for (const auto& row : *rows) {
        table.addRow({row.symbol, std::string(row.timeframe.name()), row.market, common::formatUtcMinute(row.firstMs),
                      common::formatUtcMinute(row.lastMs), std::to_string(row.rows), std::to_string(row.gaps),
                      formatFixed(row.lastClose, 2), formatFixed(100.0 * row.change, 2),
                      formatFixed(100.0 * row.annualisedVolatility, 1), formatFixed(100.0 * row.maxDrawdown, 1)});
    }
    std::cout << "Market summary of " << config->data.dir.string() << " (prefer "
              << (config->data.prefer == config::MarketPreference::Perpetual ? "perpetual" : "spot") << ")\n\n";
    table.print(std::cout);
    return ExitCode::Success;
}

} // namespace

void addDataCommands(std::vector<Command>& commands)
{
    commands.push_back({{"data", "list"},
                        "list every candle file: symbol, market, timeframe, first/last bar, rows, gaps",
                        {},
                        {},
                        dataList});
    commands.push_back({{"data", "summary"},
                        "summarise the configured symbols x timeframes (the main job until the pipeline lands)",
                        {},
                        {},
                        dataSummary});
}

} // namespace sixbtc::cli
