// SPDX-License-Identifier: MIT
// The validation part of the optimize record (`sixbtc optimize --holdout --json`) and its JSON pieces.
#pragma once

#include <QJsonObject>

#include "app/provefamily.h"

namespace sixbtc::app {

/// {"from_ms", "to_ms"} of a range.
QJsonObject rangeJson(const backtest::TimeRange& range);

/// The walk-forward object: "windows" (index, in_sample / out_of_sample ranges, grid_index and params when chosen,
/// in_sample_score, in_sample and out_of_sample metrics, edge), "edge_windows", "sharpe_dispersion", "stable",
/// "reason".
QJsonObject walkForwardJson(const validation::WalkForwardResult& result);

/// The shuffle object: "passed", "cut_bars" (per symbol), "reason" and, when it failed, "first_difference"
/// (symbol, cut_index, cut_bar, cut_time_ms, bar, bar_time_ms, rule).
QJsonObject shuffleJson(const validation::ShuffleVerdict& verdict);

/// One strategy's "validation" object: training and holdout metrics, score, failed thresholds, return moments,
/// dsr, the family's pbo, its walk-forward (null when it did not reach the robustness stage), the shuffle verdict
/// of its base (passed) and the decision (status ACTIVE or REJECTED, stage, failed_checks, reason).
QJsonObject strategyProofJson(const StrategyProof& proof, const FamilyProof& family);

/// Adds the proof to an optimize record (backtest::optimizeRecord of the same grid): "validation" to each entry of
/// "strategies" (matched by "index") and a top-level "validation" with the split (training, holdout, truncated,
/// notes), the shuffle verdict, the family walk-forward and the overfitting figures (trials, sharpe_variance,
/// expected_max_sharpe, pbo, combinations, degradation slope and intercept).
void addProofToRecord(QJsonObject& record, const FamilyProof& proof);

} // namespace sixbtc::app
