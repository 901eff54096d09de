// SPDX-License-Identifier: MIT
// Moving averages and MACD. Each writes one value per bar of `x` into `out` (same size); NaN is none.
#pragma once

#include <cstdint>
#include <span>

namespace sixbtc::strategy::indicators {

/// sma(x, n): mean of the last n values (summed oldest first), from bar s+n-1 (s = first defined bar of x).
void sma(std::span<const double> x, std::int64_t n, std::span<double> out);
/// wma(x, n): sum of k*x[t-n+k] for k = 1..n over n(n+1)/2 (newest weighs most), from bar s+n-1.
void wma(std::span<const double> x, std::int64_t n, std::span<double> out);
/// ema(x, n): e[s] = x[s], e[i] = a*x[i] + (1-a)*e[i-1] with a = 2/(n+1); shown from bar s+n-1 (earlier is warm-up).
void ema(std::span<const double> x, std::int64_t n, std::span<double> out);
/// macd_line(x, f, s): ema(x, f) - ema(x, s), from bar max(f, s)-1.
void macdLine(std::span<const double> x, std::int64_t fast, std::int64_t slow, std::span<double> out);
/// macd_signal(x, f, s, g): ema(macd_line(x, f, s), g), from bar max(f, s)+g-2.
void macdSignal(std::span<const double> x, std::int64_t fast, std::int64_t slow, std::int64_t signal,
                std::span<double> out);
/// macd_hist(x, f, s, g): macd_line - macd_signal, from bar max(f, s)+g-2.
void macdHist(std::span<const double> x, std::int64_t fast, std::int64_t slow, std::int64_t signal,
              std::span<double> out);

} // namespace sixbtc::strategy::indicators
