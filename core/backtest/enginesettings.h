// SPDX-License-Identifier: MIT
// EngineSettings and StrategyParams: the numbers a backtest runs with (spec/backtest-semantics.md section 3).
#pragma once

#include "common/error.h"
#include "common/timeframe.h"

namespace sixbtc::config {
struct Config;
}

namespace sixbtc::backtest {

/// The account and cost settings shared by every strategy of a run. Built from the configuration by
/// engineSettingsFrom(); tests fill it directly.
struct EngineSettings
{
    double initialEquity;      ///< E0, USDC
    double riskPct;            ///< fraction of equity risked per trade
    double maxPositionSizePct; ///< cap on margin as a fraction of equity
    int maxOpenPositions;      ///< account-wide cap on open positions
    double minNotional;        ///< smallest order notional, USDC
    double feeRate;            ///< per side, on the fill notional
    double slippage;           ///< adverse, fraction of the reference price
    bool exitOnOpposite;       ///< an entry signal of the other side closes the open position
};

/// The per-strategy parameters that the parametric grid varies (spec section 4).
struct StrategyParams
{
    double slPct;
    double tpPct;
    double leverage;
    int exitAfterBars; ///< 0 = no time exit

    friend bool operator==(const StrategyParams&, const StrategyParams&) = default;
};

/// The engine settings of `config`: backtest.*, risk.fixed_fractional.*, risk.limits and hyperliquid.min_notional.
EngineSettings engineSettingsFrom(const config::Config& config);

/// An error naming the first setting outside the range the engine accepts.
common::Result<void> checkEngineSettings(const EngineSettings& settings);
/// An error naming the first parameter outside its range (sl_pct, tp_pct > 0, leverage >= 1, exit bars >= 0).
common::Result<void> checkStrategyParams(const StrategyParams& params);

/// bars_per_year = 525600 / timeframe minutes (crypto trades every day of the year).
double barsPerYear(common::Timeframe timeframe);

} // namespace sixbtc::backtest
