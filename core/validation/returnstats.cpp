// SPDX-License-Identifier: MIT
// Per-bar returns, their moments and block sums; every sum runs in index order so results are reproducible.
#include "validation/returnstats.h"

#include <cmath>

#include "backtest/metrics.h"
#include "common/require.h"

namespace sixbtc::validation {

namespace {

/// Relative size of the one-pass variance below which it is rounding noise (a few ulps of the mean square).
constexpr double kRoundingFloor = 1e-13;

} // namespace

std::vector<double> barReturns(std::span<const double> equity)
{
    std::vector<double> out;
    barReturnsInto(equity, out);
    return out;
}

void barReturnsInto(std::span<const double> equity, std::vector<double>& out)
{
    out.resize(equity.size() < 2 ? 0 : equity.size() - 1);
    for (std::size_t t = 1; t < equity.size(); ++t)
        out[t - 1] = backtest::barReturn(equity[t], equity[t - 1]);
}

ReturnMoments returnMoments(std::span<const double> returns)
{
    ReturnMoments m;
    m.n = static_cast<std::int64_t>(returns.size());
    if (returns.empty())
        return m;
    double sum = 0.0;
    for (double r : returns)
        sum = sum + r;
    const double count = static_cast<double>(returns.size());
    m.mean = sum / count;
    double s2 = 0.0;
    double s3 = 0.0;
    double s4 = 0.0;
    for (double r : returns) {
        const double d = r - m.mean;
        const double d2 = d * d;
        s2 = s2 + d2;
        s3 = s3 + d2 * d;
        s4 = s4 + d2 * d2;
    }
    if (m.n < 2 || s2 <= 0.0)
        return m;
    m.stdDev = std::sqrt(s2 / (count - 1.0));
    m.sharpe = m.mean / m.stdDev;
    // Population moments m_k = s_k / T, as in the PSR/DSR papers.
    const double m2 = s2 / count;
    m.skewness = (s3 / count) / std::pow(m2, 1.5);
    m.kurtosis = (s4 / count) / (m2 * m2);
    return m;
}

std::vector<BlockSums> blockSums(std::span<const double> returns, int blocks)
{
    SIXBTC_REQUIRE(blocks >= 1);
    const auto s = static_cast<std::size_t>(blocks);
    SIXBTC_REQUIRE(returns.size() >= s);
    const std::size_t base = returns.size() / s;
    const std::size_t extra = returns.size() % s;
    std::vector<BlockSums> out(s);
    std::size_t t = 0;
    for (std::size_t b = 0; b < s; ++b) {
        const std::size_t size = base + (b < extra ? 1 : 0);
        BlockSums& block = out[b];
        block.n = static_cast<std::int64_t>(size);
        for (std::size_t end = t + size; t < end; ++t) {
            block.sum = block.sum + returns[t];
            block.sumSquares = block.sumSquares + returns[t] * returns[t];
        }
    }
    return out;
}

double blockSharpe(const BlockSums& sums)
{
    if (sums.n < 2)
        return 0.0;
    const double n = static_cast<double>(sums.n);
    const double mean = sums.sum / n;
    const double variance = (sums.sumSquares - sums.sum * mean) / (n - 1.0);
    // Equal returns leave only the rounding noise of the one-pass formula: treat that as zero variance.
    if (!(variance > kRoundingFloor * (sums.sumSquares / n)))
        return 0.0;
    return mean / std::sqrt(variance);
}

} // namespace sixbtc::validation
