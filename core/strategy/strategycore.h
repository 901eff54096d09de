// SPDX-License-Identifier: MIT
// StrategyCore: what the backtest engine and the live executor run; a compiled document or native C++ code.
#pragma once

#include <cstdint>

#include "common/timeframe.h"
#include "strategy/candlewindow.h"
#include "strategy/signalcolumns.h"

namespace sixbtc::strategy {

/// A strategy's signal logic: vectorised signals over a window of candles, each bar computed only from bars at
/// or before it. Backtest calls evaluate() on the whole range; live calls liveSignals() on a trailing window.
class StrategyCore
{
public:
    virtual ~StrategyCore() = default;

    /// The timeframe of the candles the strategy reads.
    virtual common::Timeframe timeframe() const = 0;
    /// Bars before this one can never signal (the largest first-defined bar of the rules).
    virtual std::int64_t warmupBars() const = 0;
    /// One byte per bar per rule for every bar of `window`. \warning window.timeframe() == timeframe().
    virtual SignalColumns evaluate(const CandleWindow& window) const = 0;
};

/// The live path: evaluate() over the trailing window, last bar taken. \warning the window is not empty.
BarSignals liveSignals(const StrategyCore& core, const CandleWindow& trailingWindow);

} // namespace sixbtc::strategy
