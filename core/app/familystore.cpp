// SPDX-License-Identifier: MIT
// Storing a proven family: identities, rows, runs, verdicts and the pool's admission, in one transaction.
#include "app/familystore.h"

#include <algorithm>
#include <numeric>

#include "app/familyrecord.h"
#include "app/storedrecords.h"
#include "common/digest.h"
#include "common/uuid.h"
#include "pool/activepool.h"
#include "storage/api/lifecycle.h"

namespace sixbtc::app {

namespace {

using storage::StrategyStatus;

/// The rows every strategy of the family shares.
struct FamilyContext
{
    const FamilyStoreInput& in;
    std::string codeHash;
    std::string datasetHash;
    std::string baseUuid;
    std::string type;
};

/// The document with `risk` as its risk block (none for the base: the grid replaces it).
strategy::StrategyDocument withRisk(const strategy::StrategyDocument& doc, std::optional<strategy::RiskSettings> risk)
{
    return strategy::StrategyDocument(doc.type(), doc.timeframe(), doc.symbols(),
                                      {doc.rule(strategy::RuleSlot::LongEntry),
                                       doc.rule(strategy::RuleSlot::ShortEntry), doc.rule(strategy::RuleSlot::LongExit),
                                       doc.rule(strategy::RuleSlot::ShortExit)},
                                      risk);
}

storage::NewStrategy baseStrategy(const FamilyContext& ctx)
{
    const auto& doc = *ctx.in.document;
    storage::NewStrategy s;
    s.record.uuid = ctx.baseUuid;
    s.record.name = "PatStrat_" + ctx.type + "_" + ctx.baseUuid.substr(0, 8);
    s.record.type = ctx.type;
    s.record.timeframe = std::string(doc.timeframe().name());
    s.record.symbols = doc.symbols();
    s.record.code = strategy::printStrategyDocument(withRisk(doc, std::nullopt));
    s.record.parametersJson = "{}";
    s.record.generationMode = storage::GenerationMode::Pattern;
    s.lineage.source = storage::LineageSource::Pattern;
    s.lineage.patternId = "file:" + ctx.in.sourceName;
    return s;
}

storage::NewStrategy expandedStrategy(const FamilyContext& ctx, std::size_t index)
{
    const auto& doc = *ctx.in.document;
    const auto& p = ctx.in.grid->params[index];
    const strategy::StrategyDocument expanded =
        withRisk(doc, strategy::RiskSettings{p.slPct, p.tpPct, p.leverage, p.exitAfterBars});
    const std::string uuid = common::expansionUuid(ctx.codeHash, index).toString();
    storage::NewStrategy s;
    s.record.uuid = uuid;
    s.record.name = "Strategy_" + ctx.type + "_" + uuid.substr(0, 8);
    s.record.type = ctx.type;
    s.record.timeframe = std::string(doc.timeframe().name());
    s.record.symbols = doc.symbols();
    s.record.code = strategy::printStrategyDocument(expanded);
    s.record.parametersJson = paramsText(p);
    s.record.generationMode = storage::GenerationMode::Optimized;
    s.record.baseUuid = ctx.baseUuid;
    s.lineage.source = storage::LineageSource::Expansion;
    s.lineage.gridIndex = static_cast<std::int64_t>(index);
    s.lineage.codeHash = common::sha256Hex(s.record.code);
    return s;
}

void fillLineage(const FamilyContext& ctx, storage::NewStrategy& s)
{
    if (s.lineage.codeHash.empty())
        s.lineage.codeHash = ctx.codeHash;
    s.lineage.datasetHash = ctx.datasetHash;
    const auto times = ctx.in.prepared->data.timestampMs();
    s.lineage.dataStartMs = times.front();
    s.lineage.dataEndMs = times.back() + ctx.in.document->timeframe().durationMs();
    s.lineage.engineVersion = engineVersion();
}

storage::BacktestRun runRow(const FamilyContext& ctx, const storage::NewStrategy& s, std::string kind,
                            const backtest::TimeRange& range, const backtest::Metrics& metrics,
                            std::optional<double> score)
{
    return backtestRun(s.record, std::move(kind), ctx.datasetHash, range, metrics, score);
}

common::Result<void> storeRuns(storage::Store& store, const FamilyContext& ctx, const storage::NewStrategy& s,
                               const StrategyProof& proof)
{
    const FamilyProof& family = *ctx.in.proof;
    const std::string& uuid = s.record.uuid;
    auto trainingId =
        store.backtests().insertRun(runRow(ctx, s, "training", family.split.training, proof.training, proof.score));
    if (!trainingId)
        return tl::unexpected(trainingId.error());
    if (proof.holdout) {
        auto holdoutId =
            store.backtests().insertRun(runRow(ctx, s, "holdout", family.split.holdout, *proof.holdout, std::nullopt));
        if (!holdoutId)
            return tl::unexpected(holdoutId.error());
    }
    const bool thresholdsPassed = proof.failedThresholds.empty();
    const bool reached = proof.decision.stage == validation::DecisionStage::Robustness;
    const double minScore = ctx.in.config->scoring.robustnessMinScore;
    QJsonObject scoreFigures{{QStringLiteral("score"), proof.score},
                             {QStringLiteral("robustness_min_score"), minScore},
                             {QStringLiteral("validation"), strategyProofJson(proof, family)}};
    if (auto ok = addVerdict(store.strategies(), uuid, "score_threshold", thresholdsPassed && proof.score >= minScore,
                             scoreFigures, *trainingId);
        !ok)
        return ok;
    if (!reached)
        return {};
    if (auto ok = addVerdict(store.strategies(), uuid, "shuffle_test", family.shuffle.passed,
                             shuffleJson(family.shuffle), std::nullopt);
        !ok)
        return ok;
    auto wfRun = store.backtests().insertRun(
        runRow(ctx, s, "walk_forward", family.split.training, proof.training, std::nullopt));
    if (!wfRun)
        return tl::unexpected(wfRun.error());
    if (auto ok = store.backtests().addWalkForwardWindows(*wfRun, storedWindows(*proof.walkForward)); !ok)
        return ok;
    const bool wfStable = proof.walkForward->stable && family.familyWalkForward.stable;
    QJsonObject wfFigures{{QStringLiteral("own"), walkForwardJson(*proof.walkForward)},
                          {QStringLiteral("family_stable"), family.familyWalkForward.stable}};
    if (auto ok = addVerdict(store.strategies(), uuid, "walk_forward", wfStable, wfFigures, *wfRun); !ok)
        return ok;
    const auto& overfitting = ctx.in.config->validation.overfitting;
    if (auto ok = addVerdict(store.strategies(), uuid, "dsr", proof.dsr >= overfitting.minDsr,
                             {{QStringLiteral("dsr"), proof.dsr},
                              {QStringLiteral("min_dsr"), overfitting.minDsr},
                              {QStringLiteral("trials"), static_cast<qint64>(family.overfitting.trials)},
                              {QStringLiteral("expected_max_sharpe"), family.overfitting.expectedMaxSharpe}},
                             *trainingId);
        !ok)
        return ok;
    return addVerdict(store.strategies(), uuid, "pbo", family.overfitting.pbo.pbo <= overfitting.maxPbo,
                      {{QStringLiteral("pbo"), family.overfitting.pbo.pbo},
                       {QStringLiteral("max_pbo"), overfitting.maxPbo},
                       {QStringLiteral("combinations"), static_cast<qint64>(family.overfitting.pbo.combinations())}},
                      *trainingId);
}

common::Result<void> storeBase(storage::Store& store, const FamilyContext& ctx)
{
    storage::NewStrategy base = baseStrategy(ctx);
    fillLineage(ctx, base);
    if (auto ok = store.strategies().insert(base); !ok)
        return ok;
    const auto& family = *ctx.in.proof;
    if (auto ok = addVerdict(store.strategies(), ctx.baseUuid, "shuffle_test", family.shuffle.passed,
                             shuffleJson(family.shuffle), std::nullopt);
        !ok)
        return ok;
    if (!family.shuffle.passed)
        return store.strategies().transition(ctx.baseUuid, StrategyStatus::Rejected, family.shuffle.reason);
    if (auto ok = store.strategies().transition(ctx.baseUuid, StrategyStatus::Validated,
                                                "parse, static check and shuffle test passed");
        !ok)
        return ok;
    const validation::WalkForwardResult& walkForward = family.familyWalkForward;
    if (auto ok = addVerdict(store.strategies(), ctx.baseUuid, "walk_forward_family", walkForward.stable,
                             walkForwardJson(walkForward), std::nullopt);
        !ok)
        return ok;
    return store.strategies().transition(ctx.baseUuid, StrategyStatus::Retired,
                                         std::string(storage::lifecycle::kExpanded));
}

} // namespace

namespace {

/// The grid indexes the proof made ACTIVE, strongest first (descending score, then ascending grid index).
std::vector<std::size_t> candidatesByStrength(const FamilyProof& proof)
{
    std::vector<std::size_t> order;
    for (const auto& s : proof.strategies) {
        if (s.decision.active)
            order.push_back(s.gridIndex);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return proof.strategies[a].score > proof.strategies[b].score;
    });
    return order;
}

/// The pool as stored: every ACTIVE row with its score, offered strongest first.
common::Result<pool::ActivePool> loadPool(storage::Store& store, const config::PoolSettings& settings)
{
    auto rows = store.strategies().list(storage::StrategyFilter{StrategyStatus::Active, std::nullopt});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<pool::PoolEntry> entries;
    for (const auto& row : *rows) {
        if (!row.score)
            return common::fail(common::ErrorCode::Input, "ACTIVE strategy " + row.name + " has no score");
        entries.push_back({row.uuid, *row.score});
    }
    std::sort(entries.begin(), entries.end(), pool::strongerThan);
    pool::ActivePool active(settings);
    for (const auto& entry : entries) {
        auto offered = active.offer(entry);
        if (!offered)
            return tl::unexpected(offered.error());
    }
    return active;
}

common::Result<void> admit(storage::Store& store, pool::ActivePool& active, const StrategyProof& proof,
                           const std::string& uuid, FamilyStoreSummary& summary)
{
    auto admission = active.offer({uuid, proof.score});
    if (!admission)
        return tl::unexpected(admission.error());
    if (!admission->admitted) {
        ++summary.rejected;
        return store.strategies().transition(uuid, StrategyStatus::Rejected, "pool: " + admission->reason);
    }
    ++summary.active;
    if (auto ok = store.strategies().transition(uuid, StrategyStatus::Active, "robustness passed; entered the pool");
        !ok)
        return ok;
    if (!admission->evicted)
        return {};
    auto evicted = store.strategies().get(admission->evicted->uuid);
    if (!evicted)
        return tl::unexpected(evicted.error());
    summary.evicted.push_back(evicted->name);
    return store.strategies().transition(evicted->uuid, StrategyStatus::Retired,
                                         std::string(storage::lifecycle::kEvicted));
}

common::Result<void> storeExpanded(storage::Store& store, const FamilyContext& ctx, FamilyStoreSummary& summary)
{
    const FamilyProof& proof = *ctx.in.proof;
    std::vector<storage::NewStrategy> rows;
    for (std::size_t i = 0; i < proof.strategies.size(); ++i) {
        rows.push_back(expandedStrategy(ctx, i));
        fillLineage(ctx, rows.back());
    }
    if (auto ok = store.strategies().insertMany(rows); !ok)
        return ok;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string& uuid = rows[i].record.uuid;
        const StrategyProof& p = proof.strategies[i];
        if (auto ok = store.strategies().setScore(uuid, p.score); !ok)
            return ok;
        if (auto ok = storeRuns(store, ctx, rows[i], p); !ok)
            return ok;
        if (!proof.shuffle.passed) {
            ++summary.rejected;
            if (auto ok = store.strategies().transition(uuid, StrategyStatus::Rejected,
                                                        "base failed the shuffle test: " + proof.shuffle.reason);
                !ok)
                return ok;
            continue;
        }
        if (auto ok = store.strategies().transition(uuid, StrategyStatus::Validated, "expanded from " + ctx.baseUuid);
            !ok)
            return ok;
        if (!p.decision.active) {
            ++summary.rejected;
            if (auto ok = store.strategies().transition(uuid, StrategyStatus::Rejected, p.decision.reason); !ok)
                return ok;
        }
    }
    auto active = loadPool(store, ctx.in.config->pool);
    if (!active)
        return tl::unexpected(active.error());
    for (std::size_t index : candidatesByStrength(proof)) {
        if (auto ok = admit(store, *active, proof.strategies[index], rows[index].record.uuid, summary); !ok)
            return ok;
    }
    return {};
}

} // namespace

