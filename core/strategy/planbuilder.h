// SPDX-License-Identifier: MIT
// PlanBuilder: lowers checked ASTs into hash-consed plan nodes (internal to the strategy module).
#pragma once

#include <string>
#include <unordered_map>

#include "common/timeframe.h"
#include "strategy/signalplan.h"

namespace sixbtc::strategy {

/// Adds documents' rules to a plan: durations become bars, crosses_above/below become comparisons of the
/// operands and their one-bar shifts, constant arithmetic is folded, and every node is interned by its key.
class PlanBuilder
{
public:
    explicit PlanBuilder(common::Timeframe timeframe) : m_timeframe(timeframe) {}

    void add(const StrategyDocument& document);
    SignalPlan build();

private:
    int lower(const dsl::Expr& e);
    int lowerCall(const dsl::Expr& e);
    int intern(PlanNode node);
    int constant(double value, dsl::SourcePos pos);
    int binary(PlanOp op, int a, int b, dsl::SourcePos pos);
    int shift(int input, std::int64_t bars, dsl::SourcePos pos);
    std::int64_t bars(const dsl::Expr& literal) const;

    common::Timeframe m_timeframe;
    SignalPlan m_plan;
    std::unordered_map<std::string, int> m_index;
};

} // namespace sixbtc::strategy
