// SPDX-License-Identifier: MIT
// Volume indicators: on-balance volume and rolling VWAP. NaN is none.
#pragma once

#include <cstdint>
#include <span>

#include "strategy/indicators/series.h"

namespace sixbtc::strategy::indicators {

/// obv(): 0 at bar 0, then obv[i-1] + volume[i] * sign(close[i] - close[i-1]); from bar 0.
void obv(const PriceColumns& prices, std::span<double> out);
/// vwap(n): sum of tp*volume over sum of volume for the last n bars, tp = (h+l+c)/3; none where that volume is 0;
/// from bar n-1.
void vwap(const PriceColumns& prices, std::int64_t n, std::span<double> out);

} // namespace sixbtc::strategy::indicators
