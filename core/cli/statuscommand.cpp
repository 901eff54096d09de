// SPDX-License-Identifier: MIT
// `sixbtc status`: strategy counts, the best pool members, the last backtest runs and generation jobs.
#include <iostream>

#include "app/statusreport.h"
#include "cli/command.h"
#include "cli/storeaccess.h"
#include "cli/table.h"
#include "common/utctime.h"

namespace sixbtc::cli {

namespace {

using common::ErrorCode;

const QString bestOption = QStringLiteral("best");
const QString runsOption = QStringLiteral("runs");
// Rows shown when the options are absent: a screenful, not a behaviour of the application.
constexpr int kDefaultBest = 10;
constexpr int kDefaultRuns = 10;
constexpr int kScoreDecimals = 3;
constexpr int kRatioDecimals = 2;
constexpr int kPercentDecimals = 2;

common::Result<std::size_t> rowCount(const QCommandLineParser& parser, const QString& option)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 0)
        return common::fail(ErrorCode::Usage, "--" + option.toStdString() + " must be a whole number >= 0, not '" +
                                                  parser.value(option).toStdString() + "'");
    return static_cast<std::size_t>(value);
}

std::string percent(double fraction)
{
    return formatFixed(100.0 * fraction, kPercentDecimals);
}

std::string optionalTime(const std::optional<std::int64_t>& ms)
{
    return ms ? common::formatUtcMinute(*ms) : std::string("-");
}

void printCounts(const std::string& title, const std::string& groupTitle, const std::vector<app::StatusCounts>& rows)
{
    std::vector<TextTable::Column> columns{{groupTitle, false}};
    for (const auto status : app::kAllStatuses)
        columns.push_back({std::string(storage::statusName(status)), true});
    columns.push_back({"total", true});
    TextTable table(std::move(columns));
    for (const auto& row : rows) {
        std::vector<std::string> cells{row.group};
        for (const auto count : row.byStatus)
            cells.push_back(std::to_string(count));
        cells.push_back(std::to_string(row.total()));
        table.addRow(std::move(cells));
    }
    std::cout << '\n' << title << '\n';
    table.print(std::cout);
}

void printBest(const std::vector<app::BestStrategy>& best)
{
    std::cout << "\nbest ACTIVE/LIVE strategies by score (training run)\n";
    if (best.empty()) {
        std::cout << "none\n";
        return;
    }
    TextTable table({{"name", false},
                     {"type", false},
                     {"tf", false},
                     {"status", false},
                     {"score", true},
                     {"sharpe", true},
                     {"return %", true},
                     {"max DD %", true},
                     {"trades", true}});
    for (const auto& s : best) {
        const auto& t = s.training;
        table.addRow({s.name, s.type, s.timeframe, std::string(storage::statusName(s.status)),
                      s.score ? formatFixed(*s.score, kScoreDecimals) : "-",
                      t ? formatFixed(t->sharpe, kRatioDecimals) : "-", t ? percent(t->totalReturn) : "-",
                      t ? percent(t->maxDrawdown) : "-", t ? std::to_string(t->nTrades) : "-"});
    }
    table.print(std::cout);
}

void printRuns(const std::vector<app::RecentRun>& runs)
{
    std::cout << "\nlast backtest runs\n";
    if (runs.empty()) {
        std::cout << "none\n";
        return;
    }
    TextTable table({{"id", true},
                     {"strategy", false},
                     {"kind", false},
                     {"tf", false},
                     {"created (UTC)", false},
                     {"return %", true},
                     {"sharpe", true}});
    for (const auto& r : runs)
        table.addRow({std::to_string(r.id), r.strategyName, r.kind, r.timeframe, common::formatUtcMinute(r.createdAtMs),
                      percent(r.totalReturn), formatFixed(r.sharpe, kRatioDecimals)});
    table.print(std::cout);
}

void printJobs(const std::vector<storage::GenerationJob>& jobs)
{
    std::cout << "\ngeneration jobs\n";
    if (jobs.empty()) {
        std::cout << "none\n";
        return;
    }
    TextTable table({{"id", false},
                     {"mode", false},
                     {"requested", true},
                     {"produced", true},
                     {"status", false},
                     {"created (UTC)", false},
                     {"started (UTC)", false},
                     {"finished (UTC)", false}});
    for (const auto& j : jobs)
        table.addRow({j.id, std::string(storage::generationModeName(j.mode)), std::to_string(j.requested),
                      std::to_string(j.produced), std::string(storage::jobStatusName(j.status)),
                      common::formatUtcMinute(j.createdAtMs), optionalTime(j.startedAtMs),
                      optionalTime(j.finishedAtMs)});
    table.print(std::cout);
}

void printReport(const app::StatusReport& report)
{
    std::cout << "strategies: " << report.all.total();
    std::string sep = " (";
    for (const auto status : app::kAllStatuses) {
        std::cout << sep << storage::statusName(status) << ' ' << report.all.count(status);
        sep = ", ";
    }
    std::cout << ")\n";
    printCounts("by timeframe", "tf", report.byTimeframe);
    printCounts("by type", "type", report.byType);
    printBest(report.best);
    printRuns(report.lastRuns);
    printJobs(report.jobs);
}

CommandResult status(CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    auto best = rowCount(parser, bestOption);
    if (!best)
        return tl::unexpected(best.error());
    auto runs = rowCount(parser, runsOption);
    if (!runs)
        return tl::unexpected(runs.error());
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    const storage::SystemClock clock;
    auto store = openExistingStore(config->database, clock);
    if (!store)
        return tl::unexpected(store.error());
    auto report = app::loadStatus(**store, *best, *runs);
    if (!report)
        return tl::unexpected(report.error());

    std::cout << "database: " << (*store)->describe() << '\n';
    if (report->all.total() == 0) {
        std::cout << "no strategies yet: run sixbtc pipeline\n";
        if (!report->jobs.empty())
            printJobs(report->jobs);
        return ExitCode::Success;
    }
    printReport(*report);
    return ExitCode::Success;
}

void declareStatusOptions(QCommandLineParser& parser)
{
    parser.addOption({bestOption,
                      QStringLiteral("Show the N best ACTIVE/LIVE strategies (default %1).").arg(kDefaultBest),
                      QStringLiteral("N"), QString::number(kDefaultBest)});
    parser.addOption(
        {runsOption,
         QStringLiteral("Show the N newest backtest runs and generation jobs (default %1).").arg(kDefaultRuns),
         QStringLiteral("N"), QString::number(kDefaultRuns)});
}

} // namespace

void addStatusCommand(std::vector<Command>& commands)
{
    commands.push_back({{"status"},
                        "strategy counts by status, timeframe and type, the best strategies, the last runs and jobs",
                        {},
                        declareStatusOptions,
                        status});
}

} // namespace sixbtc::cli
