// SPDX-License-Identifier: MIT
// PlanNode: one hash-consed operation of a compiled signal plan.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "strategy/dsl/ast.h"
#include "strategy/dsl/builtins.h"

namespace sixbtc::strategy {

enum class PlanOp : std::uint8_t
{
    Price,    ///< a price column (no computation)
    Constant, ///< a number; never materialised unless an indicator needs it as input
    Builtin,  ///< an indicator call, computed into the IndicatorCache
    Negate, Add, Sub, Mul, Div, Abs, Min, Max,     ///< numeric element-wise
    Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual, ///< numeric -> condition
    And, Or, Not, ///< Kleene logic on conditions
    Shift,        ///< the value `periods[0]` bars ago (numeric or condition)
};

/// A node of the plan. Inputs always precede the node (the node list is in evaluation order).
struct PlanNode
{
    PlanOp op = PlanOp::Constant;
    bool boolean = false;          ///< the node yields a condition column (else numbers)
    dsl::BuiltinId builtin = dsl::BuiltinId::Sma;
    dsl::PriceField price = dsl::PriceField::Close;
    double constant = 0.0;         ///< Constant's value, or the k of bb_upper/bb_lower
    std::array<std::int64_t, 3> periods{}; ///< periods in bars (Builtin), or the shift (Shift)
    std::vector<int> inputs;
    std::string key;               ///< canonical text; equal keys are the same node
    std::int64_t firstDefinedBar = 0; ///< static warm-up: no value before this bar
    dsl::SourcePos pos;            ///< where the expression first appears in its document
};

} // namespace sixbtc::strategy
