// SPDX-License-Identifier: MIT
// Validation of generated bases: static check and dry run, then the shuffle test; each base in its own transaction.
#include <QJsonArray>
#include <QJsonObject>

#include "app/familyidentity.h"
#include "app/familyrecord.h"
#include "app/pipelinephases.h"
#include "app/storedrecords.h"
#include "app/threadguard.h"
#include "backtest/paramgrid.h"
#include "strategy/diagnostic.h"
#include "strategy/documentstrategy.h"
#include "strategy/strategyvalidator.h"
#include "validation/shuffletest.h"

namespace sixbtc::app {

namespace {

using storage::StrategyStatus;

/// The verdicts of one base and where it goes.
struct BaseVerdicts
{
    bool staticPassed = false;
    QJsonObject staticFigures;
    std::optional<validation::ShuffleVerdict> shuffle;
};

common::Result<BaseVerdicts> checkBase(const PhaseContext& ctx, const storage::StrategyRecord& base)
{
    auto parsed = strategy::parseStrategyDocument(base.code, base.name);
    if (!parsed.document)
        return common::fail(common::ErrorCode::Input, "the stored code of " + base.name + " does not parse");
    auto candles = ctx.candles.candles(parsed.document->timeframe(), parsed.document->symbols());
    if (!candles)
        return tl::unexpected(candles.error());
    std::vector<common::CandleSeries> series;
    std::vector<const common::CandleSeries*> views;
    std::size_t bars = 0;
    for (const auto& c : *candles) {
        series.push_back(c.series);
        bars += c.series.size();
    }
    for (const auto& s : series)
        views.push_back(&s);
    // A base has no risk block (the grid supplies it); the check runs on the rules with the grid's first point.
    auto grid = backtest::expandGrid(ctx.config.optimization.grid);
    if (!grid)
        return tl::unexpected(grid.error());
    const auto& p = grid->params.front();
    const std::string checked = strategy::printStrategyDocument(
        withRisk(*parsed.document, strategy::RiskSettings{p.slPct, p.tpPct, p.leverage, p.exitAfterBars}));
    BaseVerdicts verdicts;
    const strategy::ValidationResult result = strategy::validateStrategy(checked, series);
    QJsonArray diagnostics;
    for (const auto& d : result.diagnostics)
        diagnostics.append(QString::fromStdString(strategy::formatDiagnostic(base.name, d)));
    verdicts.staticPassed = result.valid;
    verdicts.staticFigures = {{QStringLiteral("dry_run_bars"), static_cast<qint64>(bars)},
                              {QStringLiteral("diagnostics"), diagnostics}};
    if (!result.valid)
        return verdicts;
    const strategy::DocumentStrategy core(*parsed.document);
    auto shuffle = validation::runShuffleTest(core, views, ctx.config.validation.shuffle);
    if (!shuffle)
        return tl::unexpected(shuffle.error());
    verdicts.shuffle = std::move(*shuffle);
    return verdicts;
}

std::string rejection(const BaseVerdicts& v)
{
    if (!v.staticPassed) {
        std::string reason = "static check or dry run failed";
        const auto diagnostics = v.staticFigures.value(QStringLiteral("diagnostics")).toArray();
        if (!diagnostics.isEmpty())
            reason += ": " + diagnostics.first().toString().toStdString();
        return reason;
    }
    return v.shuffle->reason;
}

common::Result<bool> storeVerdicts(const PhaseContext& ctx, const storage::StrategyRecord& base, const BaseVerdicts& v)
{
    const bool passed = v.staticPassed && v.shuffle->passed;
    auto stored = ctx.store.inTransaction([&]() -> common::Result<void> {
        auto& repo = ctx.store.strategies();
        if (auto ok = addVerdict(repo, base.uuid, "static_check", v.staticPassed, v.staticFigures, std::nullopt); !ok)
            return ok;
        if (v.shuffle) {
            if (auto ok = addVerdict(repo, base.uuid, "shuffle_test", v.shuffle->passed, shuffleJson(*v.shuffle),
                                     std::nullopt);
                !ok)
                return ok;
        }
        if (!passed)
            return repo.transition(base.uuid, StrategyStatus::Rejected, rejection(v));
        return repo.transition(base.uuid, StrategyStatus::Validated,
                               "parse, static check, dry run and shuffle test passed");
    });
    if (!stored)
        return tl::unexpected(stored.error());
    return passed;
}

} // namespace

common::Result<std::vector<storage::StrategyRecord>> basesIn(storage::Store& store, StrategyStatus status,
                                                             const std::string& only)
{
    auto rows = store.strategies().list(storage::StrategyFilter{status, std::nullopt});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<storage::StrategyRecord> bases;
    for (auto& row : *rows) {
        if (row.generationMode != storage::GenerationMode::Optimized && (only.empty() || row.uuid == only))
            bases.push_back(std::move(row));
    }
    return bases;
}

common::Result<PhaseOutcome> validatePending(const PhaseContext& ctx, const std::string& only)
{
    requireEngineThread();
    auto bases = basesIn(ctx.store, StrategyStatus::Generated, only);
    if (!bases)
        return tl::unexpected(bases.error());
    PhaseOutcome outcome;
    ctx.observer.phaseStarted("validate", bases->size());
    for (const auto& base : *bases) {
        if (ctx.cancel.stopRequested())
            return common::fail(common::ErrorCode::Cancelled,
                                "validation stopped after " + std::to_string(outcome.units) + " strategies");
        auto verdicts = checkBase(ctx, base);
        if (!verdicts)
            return tl::unexpected(verdicts.error());
        auto passed = storeVerdicts(ctx, base, *verdicts);
        if (!passed)
            return tl::unexpected(passed.error());
        ++outcome.units;
        ++(*passed ? outcome.passed : outcome.rejected);
        ctx.observer.unitsDone(1);
    }
    ctx.observer.phaseFinished();
    return outcome;
}

} // namespace sixbtc::app
