// SPDX-License-Identifier: MIT
// HoldoutSplit: the training and holdout ranges cut from the data's extent (backtest.training_days, holdout_days).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "backtest/backtestdata.h"
#include "common/error.h"
#include "common/timeframe.h"

namespace sixbtc::validation {

/// The two ranges of bar open times [fromMs, toMs). Parameters are chosen on `training` only; `holdout` is
/// measured separately and never used for choosing. With holdout_days = 0 the holdout is empty (fromMs == toMs).
struct HoldoutSplit
{
    backtest::TimeRange training;
    backtest::TimeRange holdout;
    bool truncated = false;         ///< the data was shorter than training_days + holdout_days
    std::vector<std::string> notes; ///< what the user should know (the cut: what was asked, what was available)
};

/// Cuts the data whose first bar opens at `firstBarMs` and last bar at `lastBarMs` (its end is lastBarMs plus one
/// bar of `timeframe`): the holdout is the last `holdoutDays` days, the training the `trainingDays` days before it.
/// When the data is shorter, the holdout keeps priority (it is the only unseen test) and the training shrinks to
/// the bars before it, with a note naming both keys, the days asked and the days available. Fails with
/// ErrorCode::Input when not one bar is left for training (the data is not longer than the holdout).
/// \warning trainingDays > 0, holdoutDays >= 0, firstBarMs <= lastBarMs.
common::Result<HoldoutSplit> splitTrainingHoldout(std::int64_t firstBarMs, std::int64_t lastBarMs,
                                                  common::Timeframe timeframe, int trainingDays, int holdoutDays);

} // namespace sixbtc::validation
