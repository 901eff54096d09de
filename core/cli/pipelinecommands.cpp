// SPDX-License-Identifier: MIT
// `sixbtc generate | classify | rotate | pipeline` and the stored-strategy `backtest`: the pipeline's commands.
#include <algorithm>
#include <iostream>
#include <optional>

#include "app/fullrun.h"
#include "cli/pipelinesession.h"
#include "cli/table.h"

namespace sixbtc::cli {

namespace {

using common::ErrorCode;

const QString countOption = QStringLiteral("count");
const QString timeframeOption = QStringLiteral("timeframe");
const QString dryRunOption = QStringLiteral("dry-run");
const QString strategyOption = QStringLiteral("strategy");
const QString allOption = QStringLiteral("all");

/// How many pool members the pipeline and classify print.
constexpr std::size_t kPoolRows = 20;

common::Result<generation::PatternLibrary> patternSource(const config::Config& config)
{
    if (!config.generation.pattern.enabled) {
        return common::fail(ErrorCode::Usage, "generation.strategy_sources.pattern.enabled is false: the pattern "
                                              "source, the only one available, is switched off");
    }
    return generation::PatternLibrary::loadEmbedded();
}

CommandResult runGenerate(CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    bool ok = false;
    const int count = parser.value(countOption).toInt(&ok);
    if (!parser.isSet(countOption) || !ok || count < 1)
        return common::fail(ErrorCode::Usage, "--count N is required: a whole number of bases per timeframe, >= 1");
    auto session = PipelineSession::open(context);
    if (!session)
        return tl::unexpected(session.error());
    const config::Config& config = (*session)->config();
    std::vector<common::Timeframe> timeframes = config.trading.timeframes;
    if (parser.isSet(timeframeOption)) {
        auto tf = common::Timeframe::parse(parser.value(timeframeOption).toStdString());
        if (!tf)
            return common::fail(ErrorCode::Usage, "--timeframe: " + tf.error().message);
        timeframes = {*tf};
    }
    auto library = patternSource(config);
    if (!library)
        return tl::unexpected(library.error());
    auto cycle = app::generateCycle((*session)->phaseContext(), *library, static_cast<std::size_t>(count), timeframes,
                                    storage::JobStatus::Done);
    if (!cycle)
        return tl::unexpected(cycle.error());
    for (const auto& note : cycle->phase.notes)
        std::cout << note << '\n';
    std::cout << "generated " << cycle->phase.units << " base strategies (GENERATED)";
    if (cycle->jobId)
        std::cout << ", job " << *cycle->jobId;
    std::cout << '\n';
    return ExitCode::Success;
}

CommandResult runClassify(CommandContext& context)
{
    auto session = PipelineSession::open(context);
    if (!session)
        return tl::unexpected(session.error());
    auto outcome = app::classifyPending((*session)->phaseContext());
    if (!outcome)
        return tl::unexpected(outcome.error());
    std::cout << "classified " << outcome->units << ": " << outcome->passed << " entered the pool, "
              << outcome->rejected << " rejected\n";
    for (const auto& note : outcome->notes)
        std::cout << note << '\n';
    if (auto ok = printPool((*session)->store(), kPoolRows); !ok)
        return tl::unexpected(ok.error());
    return ExitCode::Success;
}

CommandResult runRotate(CommandContext& context)
{
    if (!context.parser().isSet(dryRunOption)) {
        return common::fail(ErrorCode::Usage, "only 'sixbtc rotate --dry-run' is available: deploying to subaccounts "
                                              "comes with the live executor");
    }
    auto session = PipelineSession::open(context);
    if (!session)
        return tl::unexpected(session.error());
    auto preview = app::previewRotation((*session)->store(), (*session)->config());
    if (!preview)
        return tl::unexpected(preview.error());
    printRotation(*preview, (*session)->config());
    return ExitCode::Success;
}

CommandResult runPipelineCommand(CommandContext& context)
{
    auto session = PipelineSession::open(context);
    if (!session)
        return tl::unexpected(session.error());
    const config::Config& config = (*session)->config();
    std::optional<generation::PatternLibrary> library;
    if (config.generation.pattern.enabled) {
        auto loaded = generation::PatternLibrary::loadEmbedded();
        if (!loaded)
            return tl::unexpected(loaded.error());
        library = std::move(*loaded);
    }
    std::cout << "pipeline on " << (*session)->store().describe() << '\n';
    auto report =
        app::runPipeline((*session)->phaseContext(), library ? &*library : nullptr, &ProgressPrinter::steadyNowMs);
    if (!report)
        return tl::unexpected(report.error());
    if (report->resumed)
        std::cout << "resumed the unfinished run of job " << report->jobId.value_or("-") << '\n';
    if (auto ok = printPool((*session)->store(), kPoolRows); !ok)
        return tl::unexpected(ok.error());
    auto preview = app::previewRotation((*session)->store(), config);
    if (!preview)
        return tl::unexpected(preview.error());
    printRotation(*preview, config);
    printPhaseFigures(report->phases, report->seconds);
    return ExitCode::Success;
}

} // namespace

CommandResult runStoredBacktest(CommandContext& context)
{
    auto session = PipelineSession::open(context);
    if (!session)
        return tl::unexpected(session.error());
    app::PhaseContext ctx = (*session)->phaseContext();
    if (context.parser().isSet(allOption)) {
        auto validated = app::validatePending(ctx, std::string());
        if (!validated)
            return tl::unexpected(validated.error());
        auto outcome = app::expandPending(ctx, std::string());
        if (!outcome)
            return tl::unexpected(outcome.error());
        std::cout << "backtested and optimised " << outcome->units << " strategies: " << outcome->passed
                  << " wait for classify, " << outcome->rejected << " rejected\n";
        return ExitCode::Success;
    }
    const std::string wanted = context.parser().value(strategyOption).toStdString();
    auto all = ctx.store.strategies().list(storage::StrategyFilter{});
    if (!all)
        return tl::unexpected(all.error());
    const auto found = std::find_if(all->begin(), all->end(), [&](const storage::StrategyRecord& s) {
        return s.name == wanted || s.uuid == wanted;
    });
    if (found == all->end())
        return common::fail(ErrorCode::Input, "no stored strategy is named " + wanted);
    if (found->generationMode != storage::GenerationMode::Optimized) {
        if (found->status == storage::StrategyStatus::Generated) {
            auto validated = app::validatePending(ctx, found->uuid);
            if (!validated)
                return tl::unexpected(validated.error());
            if (validated->rejected > 0) {
                auto events = ctx.store.strategies().events(found->uuid);
                if (!events)
                    return tl::unexpected(events.error());
                return common::fail(ErrorCode::Invalid, found->name + " is REJECTED: " + events->back().reason);
            }
            found->status = storage::StrategyStatus::Validated;
        }
        if (found->status != storage::StrategyStatus::Validated) {
            return common::fail(ErrorCode::Input, found->name + " is a base strategy in status " +
                                                      std::string(storage::statusName(found->status)) +
                                                      ": only a GENERATED or VALIDATED base can be expanded");
        }
        auto outcome = app::expandPending(ctx, found->uuid);
        if (!outcome)
            return tl::unexpected(outcome.error());
        std::cout << found->name << " expanded into " << outcome->units << " strategies: " << outcome->passed
                  << " wait for classify, " << outcome->rejected << " rejected\n";
        return ExitCode::Success;
    }
    auto run = app::storeFullRun(ctx.store, ctx.candles, (*session)->config(), *found);
    if (!run)
        return tl::unexpected(run.error());
    const auto& m = run->metrics;
    std::cout << found->name << ": stored run " << run->runId << " (" << app::kFullRun << ", " << run->equityPoints
              << " equity points, " << run->trades << " trades)\n";
    TextTable table({{"total_return", true},
                     {"sharpe", true},
                     {"max_drawdown", true},
                     {"win_rate", true},
                     {"n_trades", true},
                     {"final_equity", true}});
    table.addRow({formatFixed(m.totalReturn, 6), formatFixed(m.sharpe, 4), formatFixed(m.maxDrawdown, 6),
                  formatFixed(m.winRate, 4), std::to_string(m.nTrades), formatFixed(m.finalEquity, 2)});
    table.print(std::cout);
    return ExitCode::Success;
}

void declareStoredBacktestOptions(QCommandLineParser& parser)
{
    parser.addOption({strategyOption,
                      QStringLiteral("Backtest the stored strategy NAME (or UUID): a GENERATED base is validated, "
                                     "a VALIDATED base expanded and proven; any other is run over its training and "
                                     "holdout range and stored with "
                                     "its equity curve and trades."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {allOption, QStringLiteral("Validate every GENERATED base, then expand and prove every VALIDATED one.")});
}

void addPipelineCommands(std::vector<Command>& commands)
{
    commands.push_back(
        {{"generate"},
         "make new base strategies from the built-in pattern library (GENERATED)",
         {},
         [](QCommandLineParser& parser) {
             parser.addOption({countOption, QStringLiteral("New bases per timeframe."), QStringLiteral("N")});
             parser.addOption({timeframeOption, QStringLiteral("Only this timeframe (default: trading.timeframes)."),
                               QStringLiteral("TF")});
         },
         runGenerate});
    commands.push_back({{"classify"},
                        "apply the proven strategies' score and robustness verdicts and update the ACTIVE pool",
                        {},
                        [](QCommandLineParser&) {},
                        runClassify});
    commands.push_back({{"rotate"},
                        "preview which ACTIVE strategies would go to which subaccount (--dry-run)",
                        {},
                        [](QCommandLineParser& parser) {
                            parser.addOption({dryRunOption, QStringLiteral("Only print the selection.")});
                        },
                        runRotate});
    commands.push_back({{"pipeline"},
                        "generate, validate, backtest + optimise, classify and preview the rotation; resumable",
                        {},
                        [](QCommandLineParser&) {},
                        runPipelineCommand});
}

} // namespace sixbtc::cli
