// SPDX-License-Identifier: MIT
// Trade: names of the exit reasons.
#include "backtest/trade.h"

namespace sixbtc::backtest {

std::string_view exitReasonName(ExitReason reason)
{
    switch (reason) {
    case ExitReason::StopLoss: return "SL";
    case ExitReason::TakeProfit: return "TP";
    case ExitReason::Time: return "TIME";
    case ExitReason::ExitSignal: return "EXIT_SIGNAL";
    case ExitReason::Signal: return "SIGNAL";
    case ExitReason::End: return "END";
    }
    return "?";
}

} // namespace sixbtc::backtest
