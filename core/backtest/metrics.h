// SPDX-License-Identifier: MIT
// Metrics of a run (spec section 8) and the sums they are finished from.
#pragma once

#include <cstdint>
#include <span>

#include "backtest/trade.h"

namespace sixbtc::backtest {

/// The spec section 8 metrics of one strategy.
struct Metrics
{
    double totalReturn;
    double sharpe;
    double winRate;
    double expectancy;
    double expectancyUsdc;
    double maxDrawdown;
    std::int64_t nTrades;
    double edRatio;
    double consistency;
    double finalEquity;

    friend bool operator==(const Metrics&, const Metrics&) = default;
};

/// Running sums over the equity curve and the trade list. Every engine fills them in the same order
/// (bars ascending, trades in closing order), so the finished metrics agree bit for bit.
struct MetricSums
{
    std::int64_t bars = 0;      ///< n
    double sumReturns = 0.0;    ///< sum of r[t], t = 1..n-1
    double sumSquaredDev = 0.0; ///< sum of (r[t] - mean)^2, the second pass
    double maxDrawdown = 0.0;
    std::int64_t barsInProfit = 0; ///< bars with equity > E0
    std::int64_t trades = 0;
    std::int64_t wins = 0;       ///< trades with pnl_net > 0
    double sumTradeReturn = 0.0; ///< sum of pnl_net / equity_at_entry
    double sumPnl = 0.0;         ///< sum of pnl_net
    double finalEquity = 0.0;

    /// Adds one trade (call in closing order).
    void addTrade(double pnlNet, double equityAtEntry)
    {
        ++trades;
        if (pnlNet > 0.0)
            ++wins;
        sumTradeReturn = sumTradeReturn + pnlNet / equityAtEntry;
        sumPnl = sumPnl + pnlNet;
    }
};

/// The per-bar return r[t] = equity[t] / equity[t-1] - 1, 0 when equity[t-1] <= 0.
inline double barReturn(double equity, double previous)
{
    return previous <= 0.0 ? 0.0 : equity / previous - 1.0;
}

/// The mean of the bar returns (first pass of the Sharpe ratio); 0 when there are none.
double meanReturn(const MetricSums& sums);

/// The metrics from completed sums.
Metrics finishMetrics(const MetricSums& sums, double initialEquity, double barsPerYear);

/// The metrics of an equity curve and its trade list, computed directly from the definitions.
Metrics computeMetrics(std::span<const double> equity, std::span<const Trade> trades, double initialEquity,
                       double barsPerYear);

} // namespace sixbtc::backtest
