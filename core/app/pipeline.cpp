// SPDX-License-Identifier: MIT
// The pipeline: the phases in order with their figures; a Running generation job marks an unfinished run.
#include "app/pipeline.h"

namespace sixbtc::app {

namespace {

/// Runs one phase and records its figures.
template <typename Phase>
common::Result<void> timed(PipelineReport& report, const char* name, const std::function<std::int64_t()>& nowMs,
                           Phase&& phase)
{
    const std::int64_t started = nowMs();
    auto outcome = phase();
    if (!outcome)
        return tl::unexpected(outcome.error());
    report.phases.push_back({name, std::move(*outcome), static_cast<double>(nowMs() - started) / 1000.0});
    return {};
}

/// The ids of the Running pattern generation jobs: runs that did not finish.
common::Result<std::vector<std::string>> unfinishedJobs(storage::Store& store)
{
    auto running = store.jobs().jobs(storage::JobStatus::Running);
    if (!running)
        return tl::unexpected(running.error());
    std::vector<std::string> ids;
    for (const auto& job : *running) {
        if (job.mode == storage::GenerationMode::Pattern)
            ids.push_back(job.id);
    }
    return ids;
}

} // namespace

common::Result<PipelineReport> runPipeline(const PhaseContext& ctx, const generation::PatternLibrary* library,
                                           const std::function<std::int64_t()>& nowMs)
{
    const std::int64_t started = nowMs();
    PipelineReport report;
    auto jobs = unfinishedJobs(ctx.store);
    if (!jobs)
        return tl::unexpected(jobs.error());
    report.resumed = !jobs->empty();
    if (!report.resumed && library) {
        auto generated = timed(report, "generate", nowMs, [&]() -> common::Result<PhaseOutcome> {
            auto cycle =
                generateCycle(ctx, *library, static_cast<std::size_t>(ctx.config.generation.strategiesPerTimeframe),
                              ctx.config.trading.timeframes, storage::JobStatus::Running);
            if (!cycle)
                return tl::unexpected(cycle.error());
            if (cycle->jobId)
                jobs->push_back(*cycle->jobId);
            return std::move(cycle->phase);
        });
        if (!generated)
            return tl::unexpected(generated.error());
    }
    if (auto ok = timed(report, "validate", nowMs, [&] { return validatePending(ctx, std::string()); }); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = timed(report, "backtest", nowMs, [&] { return expandPending(ctx, std::string()); }); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = timed(report, "classify", nowMs, [&] { return classifyPending(ctx); }); !ok)
        return tl::unexpected(ok.error());
    for (const auto& id : *jobs) {
        auto stored = ctx.store.jobs().job(id);
        if (!stored)
            return tl::unexpected(stored.error());
        if (auto ok = ctx.store.jobs().updateJob(id, storage::JobStatus::Done, stored->produced, ""); !ok)
            return tl::unexpected(ok.error());
        report.jobId = id;
    }
    report.seconds = static_cast<double>(nowMs() - started) / 1000.0;
    return report;
}

} // namespace sixbtc::app
