// SPDX-License-Identifier: MIT
// The family proof: each step of the validation order on the prepared data, then one decision per strategy.
#include "app/provefamily.h"

#include "app/threadguard.h"
#include "backtest/batchrunner.h"
#include "strategy/documentstrategy.h"
#include "validation/utctext.h"

namespace sixbtc::app {

namespace {

/// The family-wide figures every strategy's decision reads.
struct FamilyChecks
{
    validation::ShuffleVerdict shuffle;
    validation::WalkForwardResult walkForward;
    validation::FamilyOverfitting overfitting;
    std::vector<validation::StrategyStats> training;
    std::vector<std::optional<backtest::Metrics>> holdout;
};

common::Result<std::vector<std::optional<backtest::Metrics>>>
runHoldout(const FamilyProofInput& in, const backtest::TimeRange& range, const backtest::EngineSettings& settings)
{
    std::vector<std::optional<backtest::Metrics>> holdout(in.grid->params.size());
    if (range.fromMs >= range.toMs)
        return holdout;
    auto data = backtest::BacktestData::build(in.prepared->inputs, range);
    if (!data)
        return tl::unexpected(data.error());
    auto metrics = backtest::runBatch(*data, settings, in.grid->params,
                                      backtest::BatchOptions{in.config->backtest.threads, {}, in.cancel});
    if (!metrics)
        return tl::unexpected(metrics.error());
    for (std::size_t i = 0; i < holdout.size(); ++i)
        holdout[i] = (*metrics)[i];
    return holdout;
}

common::Result<validation::ShuffleVerdict> runShuffle(const FamilyProofInput& in)
{
    const strategy::DocumentStrategy core(*in.document);
    std::vector<const common::CandleSeries*> series;
    for (const auto& c : *in.candles)
        series.push_back(&c.series);
    return validation::runShuffleTest(core, series, in.config->validation.shuffle);
}

common::Result<FamilyChecks> runFamilyChecks(const FamilyProofInput& in, const validation::HoldoutSplit& split,
                                             const backtest::EngineSettings& settings)
{
    const config::Config& config = *in.config;
    FamilyChecks checks;
    auto training = backtest::BacktestData::build(in.prepared->inputs, split.training);
    if (!training)
        return tl::unexpected(training.error());
    // CSCV cuts the training returns into pbo_partitions non-empty blocks: say so in the user's terms.
    const int partitions = config.validation.overfitting.pboPartitions;
    if (training->bars() < static_cast<std::size_t>(partitions) + 1) {
        return common::fail(common::ErrorCode::Input,
                            "the training range " + validation::utcMinuteText(split.training.fromMs) + " .. " +
                                validation::utcMinuteText(split.training.toMs) + " has " +
                                std::to_string(training->bars()) + " bars, too few for the " +
                                std::to_string(partitions) +
                                " partitions of the overfitting control (validation.overfitting.pbo_partitions); "
                                "give more data or a longer backtest.training_days");
    }
    auto stats = validation::runFamily(*training, settings, in.grid->params,
                                       validation::FamilyOptions{config.backtest.threads,
                                                                 config.validation.overfitting.pboPartitions,
                                                                 in.progress, in.cancel});
    if (!stats)
        return tl::unexpected(stats.error());
    checks.training = std::move(*stats);
    auto overfitting = validation::familyOverfitting(checks.training);
    if (!overfitting)
        return tl::unexpected(overfitting.error());
    checks.overfitting = std::move(*overfitting);

    auto holdout = runHoldout(in, split.holdout, settings);
    if (!holdout)
        return tl::unexpected(holdout.error());
    checks.holdout = std::move(*holdout);

    auto shuffle = runShuffle(in);
    if (!shuffle)
        return tl::unexpected(shuffle.error());
    checks.shuffle = std::move(*shuffle);

    const validation::ScoreFunction score = validation::unifiedScoreFunction(config.scoring, in.document->timeframe());
    auto walkForward = validation::runWalkForward(in.prepared->inputs, split.training, settings, in.grid->params, score,
                                                  config.validation.walkForward,
                                                  validation::WalkForwardOptions{config.backtest.threads, in.cancel});
    if (!walkForward)
        return tl::unexpected(walkForward.error());
    checks.walkForward = std::move(*walkForward);
    return checks;
}

/// Joins the family and the strategy's own walk-forward into the one figure the decision reads.
void combineWalkForward(const validation::WalkForwardResult& family, const validation::WalkForwardResult& own,
                        validation::RobustnessFigures& figures)
{
    figures.walkForwardStable = family.stable && own.stable;
    std::string reason;
    if (!family.stable)
        reason = "family (grid point re-chosen per window): " + family.reason;
    if (!own.stable)
        reason += (reason.empty() ? "" : "; ") + std::string("own parameters: ") + own.reason;
    figures.walkForwardReason = reason;
}

common::Result<StrategyProof> proveStrategy(const FamilyProofInput& in, const FamilyChecks& checks,
                                            const validation::HoldoutSplit& split,
                                            const backtest::EngineSettings& settings, std::size_t index)
{
    const config::Config& config = *in.config;
    const common::Timeframe timeframe = in.document->timeframe();
    StrategyProof proof;
    proof.gridIndex = index;
    proof.training = checks.training[index].metrics;
    proof.moments = checks.training[index].moments;
    proof.holdout = checks.holdout[index];
    proof.dsr = checks.overfitting.dsr[index];
    proof.score = validation::unifiedScore(proof.training, config.scoring, timeframe);
    proof.failedThresholds = validation::checkThresholds(proof.training, config.scoring, timeframe);

    validation::RobustnessFigures figures;
    figures.failedThresholds = proof.failedThresholds;
    figures.score = proof.score;
    if (figures.failedThresholds.empty() && proof.score >= config.scoring.robustnessMinScore) {
        auto own = validation::runFixedWalkForward(in.prepared->inputs, split.training, settings,
                                                   in.grid->params[index], config.validation.walkForward,
                                                   validation::WalkForwardOptions{config.backtest.threads, in.cancel});
        if (!own)
            return tl::unexpected(own.error());
        proof.walkForward = std::move(*own);
        figures.shufflePassed = checks.shuffle.passed;
        figures.shuffleReason = checks.shuffle.reason;
        combineWalkForward(checks.walkForward, *proof.walkForward, figures);
        figures.dsr = proof.dsr;
        figures.pbo = checks.overfitting.pbo.pbo;
    }
    proof.decision = validation::decideRobustness(figures, config.scoring, config.validation.overfitting);
    return proof;
}

} // namespace

common::Result<FamilyProof> proveFamily(const FamilyProofInput& in)
{
    requireEngineThread();
    const auto times = in.prepared->data.timestampMs();
    auto split = validation::splitTrainingHoldout(times.front(), times.back(), in.document->timeframe(),
                                                  in.config->backtest.trainingDays, in.config->backtest.holdoutDays);
    if (!split)
        return tl::unexpected(split.error());
    const backtest::EngineSettings settings = backtest::engineSettingsFrom(*in.config);
    auto checks = runFamilyChecks(in, *split, settings);
    if (!checks)
        return tl::unexpected(checks.error());

    FamilyProof proof;
    for (std::size_t i = 0; i < in.grid->params.size(); ++i) {
        if (in.cancel.stopRequested())
            return common::fail(common::ErrorCode::Cancelled, "validation cancelled");
        auto strategyProof = proveStrategy(in, *checks, *split, settings, i);
        if (!strategyProof)
            return tl::unexpected(strategyProof.error());
        proof.strategies.push_back(std::move(*strategyProof));
    }
    proof.split = std::move(*split);
    proof.shuffle = std::move(checks->shuffle);
    proof.familyWalkForward = std::move(checks->walkForward);
    proof.overfitting = std::move(checks->overfitting);
    return proof;
}

} // namespace sixbtc::app
