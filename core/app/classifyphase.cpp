// SPDX-License-Identifier: MIT
// Classification of proven strategies in one transaction, then the full runs the pool's members lack.
#include "app/fullrun.h"
#include "app/pipelinephases.h"
#include "app/poolupdate.h"
#include "app/threadguard.h"

namespace sixbtc::app {

common::Result<PhaseOutcome> classifyPending(const PhaseContext& ctx)
{
    requireEngineThread();
    auto pending = pendingClassification(ctx.store);
    if (!pending)
        return tl::unexpected(pending.error());
    PhaseOutcome outcome;
    ctx.observer.phaseStarted("classify", pending->size());
    ClassifySummary summary;
    auto classified = ctx.store.inTransaction([&]() -> common::Result<void> {
        auto done = classifyStrategies(ctx.store, ctx.config.pool, *pending);
        if (!done)
            return tl::unexpected(done.error());
        summary = std::move(*done);
        return {};
    });
    if (!classified)
        return tl::unexpected(classified.error());
    ctx.observer.unitsDone(pending->size());
    ctx.observer.phaseFinished();
    outcome.units = pending->size();
    outcome.passed = summary.admitted.size();
    outcome.rejected = static_cast<std::size_t>(summary.rejected);
    for (const auto& name : summary.evicted)
        outcome.notes.push_back("evicted from the pool: " + name);

    auto missing = missingFullRuns(ctx.store);
    if (!missing)
        return tl::unexpected(missing.error());
    ctx.observer.phaseStarted("equity", missing->size());
    for (const auto& strategy : *missing) {
        if (ctx.cancel.stopRequested())
            return common::fail(common::ErrorCode::Cancelled, "stopped before the full run of " + strategy.name);
        auto run = storeFullRun(ctx.store, ctx.candles, ctx.config, strategy);
        if (!run)
            return tl::unexpected(run.error());
        ctx.observer.unitsDone(1);
    }
    ctx.observer.phaseFinished();
    return outcome;
}

} // namespace sixbtc::app
