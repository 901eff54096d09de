// SPDX-License-Identifier: MIT
// Proving a parametric family: training/holdout, score and thresholds, shuffle test, walk-forward, DSR and PBO.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "app/backtestusecase.h"
#include "backtest/batchrunner.h"
#include "validation/familystats.h"
#include "validation/holdoutsplit.h"
#include "validation/robustness.h"
#include "validation/shuffletest.h"
#include "validation/unifiedscore.h"
#include "validation/walkforward.h"

namespace sixbtc::app {

/// What the proof found for one strategy of the family (one grid point).
struct StrategyProof
{
    std::size_t gridIndex = 0;
    backtest::Metrics training{};             ///< on the training range: the only metrics that choose
    std::optional<backtest::Metrics> holdout; ///< on the holdout range; never used for choosing
    double score = 0.0;                       ///< unified score of the training metrics
    std::vector<validation::ThresholdFailure> failedThresholds;
    validation::ReturnMoments moments;                        ///< of the training per-bar returns
    double dsr = 0.0;                                         ///< Deflated Sharpe Ratio within its family
    std::optional<validation::WalkForwardResult> walkForward; ///< its own fixed-parameter windows (robustness stage)
    validation::RobustnessDecision decision;
};

/// The proof of one family: the split, the family-wide checks and every strategy's verdict, in grid order.
struct FamilyProof
{
    validation::HoldoutSplit split;
    validation::ShuffleVerdict shuffle;              ///< one verdict for the base: every grid point has its signals
    validation::WalkForwardResult familyWalkForward; ///< grid point re-chosen by score in each window
    validation::FamilyOverfitting overfitting;       ///< trials, Sharpe variance, SR0, DSR per strategy, PBO
    std::vector<StrategyProof> strategies;
};

/// Everything a proof reads. `prepared` is the run over the user's range (prepareBacktest on `candles`); the
/// training and holdout ranges are cut from its bars. Pointers are borrowed for the duration of the call.
struct FamilyProofInput
{
    const strategy::StrategyDocument* document;
    const std::vector<data::CandleData>* candles;
    const PreparedBacktest* prepared;
    const backtest::ParamGrid* grid;
    const config::Config* config;
    common::CancelToken cancel;
    std::function<void(const backtest::BatchProgress&)> progress; ///< training family progress; may be empty
};

/// Proves the family (DESIGN.md "The backtest is a contract", issue: validation order 3-5):
/// 1. split the bars into training and holdout (backtest.training_days / holdout_days);
/// 2. run every grid point on training with its equity curve (metrics, return moments, CSCV blocks), the DSR of
///    each and the family's PBO (validation.overfitting.pbo_partitions), and every grid point on the holdout;
/// 3. the shuffle test of the document on each symbol's whole series; the family walk-forward on training;
/// 4. per strategy: hard thresholds and unified score on training; strategies that pass both reach the
///    robustness stage, where their own fixed-parameter walk-forward runs; the decision needs the shuffle test
///    passed, BOTH the family walk-forward and its own walk-forward stable, DSR >= min_dsr and PBO <= max_pbo.
/// Deterministic for given inputs (no clock, seeds from the configuration). Errors of any step are returned
/// unchanged (Input for too little data, Cancelled when stopped).
common::Result<FamilyProof> proveFamily(const FamilyProofInput& input);

} // namespace sixbtc::app
