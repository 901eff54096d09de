// SPDX-License-Identifier: MIT
// Wilder-smoothed indicators: RSI, ATR and ADX. One value per bar into `out`; NaN is none.
#pragma once

#include <cstdint>
#include <span>

#include "strategy/indicators/series.h"

namespace sixbtc::strategy::indicators {

/// rsi(x, n) (spec §10): mean of the first n gains/losses (deltas s+1..s+n), then avg = (avg*(n-1) + v)/n;
/// rsi = 100*ag/(ag+al), 50 when ag+al = 0; from bar s+n.
void rsi(std::span<const double> x, std::int64_t n, std::span<double> out);
/// atr(n): true range max(h-l, |h-c[1]|, |l-c[1]|) from bar 1, mean of the first n, then Wilder; from bar n.
void atr(const PriceColumns& prices, std::int64_t n, std::span<double> out);
/// adx(n): Wilder-smoothed TR, +DM, -DM (seeded with the mean of bars 1..n) give DI+ and DI- and
/// DX = 100*|DI+ - DI-|/(DI+ + DI-) (0 when both are 0) from bar n; ADX = mean of DX over bars n..2n-1, then
/// Wilder; from bar 2n-1.
void adx(const PriceColumns& prices, std::int64_t n, std::span<double> out);

} // namespace sixbtc::strategy::indicators
