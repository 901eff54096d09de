// SPDX-License-Identifier: MIT
// The pipeline: generate -> validate -> backtest + optimise -> classify (score, robustness, pool), resumable.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/pipelinephases.h"

namespace sixbtc::app {

/// One phase's figures.
struct PhaseFigure
{
    std::string phase;
    PhaseOutcome outcome;
    double seconds = 0.0;
};

/// What a pipeline run did.
struct PipelineReport
{
    bool resumed = false;             ///< an unfinished run's generation job was found: generation was skipped
    std::optional<std::string> jobId; ///< the generation job this run finished
    std::vector<PhaseFigure> phases;
    double seconds = 0.0;
};

/// Runs every phase in order on the store. Resumable: the state lives in the database only. A run stores its
/// generation job Running and closes it (Done) at its end; a later run that finds a Running pattern job skips
/// generation and finishes the work that job started (every phase picks up the strategies waiting in its input
/// status), so a run killed at any point and run again ends with every strategy in a resting status, none twice.
/// `library` is the pattern source, null when generation.strategy_sources.pattern is disabled (no new bases). `nowMs`
/// is a steady clock in milliseconds for the phase figures. Cancelled (after the current unit, its transaction
/// complete) on a stop.
common::Result<PipelineReport> runPipeline(const PhaseContext& ctx, const generation::PatternLibrary* library,
                                           const std::function<std::int64_t()>& nowMs);

} // namespace sixbtc::app
