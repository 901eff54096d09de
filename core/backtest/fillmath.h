// SPDX-License-Identifier: MIT
// The fill, sizing and closing formulas of spec sections 6 and 7, shared by every engine so they agree bit for bit.
#pragma once

#include <algorithm>

#include "backtest/enginesettings.h"
#include "backtest/trade.h"

namespace sixbtc::backtest::fill {

/// Price factors computed once per run: (1 + slippage) and (1 - slippage).
struct PriceFactors
{
    double up;
    double down;

    explicit PriceFactors(double slippage)
        : up(1.0 + slippage)
        , down(1.0 - slippage)
    {
    }
};

/// Entry fill: long open * (1 + slippage), short open * (1 - slippage).
inline double entryPrice(double open, int dir, const PriceFactors& f)
{
    return dir > 0 ? open * f.up : open * f.down;
}

/// Exit fill from a reference price: long ref * (1 - slippage), short ref * (1 + slippage).
inline double exitPrice(double reference, int dir, const PriceFactors& f)
{
    return dir > 0 ? reference * f.down : reference * f.up;
}

/// Unrealised PnL dir * qty * (p - entry_px).
inline double upnl(int dir, double qty, double entryPx, double price)
{
    return static_cast<double>(dir) * qty * (price - entryPx);
}

/// Phase B sizing. Returns false when the entry is skipped (equity <= 0, below min notional, not enough margin).
inline bool sizeEntry(double equity, double marginUsed, const EngineSettings& s, const StrategyParams& p,
                      double& notional, double& margin)
{
    if (equity <= 0.0)
        return false;
    notional = equity * s.riskPct / p.slPct;
    const double cap = s.maxPositionSizePct * equity * p.leverage;
    if (notional > cap)
        notional = cap;
    margin = notional / p.leverage;
    if (notional < s.minNotional)
        return false;
    return !(margin > equity - marginUsed);
}

/// The stop-loss and take-profit levels of an entry at `entryPx`.
inline void levels(double entryPx, int dir, const StrategyParams& p, double& slLevel, double& tpLevel)
{
    slLevel = dir > 0 ? entryPx * (1.0 - p.slPct) : entryPx * (1.0 + p.slPct);
    tpLevel = dir > 0 ? entryPx * (1.0 + p.tpPct) : entryPx * (1.0 - p.tpPct);
}

/// Phase C: whether the bar hits the stop (taken first on a tie) or the target, and the reference price.
inline bool intrabarExit(int dir, double open, double high, double low, double slLevel, double tpLevel,
                         double& reference, ExitReason& reason)
{
    if (dir > 0 ? low <= slLevel : high >= slLevel) {
        reason = ExitReason::StopLoss;
        reference = dir > 0 ? std::min(open, slLevel) : std::max(open, slLevel);
        return true;
    }
    if (dir > 0 ? high >= tpLevel : low <= tpLevel) {
        reason = ExitReason::TakeProfit;
        reference = tpLevel;
        return true;
    }
    return false;
}

/// The money of a close at fill price `px` (spec section 7).
struct CloseAmounts
{
    double gross;
    double exitFee;
    double cashDelta; ///< gross - exit_fee
    double pnlNet;    ///< gross - exit_fee - entry_fee
};

inline CloseAmounts closeAmounts(int dir, double qty, double entryPx, double px, double entryFee, double feeRate)
{
    CloseAmounts a;
    a.gross = static_cast<double>(dir) * qty * (px - entryPx);
    a.exitFee = qty * px * feeRate;
    a.cashDelta = a.gross - a.exitFee;
    a.pnlNet = a.gross - a.exitFee - entryFee;
    return a;
}

} // namespace sixbtc::backtest::fill
