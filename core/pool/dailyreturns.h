// SPDX-License-Identifier: MIT
// Daily returns of an equity curve (UTC days) and the Pearson correlation of two such series.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>

#include "common/error.h"

namespace sixbtc::pool {

/// One point of an equity curve: UTC milliseconds and the account equity at that time.
struct EquitySample
{
    std::int64_t timeMs;
    double equity;
};

/// Daily returns keyed by UTC day number (floor(timeMs / 86'400'000); day 0 is 1970-01-01).
using DailyReturns = std::map<std::int64_t, double>;

/// Milliseconds in one UTC day.
inline constexpr std::int64_t kMsPerDay = 86'400'000;

/// UTC day number of a time: floor(timeMs / kMsPerDay), also for times before 1970.
std::int64_t utcDay(std::int64_t timeMs);

/// The daily returns of an equity curve. The equity of day d, E_d, is the equity of the last sample of that day
/// (among samples with equal times, the later one in the curve). The return of day d is E_d / E_prev - 1, where
/// prev is the latest earlier day that has a sample. Missing days are not filled: when k days without samples lie
/// between prev and d, the one return over the whole gap is attributed to day d and the missing days have no entry.
/// The first day with a sample has no return, so a curve on one day (or none) gives an empty result.
/// A Data error when the times decrease, an equity is not finite, or a day's closing equity is not positive.
common::Result<DailyReturns> dailyReturns(std::span<const EquitySample> curve);

/// Pearson correlation of two daily-return series over the days present in both.
struct Correlation
{
    std::optional<double> value; ///< in [-1, 1]; empty when not measurable
    std::size_t commonDays;      ///< days present in both series
};

/// Fewest common days a correlation is measured over.
inline constexpr std::size_t kMinCorrelationDays = 3;

/// Pearson correlation over the common days, two-pass (means, then co-moments). The value is empty when there are
/// fewer than kMinCorrelationDays common days or either side is constant over them (zero variance).
Correlation correlation(const DailyReturns& a, const DailyReturns& b);

} // namespace sixbtc::pool
