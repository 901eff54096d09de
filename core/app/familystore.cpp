// SPDX-License-Identifier: MIT
// Storing a proven family: rows, runs, verdicts and the base's end; storeFamily adds the base and the pool's verdict.
#include "app/familystore.h"

#include <QJsonArray>

#include "app/familyrecord.h"
#include "app/storedrecords.h"
#include "storage/api/lifecycle.h"

namespace sixbtc::app {

namespace {

using storage::StrategyStatus;

/// The rows every strategy of the family shares.
struct FamilyContext
{
    const ExpansionInput& in;
    BaseIdentity base;
    std::string datasetHash;
};

void fillDataset(const FamilyContext& ctx, storage::NewStrategy& s)
{
    s.lineage.datasetHash = ctx.datasetHash;
    const auto times = ctx.in.prepared->data.timestampMs();
    s.lineage.dataStartMs = times.front();
    s.lineage.dataEndMs = times.back() + ctx.in.document->timeframe().durationMs();
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
        store.backtests().insertRun(runRow(ctx, s, kTrainingRun, family.split.training, proof.training, proof.score));
    if (!trainingId)
        return tl::unexpected(trainingId.error());
    if (proof.holdout) {
        auto holdoutId = store.backtests().insertRun(
            runRow(ctx, s, kHoldoutRun, family.split.holdout, *proof.holdout, std::nullopt));
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
        runRow(ctx, s, kWalkForwardRun, family.split.training, proof.training, std::nullopt));
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

QJsonObject decisionJson(const validation::RobustnessDecision& decision)
{
    QJsonArray failed;
    for (const auto& check : decision.failedChecks)
        failed.append(QString::fromStdString(check));
    const char* stage = decision.stage == validation::DecisionStage::Thresholds ? "thresholds"
                        : decision.stage == validation::DecisionStage::Score    ? "score"
                                                                                : "robustness";
    return {{QStringLiteral("stage"), QString::fromLatin1(stage)},
            {QStringLiteral("failed_checks"), failed},
            {QStringLiteral("reason"), QString::fromStdString(decision.reason)}};
}

common::Result<void> storeStrategy(storage::Store& store, const FamilyContext& ctx, const storage::NewStrategy& s,
                                   const StrategyProof& proof, std::vector<std::string>& validated)
{
    const std::string& uuid = s.record.uuid;
    const validation::ShuffleVerdict& shuffle = ctx.in.proof->shuffle;
    if (auto ok = store.strategies().setScore(uuid, proof.score); !ok)
        return ok;
    if (auto ok = storeRuns(store, ctx, s, proof); !ok)
        return ok;
    if (auto ok = addVerdict(store.strategies(), uuid, kRobustnessVerdict, proof.decision.active,
                             decisionJson(proof.decision), std::nullopt);
        !ok)
        return ok;
    if (!shuffle.passed)
        return store.strategies().transition(uuid, StrategyStatus::Rejected,
                                             "base failed the shuffle test: " + shuffle.reason);
    validated.push_back(uuid);
    return store.strategies().transition(uuid, StrategyStatus::Validated, "expanded from " + ctx.base.uuid);
}

common::Result<void> endBase(storage::Store& store, const FamilyContext& ctx)
{
    const FamilyProof& family = *ctx.in.proof;
    const std::string& uuid = ctx.base.uuid;
    auto base = store.strategies().get(uuid);
    if (!base)
        return tl::unexpected(base.error());
    if (!family.shuffle.passed) {
        if (base->status == StrategyStatus::Rejected)
            return {};
        return store.strategies().transition(uuid, StrategyStatus::Rejected, family.shuffle.reason);
    }
    if (auto ok = addVerdict(store.strategies(), uuid, "walk_forward_family", family.familyWalkForward.stable,
                             walkForwardJson(family.familyWalkForward), std::nullopt);
        !ok)
        return ok;
    return store.strategies().transition(uuid, StrategyStatus::Retired, std::string(storage::lifecycle::kExpanded));
}

} // namespace

common::Result<std::vector<std::string>> storeExpansion(storage::Store& store, const ExpansionInput& input)
{
    const FamilyContext ctx{input, baseIdentityOf(*input.document), datasetHashOf(input.prepared->data)};
    std::vector<storage::NewStrategy> rows;
    for (std::size_t i = 0; i < input.proof->strategies.size(); ++i) {
        rows.push_back(newExpandedStrategy(*input.document, ctx.base, *input.grid, i));
        fillDataset(ctx, rows.back());
    }
    if (auto ok = store.strategies().insertMany(rows); !ok)
        return tl::unexpected(ok.error());
    std::vector<std::string> validated;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (auto ok = storeStrategy(store, ctx, rows[i], input.proof->strategies[i], validated); !ok)
            return tl::unexpected(ok.error());
    }
    if (auto ok = endBase(store, ctx); !ok)
        return tl::unexpected(ok.error());
    return validated;
}

namespace {

common::Result<void> storeBase(storage::Store& store, const FamilyStoreInput& in)
{
    storage::NewStrategy base = newBaseStrategy(*in.document, "file:" + in.sourceName);
    const auto times = in.prepared->data.timestampMs();
    base.lineage.datasetHash = datasetHashOf(in.prepared->data);
    base.lineage.dataStartMs = times.front();
    base.lineage.dataEndMs = times.back() + in.document->timeframe().durationMs();
    if (auto ok = store.strategies().insert(base); !ok)
        return ok;
    const validation::ShuffleVerdict& shuffle = in.proof->shuffle;
    if (auto ok = addVerdict(store.strategies(), base.record.uuid, "shuffle_test", shuffle.passed, shuffleJson(shuffle),
                             std::nullopt);
        !ok)
        return ok;
    if (!shuffle.passed)
        return store.strategies().transition(base.record.uuid, StrategyStatus::Rejected, shuffle.reason);
    return store.strategies().transition(base.record.uuid, StrategyStatus::Validated,
                                         "parse, static check and shuffle test passed");
}

} // namespace

common::Result<FamilyStoreSummary> storeFamily(storage::Store& store, const FamilyStoreInput& input)
{
    const BaseIdentity base = baseIdentityOf(*input.document);
    auto existing = store.strategies().get(base.uuid);
    if (existing) {
        return common::fail(common::ErrorCode::Input, "the strategy document is already stored as " + existing->name +
                                                          " (" + existing->uuid + "), status " +
                                                          std::string(storage::statusName(existing->status)));
    }
    if (existing.error().code != common::ErrorCode::Input)
        return tl::unexpected(existing.error());
    FamilyStoreSummary summary;
    summary.baseUuid = base.uuid;
    summary.baseName = base.name;
    auto stored = store.inTransaction([&]() -> common::Result<void> {
        if (auto ok = storeBase(store, input); !ok)
            return ok;
        auto validated = storeExpansion(
            store, ExpansionInput{input.document, input.grid, input.prepared, input.proof, input.config});
        if (!validated)
            return tl::unexpected(validated.error());
        auto classified = classifyStrategies(store, input.config->pool, *validated);
        if (!classified)
            return tl::unexpected(classified.error());
        summary.active = static_cast<int>(classified->admitted.size());
        summary.rejected = static_cast<int>(input.proof->strategies.size()) - summary.active;
        summary.evicted = classified->evicted;
        return {};
    });
    if (!stored)
        return tl::unexpected(stored.error());
    return summary;
}

} // namespace sixbtc::app
