// SPDX-License-Identifier: MIT
// Metrics: finishing the sums of spec section 8, and the direct computation from an equity curve.
#include "backtest/metrics.h"

#include <cmath>

#include "common/require.h"

namespace sixbtc::backtest {

double meanReturn(const MetricSums& sums)
{
    const std::int64_t m = sums.bars - 1;
    return m > 0 ? sums.sumReturns / static_cast<double>(m) : 0.0;
}

Metrics finishMetrics(const MetricSums& s, double initialEquity, double barsPerYear)
{
    SIXBTC_REQUIRE(s.bars >= 1);
    const std::int64_t m = s.bars - 1;
    double sharpe = 0.0;
    if (m >= 2) {
        const double mean = meanReturn(s);
        const double std = std::sqrt(s.sumSquaredDev / static_cast<double>(m - 1));
        if (std != 0.0)
            sharpe = mean / std * std::sqrt(barsPerYear);
    }
    const double trades = static_cast<double>(s.trades);
    Metrics out{};
    out.totalReturn = s.finalEquity / initialEquity - 1.0;
    out.sharpe = sharpe;
    out.winRate = s.trades > 0 ? static_cast<double>(s.wins) / trades : 0.0;
    out.expectancy = s.trades > 0 ? s.sumTradeReturn / trades : 0.0;
    out.expectancyUsdc = s.trades > 0 ? s.sumPnl / trades : 0.0;
    out.maxDrawdown = s.maxDrawdown;
    out.nTrades = s.trades;
    out.edRatio = s.maxDrawdown != 0.0 ? out.expectancy / s.maxDrawdown : 0.0;
    out.consistency = static_cast<double>(s.barsInProfit) / static_cast<double>(s.bars);
    out.finalEquity = s.finalEquity;
    return out;
}

Metrics computeMetrics(std::span<const double> equity, std::span<const Trade> trades, double initialEquity,
                       double barsPerYear)
{
    SIXBTC_REQUIRE(!equity.empty());
    MetricSums s;
    s.bars = static_cast<std::int64_t>(equity.size());
    double peak = initialEquity;
    for (std::size_t t = 0; t < equity.size(); ++t) {
        if (t > 0)
            s.sumReturns = s.sumReturns + barReturn(equity[t], equity[t - 1]);
        if (equity[t] > peak)
            peak = equity[t];
        const double drawdown = (peak - equity[t]) / peak;
        if (drawdown > s.maxDrawdown)
            s.maxDrawdown = drawdown;
        if (equity[t] > initialEquity)
            ++s.barsInProfit;
    }
    const double mean = meanReturn(s);
    for (std::size_t t = 1; t < equity.size(); ++t) {
        const double dev = barReturn(equity[t], equity[t - 1]) - mean;
        s.sumSquaredDev = s.sumSquaredDev + dev * dev;
    }
    for (const Trade& trade : trades)
        s.addTrade(trade.pnlNet, trade.equityAtEntry);
    s.finalEquity = equity.back();
    return finishMetrics(s, initialEquity, barsPerYear);
}

} // namespace sixbtc::backtest
