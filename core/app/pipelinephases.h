// SPDX-License-Identifier: MIT
// The pipeline's phases over the strategy store: generate, validate, backtest + optimise, classify, full runs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/candlecache.h"
#include "app/phaseobserver.h"
#include "common/cancellation.h"
#include "config/settings.h"
#include "generation/patternlibrary.h"
#include "storage/api/store.h"

namespace sixbtc::app {

/// What every phase reads. References are borrowed for the duration of the call.
struct PhaseContext
{
    storage::Store& store;
    CandleCache& candles;
    const config::Config& config;
    PhaseObserver& observer;
    common::CancelToken cancel;
};

/// What one phase did: the units it finished and how they ended.
struct PhaseOutcome
{
    std::size_t units = 0;    ///< strategies handled (generated, validated, proven, classified, run)
    std::size_t passed = 0;   ///< went on (VALIDATED, ACTIVE, ...)
    std::size_t rejected = 0; ///< ended REJECTED
    std::vector<std::string> notes;
};

/// The base strategies (every mode but optimized) in `status`, oldest first; only the one with UUID `only` when it
/// is not empty.
common::Result<std::vector<storage::StrategyRecord>> basesIn(storage::Store& store, storage::StrategyStatus status,
                                                             const std::string& only);

/// Generation: one cycle of the pattern source, i.e. for each of `timeframes`, up to `perTimeframe` new bases of
/// trading.symbols (generation/patternchoice.h picks patterns whose base is not stored yet), stored GENERATED
/// (PatStrat_*, mode pattern, lineage "pattern:<id>") together with a generation job in one transaction. The job
/// is left `jobStatus` (Running for the pipeline, which closes it at its end; Done for `generate`); its id is
/// uuid5(expansionNamespace(), "generation/" + the bases' UUIDs), so a cycle's job is reproducible. A timeframe
/// whose patterns are all taken gets fewer, with a note; no job is stored when no base is new.
struct GenerationOutcome
{
    PhaseOutcome phase;
    std::optional<std::string> jobId;
};
common::Result<GenerationOutcome> generateCycle(const PhaseContext& ctx, const generation::PatternLibrary& library,
                                                std::size_t perTimeframe,
                                                const std::vector<common::Timeframe>& timeframes,
                                                storage::JobStatus jobStatus);

/// Validation of every GENERATED base, each in its own transaction: parse, static check and dry run on its candles
/// (verdict "static_check"), then the shuffle test (verdict "shuffle_test"); VALIDATED or REJECTED with the reason.
/// `only` (when not empty) restricts it to that base UUID.
common::Result<PhaseOutcome> validatePending(const PhaseContext& ctx, const std::string& only);

/// Backtest + optimise of every VALIDATED base, each in its own transaction: expansion over optimization.grid, the
/// family proof (training/holdout, score, shuffle, walk-forward, DSR, PBO) and storeExpansion(); the base ends
/// RETIRED "expanded". Units are expanded strategies. `only` (when not empty) restricts it to that base UUID.
common::Result<PhaseOutcome> expandPending(const PhaseContext& ctx, const std::string& only);

/// Classification of every proven VALIDATED strategy in one transaction (classifyStrategies), then the "full" run
/// with equity curve and trades of every ACTIVE or LIVE strategy that has none (each its own transaction).
common::Result<PhaseOutcome> classifyPending(const PhaseContext& ctx);

} // namespace sixbtc::app
