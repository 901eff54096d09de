// SPDX-License-Identifier: MIT
// Conventions shared by the indicators: NaN is "none", inputs may start with a warm-up of NaN values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

namespace sixbtc::strategy::indicators {

/// The "none" value of numeric series (warm-up, undefined results such as a division by zero).
inline constexpr double none = std::numeric_limits<double>::quiet_NaN();

/// The price columns of one candle window, all of the same length.
struct PriceColumns
{
    std::span<const double> open;
    std::span<const double> high;
    std::span<const double> low;
    std::span<const double> close;
    std::span<const double> volume;
};

/// Index of the first value of `x` that is not none (x.size() when every value is none). Indicators of a series
/// with a warm-up start their own computation there, so `ema(rsi(close, 14), 5)` seeds at bar 14.
std::size_t firstDefined(std::span<const double> x);

/// For each bar, how many consecutive bars ending there hold exactly the same (non-none) value; lets windowed
/// dispersions be exactly 0 when their window is constant, whatever the rounding of the mean.
void equalRunLengths(std::span<const double> x, std::span<std::int64_t> out);

/// Typical price (high + low + close) / 3 of every bar.
void typicalPrice(const PriceColumns& prices, std::span<double> out);

} // namespace sixbtc::strategy::indicators
