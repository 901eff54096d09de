// SPDX-License-Identifier: MIT
// DonchianStrategy: a native C++ breakout strategy, the example of a hand-written StrategyCore.
#pragma once

#include "strategy/strategycore.h"

namespace sixbtc::strategy {

/// Donchian channel breakout. Long entry: close > highest(high, entryBars)[1]; short entry:
/// close < lowest(low, entryBars)[1]; long exit: close < lowest(low, exitBars)[1]; short exit:
/// close > highest(high, exitBars)[1]. Same values as the document with those rules, bar for bar.
class DonchianStrategy : public StrategyCore
{
public:
    /// \warning entryBars >= 1 and exitBars >= 1.
    DonchianStrategy(common::Timeframe timeframe, std::int64_t entryBars, std::int64_t exitBars);

    common::Timeframe timeframe() const override { return m_timeframe; }
    std::int64_t warmupBars() const override;
    SignalColumns evaluate(const CandleWindow& window) const override;

private:
    common::Timeframe m_timeframe;
    std::int64_t m_entryBars;
    std::int64_t m_exitBars;
};

} // namespace sixbtc::strategy
