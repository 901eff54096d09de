// SPDX-License-Identifier: MIT
// `sixbtc optimize`: the parametric grid of a document, optionally proven (--holdout) and stored (--store).
#include <algorithm>
#include <chrono>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

#include "app/familyrecord.h"
#include "app/familystore.h"
#include "app/provefamily.h"
#include "backtest/resultjson.h"
#include "cli/runinputs.h"
#include "cli/storeaccess.h"
#include "cli/table.h"
#include "storage/api/clock.h"

namespace sixbtc::cli {

namespace {

const QString gridOption = QStringLiteral("grid");
const QString tradesOption = QStringLiteral("trades");
const QString holdoutOption = QStringLiteral("holdout");
const QString storeOption = QStringLiteral("store");

/// How many of the best strategies `optimize` prints.
constexpr std::size_t kPrintedRows = 10;

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

std::vector<std::size_t> bestByScore(const app::FamilyProof& proof)
{
    std::vector<std::size_t> order(proof.strategies.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return proof.strategies[a].score > proof.strategies[b].score;
    });
    order.resize(std::min(order.size(), kPrintedRows));
    return order;
}

void printProof(const app::FamilyProof& proof)
{
    const auto& split = proof.split;
    std::cout << "\ntraining " << utcTime(split.training.fromMs) << " .. " << utcTime(split.training.toMs);
    if (split.holdout.fromMs < split.holdout.toMs)
        std::cout << ", holdout " << utcTime(split.holdout.fromMs) << " .. " << utcTime(split.holdout.toMs);
    std::cout << '\n';
    for (const auto& note : split.notes)
        std::cout << note << '\n';
    std::cout << "shuffle test: " << (proof.shuffle.passed ? "passed" : "FAILED: " + proof.shuffle.reason) << '\n';
    const auto& wf = proof.familyWalkForward;
    std::cout << "walk-forward (grid point re-chosen per window): " << (wf.stable ? "stable" : "not stable") << ", "
              << wf.edgeWindows << " of " << wf.windows.size() << " windows with edge, out-of-sample Sharpe dispersion "
              << formatFixed(wf.sharpeDispersion, 4) << (wf.stable ? "" : " (" + wf.reason + ")") << '\n';
    const auto& o = proof.overfitting;
    std::cout << "overfitting: " << o.trials << " trials, expected maximum per-bar Sharpe "
              << formatFixed(o.expectedMaxSharpe, 6) << ", PBO " << formatFixed(o.pbo.pbo, 4) << " over "
              << o.pbo.combinations() << " combinations\n";
    const auto active = std::count_if(proof.strategies.begin(), proof.strategies.end(),
                                      [](const app::StrategyProof& s) { return s.decision.active; });
    std::cout << active << " ACTIVE, " << proof.strategies.size() - static_cast<std::size_t>(active)
              << " REJECTED\nbest by score:\n";
    TextTable table({{"index", true},
                     {"score", true},
                     {"sharpe_train", true},
                     {"sharpe_holdout", true},
                     {"dsr", true},
                     {"decision", false}});
    for (std::size_t i : bestByScore(proof)) {
        const auto& s = proof.strategies[i];
        table.addRow({std::to_string(i), formatFixed(s.score, 2), formatFixed(s.training.sharpe, 4),
                      s.holdout ? formatFixed(s.holdout->sharpe, 4) : std::string("-"), formatFixed(s.dsr, 4),
                      s.decision.active ? std::string("ACTIVE") : "REJECTED: " + s.decision.reason});
    }
    table.print(std::cout);
}

common::Result<app::FamilyStoreSummary> storeProof(const RunInputs& inputs, const backtest::ParamGrid& grid,
                                                   const app::FamilyProof& proof)
{
    const storage::SystemClock clock;
    auto store = openStoreForWriting(inputs.config.database, clock);
    if (!store)
        return tl::unexpected(store.error());
    const std::filesystem::path path = inputs.strategyName;
    return app::storeFamily(**store, app::FamilyStoreInput{&*inputs.document, path.filename().string(), &grid,
                                                           &inputs.prepared, &proof, &inputs.config});
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
    const bool prove = parser.isSet(holdoutOption) || parser.isSet(storeOption);
    const auto started = std::chrono::steady_clock::now();
    auto outcome = app::runOptimize(inputs->prepared.data, backtest::engineSettingsFrom(inputs->config), *grid,
                                    inputs->config.backtest.threads, withTrades, context.cancel());
    if (!outcome)
        return tl::unexpected(outcome.error());
    std::optional<app::FamilyProof> proof;
    if (prove) {
        auto proven = app::proveFamily(app::FamilyProofInput{
            &*inputs->document, &inputs->candles, &inputs->prepared, &*grid, &inputs->config, context.cancel(), {}});
        if (!proven)
            return tl::unexpected(proven.error());
        proof = std::move(*proven);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    printHeader(*inputs);
    std::cout << grid->params.size() << " strategies in " << formatFixed(seconds, 3) << " s\n";
    printBest(*grid, outcome->metrics);
    if (proof)
        printProof(*proof);
    if (parser.isSet(jsonOption)) {
        QJsonObject record = backtest::optimizeRecord(inputs->prepared.data, grid->params, outcome->metrics,
                                                      outcome->trades, backtest::BatchTiming{seconds});
        if (proof)
            app::addProofToRecord(record, *proof);
        if (auto written = writeRecord(parser.value(jsonOption).toStdString(), record); !written)
            return tl::unexpected(written.error());
    }
    if (parser.isSet(storeOption)) {
        auto stored = storeProof(*inputs, *grid, *proof);
        if (!stored)
            return tl::unexpected(stored.error());
        std::cout << "stored base " << stored->baseName << " (" << stored->baseUuid << ") and " << grid->params.size()
                  << " expanded strategies: " << stored->active << " entered the pool, " << stored->rejected
                  << " rejected";
        for (const auto& name : stored->evicted)
            std::cout << "; evicted " << name;
        std::cout << '\n';
    }
    return ExitCode::Success;
}

void declareOptimizeOptions(QCommandLineParser& parser)
{
    declareCommonOptions(parser);
    parser.addOption({gridOption,
                      QStringLiteral("The grid (sl_pct, tp_pct, leverage, exit_after_bars lists) from a YAML file "
                                     "instead of optimization.grid."),
                      QStringLiteral("FILE.yaml")});
    parser.addOption({tradesOption, QStringLiteral("Write every strategy's trades into the JSON record.")});
    parser.addOption(
        {holdoutOption, QStringLiteral("Prove the family: training/holdout split, score and thresholds, shuffle test, "
                                       "walk-forward, DSR and PBO; the verdicts go into the output and the record.")});
    parser.addOption({storeOption, QStringLiteral("Prove the family (as --holdout) and store the base, every expanded "
                                                  "strategy, their runs and verdicts, and the pool's admissions.")});
}

} // namespace

void addOptimizeCommand(std::vector<Command>& commands)
{
    commands.push_back(
        {{"optimize"},
         "backtest a strategy over the parametric grid (sl, tp, leverage, exit bars); prove and store it",
         {},
         declareOptimizeOptions,
         runOptimizeCommand});
}

} // namespace sixbtc::cli
