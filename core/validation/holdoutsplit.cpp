// SPDX-License-Identifier: MIT
// The training / holdout split: the holdout is taken from the end first, the training gets what is before it.
#include "validation/holdoutsplit.h"

#include "common/require.h"
#include "validation/utctext.h"

namespace sixbtc::validation {

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

std::string dataText(std::int64_t firstBarMs, std::int64_t lastBarMs, std::int64_t endMs)
{
    return "the data (first bar " + utcMinuteText(firstBarMs) + ", last bar " + utcMinuteText(lastBarMs) + ", " +
           dayCountText(endMs - firstBarMs) + " days)";
}

} // namespace

common::Result<HoldoutSplit> splitTrainingHoldout(std::int64_t firstBarMs, std::int64_t lastBarMs,
                                                  common::Timeframe timeframe, int trainingDays, int holdoutDays)
{
    SIXBTC_REQUIRE(trainingDays > 0);
    SIXBTC_REQUIRE(holdoutDays >= 0);
    SIXBTC_REQUIRE(firstBarMs <= lastBarMs);

    const std::int64_t endMs = lastBarMs + timeframe.durationMs();
    const std::int64_t holdoutFromMs = endMs - static_cast<std::int64_t>(holdoutDays) * kMsPerDay;
    const std::int64_t askedTrainingFromMs = holdoutFromMs - static_cast<std::int64_t>(trainingDays) * kMsPerDay;

    // Bars open on the timeframe's grid and day boundaries are on every timeframe's grid, so a bar opening before
    // holdoutFromMs lies wholly before it: one such bar is the least the training needs.
    if (firstBarMs >= holdoutFromMs)
        return common::fail(common::ErrorCode::Input, dataText(firstBarMs, lastBarMs, endMs) +
                                                          " is not longer than the " + std::to_string(holdoutDays) +
                                                          "-day holdout (backtest.holdout_days): no bar is left " +
                                                          "for the " + std::to_string(trainingDays) +
                                                          " days of training " + "(backtest.training_days)");

    HoldoutSplit split;
    split.holdout = backtest::TimeRange{holdoutFromMs, endMs};
    split.training = backtest::TimeRange{askedTrainingFromMs, holdoutFromMs};
    if (askedTrainingFromMs < firstBarMs) {
        split.truncated = true;
        split.training.fromMs = firstBarMs;
        split.notes.push_back("backtest.training_days asks for " + std::to_string(trainingDays) +
                              " days of training before the " + std::to_string(holdoutDays) +
                              "-day holdout (backtest.holdout_days), but " + dataText(firstBarMs, lastBarMs, endMs) +
                              " leaves " + dayCountText(holdoutFromMs - firstBarMs) +
                              " days: the holdout is kept whole and the training is cut to " +
                              utcMinuteText(firstBarMs) + " .. " + utcMinuteText(holdoutFromMs) + " (exclusive)");
    }
    return split;
}

} // namespace sixbtc::validation
