// SPDX-License-Identifier: MIT
// Backtest + optimise: each validated base expanded over the grid, proven and stored in its own transaction.
#include "app/backtestusecase.h"
#include "app/familystore.h"
#include "app/pipelinephases.h"
#include "app/provefamily.h"
#include "app/threadguard.h"
#include "backtest/paramgrid.h"

namespace sixbtc::app {

namespace {

using storage::StrategyStatus;

/// Proves one base's family and stores it; returns how many expanded strategies were left VALIDATED.
common::Result<std::size_t> expandBase(const PhaseContext& ctx, const storage::StrategyRecord& base,
                                       const backtest::ParamGrid& grid)
{
    auto parsed = strategy::parseStrategyDocument(base.code, base.name);
    if (!parsed.document)
        return common::fail(common::ErrorCode::Input, "the stored code of " + base.name + " does not parse");
    const strategy::StrategyDocument& document = *parsed.document;
    auto candles = ctx.candles.candles(document.timeframe(), document.symbols());
    if (!candles)
        return tl::unexpected(candles.error());
    auto prepared = prepareBacktest(document, *candles, backtest::TimeRange{}, false);
    if (!prepared)
        return tl::unexpected(prepared.error());
    auto proof = proveFamily(FamilyProofInput{&document, &*candles, &*prepared, &grid, &ctx.config, ctx.cancel, {}});
    if (!proof)
        return tl::unexpected(proof.error());
    std::size_t validated = 0;
    auto stored = ctx.store.inTransaction([&]() -> common::Result<void> {
        auto uuids = storeExpansion(ctx.store, ExpansionInput{&document, &grid, &*prepared, &*proof, &ctx.config});
        if (!uuids)
            return tl::unexpected(uuids.error());
        validated = uuids->size();
        return {};
    });
    if (!stored)
        return tl::unexpected(stored.error());
    return validated;
}

} // namespace

common::Result<PhaseOutcome> expandPending(const PhaseContext& ctx, const std::string& only)
{
    requireEngineThread();
    auto bases = basesIn(ctx.store, StrategyStatus::Validated, only);
    if (!bases)
        return tl::unexpected(bases.error());
    auto expanded = backtest::expandGrid(ctx.config.optimization.grid);
    if (!expanded)
        return tl::unexpected(expanded.error());
    const backtest::ParamGrid& grid = *expanded;
    PhaseOutcome outcome;
    ctx.observer.phaseStarted("backtest", bases->size() * grid.params.size());
    for (const auto& base : *bases) {
        if (ctx.cancel.stopRequested())
            return common::fail(common::ErrorCode::Cancelled,
                                "backtest stopped after " + std::to_string(outcome.units) + " strategies");
        auto validated = expandBase(ctx, base, grid);
        if (!validated)
            return tl::unexpected(validated.error());
        outcome.units += grid.params.size();
        outcome.passed += *validated;
        outcome.rejected += grid.params.size() - *validated;
        ctx.observer.unitsDone(grid.params.size());
    }
    ctx.observer.phaseFinished();
    return outcome;
}

} // namespace sixbtc::app
