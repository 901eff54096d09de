// SPDX-License-Identifier: MIT
// The decision for one strategy: hard thresholds, unified score, then the robustness stage -> ACTIVE or REJECTED.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.h"
#include "validation/unifiedscore.h"

namespace sixbtc::validation {

/// The figures already computed for one strategy. The robustness figures are only read when the strategy reaches
/// the robustness stage (no failed threshold and score >= scoring.robustness_min_score), so a caller may leave
/// them empty for strategies rejected earlier.
struct RobustnessFigures
{
    std::vector<ThresholdFailure> failedThresholds; ///< checkThresholds() on the training metrics
    double score = 0.0;                             ///< unifiedScore() of the training metrics
    std::optional<bool> shufflePassed;
    std::string shuffleReason; ///< ShuffleVerdict::reason when it failed
    std::optional<bool> walkForwardStable;
    std::string walkForwardReason; ///< WalkForwardResult::reason when not stable
    std::optional<double> dsr;     ///< this strategy's Deflated Sharpe Ratio
    std::optional<double> pbo;     ///< its family's Probability of Backtest Overfitting
};

/// Where the decision was made.
enum class DecisionStage { Thresholds, Score, Robustness };

/// ACTIVE or REJECTED, with every failed check of the stage that decided.
struct RobustnessDecision
{
    bool active = false;
    DecisionStage stage = DecisionStage::Thresholds;
    std::vector<std::string> failedChecks; ///< check names: the threshold keys, "score", "shuffle_test",
                                           ///< "walk_forward", "dsr", "pbo"
    std::string reason;                    ///< "; "-joined English messages, empty when active
};

/// Decides: any failed threshold -> REJECTED (every failed threshold listed); score < scoring.robustness_min_score
/// -> REJECTED; else the robustness stage: shuffle passed, walk-forward stable, DSR >= validation.overfitting.min_dsr
/// and PBO <= validation.overfitting.max_pbo -> ACTIVE, else REJECTED with every failed check. A NaN figure fails
/// its check. \warning at the robustness stage all four robustness figures are set.
RobustnessDecision decideRobustness(const RobustnessFigures& figures, const config::ScoringSettings& scoring,
                                    const config::OverfittingSettings& overfitting);

/// "thresholds", "score" or "robustness".
std::string_view decisionStageName(DecisionStage stage);

} // namespace sixbtc::validation
