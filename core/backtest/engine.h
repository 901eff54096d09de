// SPDX-License-Identifier: MIT
// Engine: the reference backtest of one strategy over one or several symbols (spec sections 5 to 7 and 11).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "backtest/backtestdata.h"
#include "backtest/enginesettings.h"
#include "backtest/fillmath.h"
#include "backtest/metrics.h"
#include "backtest/trade.h"

namespace sixbtc::backtest {

/// Runs strategies of one base on shared data with one cash balance and margin account per strategy. Keeps its
/// buffers between runs, so a run after the first allocates nothing. Not thread-safe: one Engine per thread.
class Engine
{
public:
    /// \warning `data` must outlive the engine; `settings` must pass checkEngineSettings().
    Engine(const BacktestData& data, const EngineSettings& settings);

    /// Runs one strategy (params must pass checkStrategyParams()) and returns its metrics. The trades and the
    /// equity curve of this run stay readable until the next run.
    Metrics run(const StrategyParams& params);

    /// The trades of the last run in closing order (spec section 7).
    std::span<const Trade> trades() const { return m_trades; }
    /// equity[t] of the last run, marked at each bar's close.
    std::span<const double> equity() const { return m_equity; }

private:
    struct Position
    {
        int symbol;
        int dir;
        double qty;
        double entryPx;
        double slLevel;
        double tpLevel;
        double notional;
        double margin;
        double entryFee;
        double equityAtEntry;
        std::int64_t entryBar;
    };

    void marketExits(std::size_t t, const StrategyParams& params);
    void entries(std::size_t t, const StrategyParams& params);
    void intrabarExits(std::size_t t);
    void closeAll(std::size_t t);
    double markedEquity(std::size_t t, bool atOpen) const;
    void close(std::size_t index, std::size_t t, double px, ExitReason reason);

    const BacktestData& m_data;
    EngineSettings m_settings;
    fill::PriceFactors m_factors;
    double m_cash = 0.0;
    std::vector<Position> m_positions;      ///< open positions in entry order
    std::vector<std::uint8_t> m_symbolBusy; ///< 1 when the symbol has an open position
    std::vector<Trade> m_trades;
    std::vector<double> m_equity;
};

} // namespace sixbtc::backtest
