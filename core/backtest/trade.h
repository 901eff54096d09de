// SPDX-License-Identifier: MIT
// Trade: the record of one closed position (spec section 7).
#pragma once

#include <cstdint>
#include <string_view>

namespace sixbtc::backtest {

/// Why a position was closed.
enum class ExitReason : std::uint8_t { StopLoss, TakeProfit, Time, ExitSignal, Signal, End };

/// The spec's name of a reason: SL TP TIME EXIT_SIGNAL SIGNAL END.
std::string_view exitReasonName(ExitReason reason);

/// One closed position. Bars are indexes into the run's bars; `symbol` indexes the run's symbol list.
struct Trade
{
    int symbol;
    std::int64_t entryBar;
    std::int64_t exitBar;
    int dir; ///< +1 long, -1 short
    double entryPx;
    double exitPx;
    double qty;
    double notional;
    double margin;
    double entryFee;
    double exitFee;
    double pnlNet;
    double equityAtEntry;
    ExitReason reason;

    friend bool operator==(const Trade&, const Trade&) = default;
};

} // namespace sixbtc::backtest
