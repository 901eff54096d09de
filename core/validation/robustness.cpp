// SPDX-License-Identifier: MIT
// The ACTIVE / REJECTED decision over already-computed figures; every failed check of the deciding stage is named.
#include "validation/robustness.h"

#include "common/require.h"
#include "validation/utctext.h"

namespace sixbtc::validation {

namespace {

void addFailure(RobustnessDecision& decision, std::string check, const std::string& message)
{
    decision.failedChecks.push_back(std::move(check));
    decision.reason += (decision.reason.empty() ? "" : "; ") + message;
}

RobustnessDecision rejected(DecisionStage stage)
{
    RobustnessDecision decision;
    decision.active = false;
    decision.stage = stage;
    return decision;
}

} // namespace

RobustnessDecision decideRobustness(const RobustnessFigures& figures, const config::ScoringSettings& scoring,
                                    const config::OverfittingSettings& overfitting)
{
    if (!figures.failedThresholds.empty()) {
        RobustnessDecision decision = rejected(DecisionStage::Thresholds);
        for (const ThresholdFailure& failure : figures.failedThresholds)
            addFailure(decision, failure.key, failure.message);
        return decision;
    }
    if (!(figures.score >= scoring.robustnessMinScore)) {
        RobustnessDecision decision = rejected(DecisionStage::Score);
        addFailure(decision, "score",
                   "score " + figureText(figures.score) +
                       " is below scoring.robustness_min_score = " + std::to_string(scoring.robustnessMinScore));
        return decision;
    }

    SIXBTC_REQUIRE(figures.shufflePassed.has_value() && figures.walkForwardStable.has_value() &&
                   figures.dsr.has_value() && figures.pbo.has_value());
    RobustnessDecision decision = rejected(DecisionStage::Robustness);
    if (!*figures.shufflePassed)
        addFailure(decision, "shuffle_test", "shuffle test failed: " + figures.shuffleReason);
    if (!*figures.walkForwardStable)
        addFailure(decision, "walk_forward", "walk-forward not stable: " + figures.walkForwardReason);
    if (!(*figures.dsr >= overfitting.minDsr))
        addFailure(decision, "dsr",
                   "deflated Sharpe ratio " + figureText(*figures.dsr) +
                       " is below validation.overfitting.min_dsr = " + figureText(overfitting.minDsr));
    if (!(*figures.pbo <= overfitting.maxPbo))
        addFailure(decision, "pbo",
                   "the family's probability of backtest overfitting " + figureText(*figures.pbo) +
                       " exceeds validation.overfitting.max_pbo = " + figureText(overfitting.maxPbo));
    decision.active = decision.failedChecks.empty();
    return decision;
}

std::string_view decisionStageName(DecisionStage stage)
{
    switch (stage) {
    case DecisionStage::Thresholds: return "thresholds";
    case DecisionStage::Score: return "score";
    case DecisionStage::Robustness: return "robustness";
    }
    SIXBTC_REQUIRE(false);
    return {};
}

} // namespace sixbtc::validation
