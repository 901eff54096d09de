// SPDX-License-Identifier: MIT
// The live path of StrategyCore, the document-backed core and the native Donchian example.
#include "strategy/strategycore.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/require.h"
#include "strategy/documentstrategy.h"
#include "strategy/donchianstrategy.h"
#include "strategy/indicators/ranges.h"

namespace sixbtc::strategy {

BarSignals liveSignals(const StrategyCore& core, const CandleWindow& trailingWindow)
{
    SIXBTC_REQUIRE(trailingWindow.size() > 0);
    return signalsAt(core.evaluate(trailingWindow), trailingWindow.size() - 1);
}

DocumentStrategy::DocumentStrategy(StrategyDocument document)
    : m_document(std::move(document)), m_plan(SignalPlan::compile(m_document))
{
}

SignalColumns DocumentStrategy::evaluate(const CandleWindow& window) const
{
    SIXBTC_REQUIRE(window.timeframe() == timeframe());
    IndicatorCache cache(window);
    return std::move(m_plan.evaluate(cache).front());
}

DonchianStrategy::DonchianStrategy(common::Timeframe timeframe, std::int64_t entryBars, std::int64_t exitBars)
    : m_timeframe(timeframe), m_entryBars(entryBars), m_exitBars(exitBars)
{
    SIXBTC_REQUIRE(entryBars >= 1 && exitBars >= 1);
}

std::int64_t DonchianStrategy::warmupBars() const
{
    return std::max(m_entryBars, m_exitBars);
}

SignalColumns DonchianStrategy::evaluate(const CandleWindow& window) const
{
    SIXBTC_REQUIRE(window.timeframe() == m_timeframe);
    const auto& p = window.prices();
    const std::size_t n = window.size();
    std::vector<double> upperEntry(n);
    std::vector<double> lowerEntry(n);
    std::vector<double> upperExit(n);
    std::vector<double> lowerExit(n);
    indicators::highest(p.high, m_entryBars, upperEntry);
    indicators::lowest(p.low, m_entryBars, lowerEntry);
    indicators::highest(p.high, m_exitBars, upperExit);
    indicators::lowest(p.low, m_exitBars, lowerExit);
    SignalColumns out;
    for (auto& rule : out.rules)
        rule.assign(n, 0);
    // Channels of the previous bar; a comparison with a none channel (warm-up) is false.
    for (std::size_t i = 1; i < n; ++i) {
        const double c = p.close[i];
        out.rules[0][i] = c > upperEntry[i - 1];
        out.rules[1][i] = c < lowerEntry[i - 1];
        out.rules[2][i] = c < lowerExit[i - 1];
        out.rules[3][i] = c > upperExit[i - 1];
    }
    return out;
}

} // namespace sixbtc::strategy