std::string codeHashOf(const strategy::StrategyDocument& document)
{
    return common::sha256Hex(strategy::printStrategyDocument(withRisk(document, std::nullopt)));
}

std::string datasetHashOf(const backtest::BacktestData& data)
{
    common::Sha256 hash;
    const auto bytes = [&hash](const auto& values) {
        hash.update(
            std::span(reinterpret_cast<const unsigned char*>(values.data()), values.size() * sizeof(values[0])));
    };
    bytes(data.timestampMs());
    for (std::size_t s = 0; s < data.symbolCount(); ++s) {
        const auto& track = data.track(s);
        hash.update(track.symbol);
        bytes(track.open);
        bytes(track.high);
        bytes(track.low);
        bytes(track.close);
    }
    return hash.finishHex();
}

common::Result<FamilyStoreSummary> storeFamily(storage::Store& store, const FamilyStoreInput& input)
{
    const std::string codeHash = codeHashOf(*input.document);
    FamilyContext ctx{input, codeHash, datasetHashOf(input.prepared->data),
                      common::uuid5(common::expansionNamespace(), "base/" + codeHash).toString(),
                      std::string(strategy::strategyTypeName(input.document->type()))};
    auto existing = store.strategies().get(ctx.baseUuid);
    if (existing) {
        return common::fail(common::ErrorCode::Input, "the strategy document is already stored as " + existing->name +
                                                          " (" + existing->uuid + "), status " +
                                                          std::string(storage::statusName(existing->status)));
    }
    if (existing.error().code != common::ErrorCode::Input)
        return tl::unexpected(existing.error());
    FamilyStoreSummary summary;
    summary.baseUuid = ctx.baseUuid;
    summary.baseName = baseStrategy(ctx).record.name;
    auto stored = store.inTransaction([&]() -> common::Result<void> {
        if (auto ok = storeBase(store, ctx); !ok)
            return ok;
        return storeExpanded(store, ctx, summary);
    });
    if (!stored)
        return tl::unexpected(stored.error());
    return summary;
}

} // namespace sixbtc::app
