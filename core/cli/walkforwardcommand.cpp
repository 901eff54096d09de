// SPDX-License-Identifier: MIT
// `sixbtc walkforward --strategy NAME`: the walk-forward of a stored strategy, printed and stored.
#include <iostream>
#include <string>
#include <vector>

#include "app/familyrecord.h"
#include "app/familystore.h"
#include "app/storedrecords.h"
#include "cli/runinputs.h"
#include "cli/storeaccess.h"
#include "cli/table.h"
#include "strategy/diagnostic.h"
#include "validation/holdoutsplit.h"
#include "validation/walkforward.h"

namespace sixbtc::cli {

namespace {

using common::ErrorCode;

const QString strategyOption = QStringLiteral("strategy");

common::Result<storage::StrategyRecord> findStrategy(storage::Store& store, const std::string& nameOrUuid)
{
    auto records = store.strategies().list(storage::StrategyFilter{});
    if (!records)
        return tl::unexpected(records.error());
    for (auto& record : *records) {
        if (record.name == nameOrUuid || record.uuid == nameOrUuid)
            return std::move(record);
    }
    return common::fail(ErrorCode::Input,
                        "no stored strategy is named " + nameOrUuid + " (see 'sixbtc strategies list')");
}

common::Result<strategy::StrategyDocument> storedDocument(const storage::StrategyRecord& record)
{
    auto parsed = strategy::parseStrategyDocument(record.code, record.name);
    if (!parsed.document) {
        std::vector<std::string> details;
        for (const auto& diagnostic : parsed.diagnostics)
            details.push_back(strategy::formatDiagnostic(record.name, diagnostic));
        return common::fail(ErrorCode::Input, record.name + ": the stored code is not a valid strategy document",
                            details);
    }
    return std::move(*parsed.document);
}

void printWindows(const validation::WalkForwardResult& result)
{
    TextTable table({{"window", true},
                     {"in_sample", false},
                     {"out_of_sample", false},
                     {"is_sharpe", true},
                     {"oos_sharpe", true},
                     {"oos_expectancy", true},
                     {"oos_trades", true},
                     {"edge", false}});
    for (const auto& w : result.windows) {
        table.addRow(
            {std::to_string(w.index), utcTime(w.ranges.inSample.fromMs) + " .. " + utcTime(w.ranges.inSample.toMs),
             utcTime(w.ranges.outOfSample.fromMs) + " .. " + utcTime(w.ranges.outOfSample.toMs),
             formatFixed(w.inSample.sharpe, 4), formatFixed(w.outOfSample.sharpe, 4),
             formatFixed(w.outOfSample.expectancy, 6), std::to_string(w.outOfSample.nTrades), w.edge ? "yes" : "no"});
    }
    table.print(std::cout);
    std::cout << (result.stable ? "stable" : "not stable: " + result.reason) << " (" << result.edgeWindows << " of "
              << result.windows.size() << " windows with edge, out-of-sample Sharpe dispersion "
              << formatFixed(result.sharpeDispersion, 4) << ")\n";
}

common::Result<void> storeWindows(storage::Store& store, const storage::StrategyRecord& record, const RunInputs& inputs,
                                  const backtest::TimeRange& training, const backtest::Metrics& trainingMetrics,
                                  const validation::WalkForwardResult& result)
{
    return store.inTransaction([&]() -> common::Result<void> {
        auto runId = store.backtests().insertRun(app::backtestRun(record, app::kWalkForwardRun,
                                                                  app::datasetHashOf(inputs.prepared.data), training,
                                                                  trainingMetrics, std::nullopt));
        if (!runId)
            return tl::unexpected(runId.error());
        if (auto ok = store.backtests().addWalkForwardWindows(*runId, app::storedWindows(result)); !ok)
            return ok;
        return app::addVerdict(store.strategies(), record.uuid, "walk_forward", result.stable,
                               app::walkForwardJson(result), *runId);
    });
}

CommandResult runWalkForwardCommand(CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    if (!parser.isSet(strategyOption))
        return common::fail(ErrorCode::Usage, "--strategy NAME is required");
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    const storage::SystemClock clock;
    auto store = openExistingStore(config->database, clock);
    if (!store)
        return tl::unexpected(store.error());
    auto record = findStrategy(**store, parser.value(strategyOption).toStdString());
    if (!record)
        return tl::unexpected(record.error());
    auto document = storedDocument(*record);
    if (!document)
        return tl::unexpected(document.error());
    auto params = app::paramsFromDocument(*document);
    if (!params)
        return common::fail(ErrorCode::Input, record->name + ": " + params.error().message);
    auto inputs = prepareInputs(context, record->name, std::move(*document), std::move(*config));
    if (!inputs)
        return tl::unexpected(inputs.error());
    const auto times = inputs->prepared.data.timestampMs();
    auto split =
        validation::splitTrainingHoldout(times.front(), times.back(), inputs->document->timeframe(),
                                         inputs->config.backtest.trainingDays, inputs->config.backtest.holdoutDays);
    if (!split)
        return tl::unexpected(split.error());
    const auto settings = backtest::engineSettingsFrom(inputs->config);
    auto result = validation::runFixedWalkForward(
        inputs->prepared.inputs, split->training, settings, *params, inputs->config.validation.walkForward,
        validation::WalkForwardOptions{inputs->config.backtest.threads, context.cancel()});
    if (!result)
        return tl::unexpected(result.error());
    auto trainingData = backtest::BacktestData::build(inputs->prepared.inputs, split->training);
    if (!trainingData)
        return tl::unexpected(trainingData.error());
    auto training = app::runBacktest(*trainingData, settings, *params);
    if (!training)
        return tl::unexpected(training.error());

    printHeader(*inputs);
    for (const auto& note : split->notes)
        std::cout << note << '\n';
    std::cout << record->name << " (" << record->uuid << "), walk-forward over the training range "
              << utcTime(split->training.fromMs) << " .. " << utcTime(split->training.toMs) << ":\n";
    printWindows(*result);
    if (auto stored = storeWindows(**store, *record, *inputs, split->training, training->metrics, *result); !stored)
        return tl::unexpected(stored.error());
    if (parser.isSet(jsonOption)) {
        if (auto written = writeRecord(parser.value(jsonOption).toStdString(), app::walkForwardJson(*result)); !written)
            return tl::unexpected(written.error());
    }
    return ExitCode::Success;
}

void declareWalkForwardOptions(QCommandLineParser& parser)
{
    parser.addOption({strategyOption, QStringLiteral("The stored strategy, by name or UUID."), QStringLiteral("NAME")});
    declareCandleOptions(parser);
    parser.addOption(
        {jsonOption, QStringLiteral("Also write the walk-forward windows as JSON to OUT."), QStringLiteral("OUT")});
}

} // namespace

void addWalkForwardCommand(std::vector<Command>& commands)
{
    commands.push_back({{"walkforward"},
                        "walk-forward of a stored strategy over the training range; prints and stores the windows",
                        {},
                        declareWalkForwardOptions,
                        runWalkForwardCommand});
}

} // namespace sixbtc::cli
