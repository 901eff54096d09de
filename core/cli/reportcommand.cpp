// SPDX-License-Identifier: MIT
// `sixbtc report --out DIR`: the HTML report of the strategy pool with its charts.
#include <iostream>

#include "app/reportdata.h"
#include "cli/command.h"
#include "cli/storeaccess.h"
#include "report/reportwriter.h"

namespace sixbtc::cli {

namespace {

using common::ErrorCode;

const QString outOption = QStringLiteral("out");

CommandResult runReportCommand(CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return common::fail(ErrorCode::Usage, "--out DIR is required");
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    const storage::SystemClock clock;
    auto store = openExistingStore(config->database, clock);
    if (!store)
        return tl::unexpected(store.error());
    auto data = app::loadReportData(**store);
    if (!data)
        return tl::unexpected(data.error());
    auto files = gui::report::writeReport(*data, parser.value(outOption).toStdString());
    if (!files)
        return tl::unexpected(files.error());
    std::size_t withoutCurve = 0;
    for (const auto& s : data->active)
        withoutCurve += s.curve ? 0 : 1;
    std::cout << "wrote " << files->index.string() << ": " << data->pool.size() << " strategies in the pool ("
              << data->active.size() << " ACTIVE, " << data->pool.size() - data->active.size() << " LIVE), "
              << files->images.size() << " charts, " << withoutCurve << " ACTIVE without an equity curve\n";
    return ExitCode::Success;
}

void declareReportOptions(QCommandLineParser& parser)
{
    parser.addOption({outOption,
                      QStringLiteral("The folder to write index.html and the charts into (created when "
                                     "missing)."),
                      QStringLiteral("DIR")});
}

} // namespace

void addReportCommand(std::vector<Command>& commands)
{
    commands.push_back({{"report"},
                        "write an HTML report of the pool: table, equity/drawdown charts, walk-forward, verdicts",
                        {},
                        declareReportOptions,
                        runReportCommand});
}

} // namespace sixbtc::cli
