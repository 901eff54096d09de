// SPDX-License-Identifier: MIT
// Dispersion indicators: standard deviation, z-score, Bollinger bands and CCI. NaN is none.
#pragma once

#include <cstdint>
#include <span>

#include "strategy/indicators/series.h"

namespace sixbtc::strategy::indicators {

/// stdev(x, n): population standard deviation of the last n values (exactly 0 when they are all equal),
/// from bar s+n-1.
void stdev(std::span<const double> x, std::int64_t n, std::span<double> out);
/// zscore(x, n): (x - sma(x, n)) / stdev(x, n); none where stdev = 0; from bar s+n-1.
void zscore(std::span<const double> x, std::int64_t n, std::span<double> out);
/// bb_upper(x, n, k) / bb_lower: sma(x, n) + k*stdev(x, n) / sma(x, n) - k*stdev(x, n); from bar s+n-1.
void bollinger(std::span<const double> x, std::int64_t n, double k, bool upper, std::span<double> out);
/// cci(n): (tp - sma(tp, n)) / (0.015 * mean |tp - sma(tp, n)| over the last n), tp = (h+l+c)/3; none where the
/// mean deviation is 0; from bar n-1.
void cci(const PriceColumns& prices, std::int64_t n, std::span<double> out);

} // namespace sixbtc::strategy::indicators
