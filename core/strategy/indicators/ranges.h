// SPDX-License-Identifier: MIT
// Range indicators: rolling extremes, stochastic oscillator and rate of change. NaN is none.
#pragma once

#include <cstdint>
#include <span>

#include "strategy/indicators/series.h"

namespace sixbtc::strategy::indicators {

/// highest(x, n): max of the last n values, current bar included; none if one of them is none; from bar s+n-1.
void highest(std::span<const double> x, std::int64_t n, std::span<double> out);
/// lowest(x, n): min of the last n values, current bar included; none if one of them is none; from bar s+n-1.
void lowest(std::span<const double> x, std::int64_t n, std::span<double> out);
/// stoch_k(n): 100*(close - lowest(low, n)) / (highest(high, n) - lowest(low, n)); none where the range is 0;
/// from bar n-1.
void stochK(const PriceColumns& prices, std::int64_t n, std::span<double> out);
/// stoch_d(n, d): sma(stoch_k(n), d), from bar n+d-2.
void stochD(const PriceColumns& prices, std::int64_t n, std::int64_t d, std::span<double> out);
/// roc(x, n): x / x[n] - 1; none where x[n] = 0; from bar s+n.
void roc(std::span<const double> x, std::int64_t n, std::span<double> out);

} // namespace sixbtc::strategy::indicators
