// SPDX-License-Identifier: MIT
// Per-bar returns of an equity curve, their moments, and contiguous block sums for CSCV.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sixbtc::validation {

/// The per-bar returns r[t] = equity[t] / equity[t-1] - 1 for t = 1..n-1 (backtest spec section 8, 0 when
/// equity[t-1] <= 0): n - 1 values, flat bars included; empty for fewer than two points.
std::vector<double> barReturns(std::span<const double> equity);
/// The same into `out` (resized, its capacity reused).
void barReturnsInto(std::span<const double> equity, std::vector<double>& out);

/// The moments of T per-bar returns as the Deflated Sharpe Ratio reads them. Estimators: the mean and the
/// standard deviation are those of the spec's Sharpe (sample std, divisor T - 1), so sharpe * sqrt(bars_per_year)
/// is the spec's annualised Sharpe; skewness and kurtosis are the population (biased) moment ratios of Bailey &
/// Lopez de Prado: skewness = m3 / m2^1.5, kurtosis = m4 / m2^2 (non-excess: 3 for a normal), m_k = sum (r - mean)^k
/// / T. When T < 2 or every return is equal (m2 = 0): stdDev = sharpe = skewness = 0 and kurtosis = 3.
struct ReturnMoments
{
    std::int64_t n = 0;    ///< T, the number of returns
    double mean = 0.0;     ///< sum r / T (0 when T = 0)
    double stdDev = 0.0;   ///< sqrt(sum (r - mean)^2 / (T - 1))
    double skewness = 0.0; ///< m3 / m2^1.5
    double kurtosis = 3.0; ///< m4 / m2^2, non-excess
    double sharpe = 0.0;   ///< mean / stdDev per bar, not annualised; 0 when stdDev = 0

    friend bool operator==(const ReturnMoments&, const ReturnMoments&) = default;
};

/// The moments of `returns` (two passes, sums in index order).
ReturnMoments returnMoments(std::span<const double> returns);

/// The count, sum and sum of squares of the returns of one contiguous block.
struct BlockSums
{
    std::int64_t n = 0;
    double sum = 0.0;
    double sumSquares = 0.0;

    friend bool operator==(const BlockSums&, const BlockSums&) = default;
};

/// Splits the T returns into `blocks` = S contiguous blocks in time order. Block b holds floor(T / S) returns, plus
/// one more for the first T mod S blocks (b < T mod S), so sizes differ by at most one and every return is in exactly
/// one block. \warning blocks >= 1 and returns.size() >= blocks.
std::vector<BlockSums> blockSums(std::span<const double> returns, int blocks);

/// Adds `block` to `total` (n, sum and sum of squares).
inline void accumulate(BlockSums& total, const BlockSums& block)
{
    total.n += block.n;
    total.sum += block.sum;
    total.sumSquares += block.sumSquares;
}

/// The per-bar Sharpe of the returns summed in `sums`: mean / sample std with mean = sum / n and
/// var = (sumSquares - sum * mean) / (n - 1); 0 when n < 2 or var <= 0. Equals returnMoments().sharpe of the same
/// returns up to rounding (one-pass variance).
double blockSharpe(const BlockSums& sums);

} // namespace sixbtc::validation
