// SPDX-License-Identifier: MIT
// Generation: one cycle of the pattern source stored with its job in one transaction.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/familyidentity.h"
#include "app/pipelinephases.h"
#include "app/threadguard.h"
#include "common/uuid.h"
#include "generation/patternchoice.h"

namespace sixbtc::app {

namespace {

/// The bases of one timeframe: up to `count` patterns whose base is not stored yet.
common::Result<std::vector<storage::NewStrategy>> basesOf(const PhaseContext& ctx,
                                                          const generation::PatternLibrary& library,
                                                          std::size_t timeframeIndex, common::Timeframe timeframe,
                                                          std::size_t count)
{
    const auto& symbols = ctx.config.trading.symbols;
    std::map<std::string, storage::NewStrategy> candidates;
    for (const auto& pattern : library.patterns()) {
        auto document = library.instantiate(pattern, timeframe, symbols);
        if (!document)
            return tl::unexpected(document.error());
        candidates.emplace(pattern.id, newBaseStrategy(*document, "pattern:" + pattern.id));
    }
    std::map<std::string, bool> taken;
    for (const auto& [id, base] : candidates) {
        auto stored = ctx.store.strategies().get(base.record.uuid);
        if (!stored && stored.error().code != common::ErrorCode::Input)
            return tl::unexpected(stored.error());
        taken[id] = stored.has_value();
    }
    std::vector<storage::NewStrategy> bases;
    for (const generation::Pattern* pattern : generation::choosePatterns(
             library, timeframeIndex, count, [&](const generation::Pattern& p) { return taken.at(p.id); }))
        bases.push_back(candidates.at(pattern->id));
    return bases;
}

storage::GenerationJob jobOf(const std::vector<storage::NewStrategy>& bases, std::size_t perTimeframe,
                             const std::vector<common::Timeframe>& timeframes, const config::Config& config)
{
    std::string key = "generation";
    QJsonArray tfs;
    for (const auto tf : timeframes)
        tfs.append(QString::fromUtf8(tf.name().data(), static_cast<qsizetype>(tf.name().size())));
    QJsonArray symbols;
    for (const auto& s : config.trading.symbols)
        symbols.append(QString::fromStdString(s));
    for (const auto& base : bases)
        key += "/" + base.record.uuid;
    storage::GenerationJob job;
    job.id = common::uuid5(common::expansionNamespace(), key).toString();
    job.mode = storage::GenerationMode::Pattern;
    job.parametersJson = QJsonDocument(QJsonObject{{QStringLiteral("per_timeframe"), static_cast<qint64>(perTimeframe)},
                                                   {QStringLiteral("timeframes"), tfs},
                                                   {QStringLiteral("symbols"), symbols}})
                             .toJson(QJsonDocument::Compact)
                             .toStdString();
    job.requested = static_cast<std::int64_t>(perTimeframe * timeframes.size());
    job.produced = static_cast<std::int64_t>(bases.size());
    return job;
}

} // namespace

common::Result<GenerationOutcome> generateCycle(const PhaseContext& ctx, const generation::PatternLibrary& library,
                                                std::size_t perTimeframe,
                                                const std::vector<common::Timeframe>& timeframes,
                                                storage::JobStatus jobStatus)
{
    requireEngineThread();
    GenerationOutcome outcome;
    std::vector<storage::NewStrategy> bases;
    ctx.observer.phaseStarted("generate", perTimeframe * timeframes.size());
    for (std::size_t i = 0; i < timeframes.size(); ++i) {
        auto some = basesOf(ctx, library, i, timeframes[i], perTimeframe);
        if (!some)
            return tl::unexpected(some.error());
        if (some->size() < perTimeframe) {
            outcome.phase.notes.push_back(
                std::string(timeframes[i].name()) + ": the pattern library has " + std::to_string(some->size()) +
                " new base(s) of " + std::to_string(perTimeframe) +
                " asked (generation.strategies_per_timeframe); every other pattern is already stored");
        }
        bases.insert(bases.end(), some->begin(), some->end());
        ctx.observer.unitsDone(perTimeframe);
    }
    ctx.observer.phaseFinished();
    outcome.phase.units = bases.size();
    outcome.phase.passed = bases.size();
    if (bases.empty())
        return outcome;
    const storage::GenerationJob job = jobOf(bases, perTimeframe, timeframes, ctx.config);
    auto stored = ctx.store.inTransaction([&]() -> common::Result<void> {
        if (auto ok = ctx.store.jobs().createJob(job); !ok)
            return ok;
        if (auto ok = ctx.store.strategies().insertMany(bases); !ok)
            return ok;
        if (auto ok = ctx.store.jobs().updateJob(job.id, storage::JobStatus::Running, job.produced, ""); !ok)
            return ok;
        if (jobStatus == storage::JobStatus::Running)
            return {};
        return ctx.store.jobs().updateJob(job.id, jobStatus, job.produced, "");
    });
    if (!stored)
        return tl::unexpected(stored.error());
    outcome.jobId = job.id;
    return outcome;
}

} // namespace sixbtc::app
