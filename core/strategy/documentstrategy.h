// SPDX-License-Identifier: MIT
// DocumentStrategy: a StrategyCore that evaluates a compiled strategy document.
#pragma once

#include "strategy/signalplan.h"
#include "strategy/strategycore.h"

namespace sixbtc::strategy {

/// A checked strategy document compiled once; every evaluate() call runs it with a fresh indicator cache.
/// Batches that share indicators across strategies use SignalPlan with one IndicatorCache directly.
class DocumentStrategy : public StrategyCore
{
public:
    explicit DocumentStrategy(StrategyDocument document);

    const StrategyDocument& document() const { return m_document; }
    common::Timeframe timeframe() const override { return m_document.timeframe(); }
    std::int64_t warmupBars() const override { return m_plan.warmupBars(); }
    SignalColumns evaluate(const CandleWindow& window) const override;

private:
    StrategyDocument m_document;
    SignalPlan m_plan;
};

} // namespace sixbtc::strategy
