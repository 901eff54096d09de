// SPDX-License-Identifier: MIT
// EngineSettings from the configuration, and the range checks of settings and parameters.
#include "backtest/enginesettings.h"

#include <cmath>
#include <string>

#include "config/settings.h"

namespace sixbtc::backtest {

using common::ErrorCode;

EngineSettings engineSettingsFrom(const config::Config& config)
{
    return EngineSettings{
        .initialEquity = config.backtest.initialEquity,
        .riskPct = config.risk.fixedFractional.riskPerTradePct,
        .maxPositionSizePct = config.risk.fixedFractional.maxPositionSizePct,
        .maxOpenPositions = config.risk.limits.maxOpenPositionsPerSubaccount,
        .minNotional = config.hyperliquid.minNotional,
        .feeRate = config.backtest.feeRate,
        .slippage = config.backtest.slippage,
        .exitOnOpposite = config.backtest.exitOnOpposite,
    };
}

namespace {

bool positiveFinite(double value)
{
    return std::isfinite(value) && value > 0.0;
}

} // namespace

common::Result<void> checkEngineSettings(const EngineSettings& s)
{
    if (!positiveFinite(s.initialEquity))
        return common::fail(ErrorCode::Config, "backtest.initial_equity must be a finite number > 0");
    if (!positiveFinite(s.riskPct))
        return common::fail(ErrorCode::Config, "risk.fixed_fractional.risk_per_trade_pct must be > 0");
    if (!positiveFinite(s.maxPositionSizePct))
        return common::fail(ErrorCode::Config, "risk.fixed_fractional.max_position_size_pct must be > 0");
    if (s.maxOpenPositions < 1)
        return common::fail(ErrorCode::Config, "risk.limits.max_open_positions_per_subaccount must be >= 1");
    if (!std::isfinite(s.minNotional) || s.minNotional < 0.0)
        return common::fail(ErrorCode::Config, "hyperliquid.min_notional must be a finite number >= 0");
    if (!std::isfinite(s.feeRate) || s.feeRate < 0.0)
        return common::fail(ErrorCode::Config, "backtest.fee_rate must be a finite number >= 0");
    if (!std::isfinite(s.slippage) || s.slippage < 0.0 || s.slippage >= 1.0)
        return common::fail(ErrorCode::Config, "backtest.slippage must be in [0, 1)");
    return {};
}

common::Result<void> checkStrategyParams(const StrategyParams& p)
{
    if (!positiveFinite(p.slPct))
        return common::fail(ErrorCode::Input, "sl_pct must be > 0, got " + std::to_string(p.slPct));
    if (!positiveFinite(p.tpPct))
        return common::fail(ErrorCode::Input, "tp_pct must be > 0, got " + std::to_string(p.tpPct));
    if (!std::isfinite(p.leverage) || p.leverage < 1.0)
        return common::fail(ErrorCode::Input, "leverage must be >= 1, got " + std::to_string(p.leverage));
    if (p.exitAfterBars < 0)
        return common::fail(ErrorCode::Input, "exit_after_bars must be >= 0, got " + std::to_string(p.exitAfterBars));
    return {};
}

double barsPerYear(common::Timeframe timeframe)
{
    const double minutes = static_cast<double>(timeframe.durationMs() / 60'000);
    return 525600.0 / minutes;
}

} // namespace sixbtc::backtest
