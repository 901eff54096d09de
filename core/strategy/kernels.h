// SPDX-License-Identifier: MIT
// Element-wise kernels of signal evaluation: tight loops over contiguous columns, no per-bar calls or allocation.
#pragma once

#include <cstdint>
#include <span>

#include "strategy/plannode.h"

namespace sixbtc::strategy::kernels {

/// Conditions are bytes with two bits: bit 0 "may be true", bit 1 "may be false". So true = 1, false = 2 and
/// none = 3, and Kleene logic is bitwise: and = (a&b&1)|((a|b)&2), or = ((a|b)&1)|(a&b&2), not swaps the bits.
inline constexpr std::uint8_t condTrue = 1;
inline constexpr std::uint8_t condFalse = 2;
inline constexpr std::uint8_t condNone = 3;

/// A numeric operand: a column, or one number for every bar.
struct Operand
{
    const double* column = nullptr;
    double scalar = 0.0;
};

/// out = a op b for Add, Sub, Mul, Div (x/0 is none), Min, Max; none operands give none.
void arithmetic(PlanOp op, Operand a, Operand b, std::span<double> out);
/// out = -a or |a|.
void unary(PlanOp op, Operand a, std::span<double> out);
/// out = a op b for the comparisons; none when either side is none.
void compare(PlanOp op, Operand a, Operand b, std::span<std::uint8_t> out);
/// out = a and b / a or b (Kleene).
void logic(PlanOp op, std::span<const std::uint8_t> a, std::span<const std::uint8_t> b, std::span<std::uint8_t> out);
/// out = not a (Kleene).
void negateCondition(std::span<const std::uint8_t> a, std::span<std::uint8_t> out);
/// out[i] = a[i - n], none for i < n.
void shift(Operand a, std::int64_t n, std::span<double> out);
/// out[i] = a[i - n], none for i < n.
void shiftCondition(std::span<const std::uint8_t> a, std::int64_t n, std::span<std::uint8_t> out);
/// out[i] = 1 where a[i] is true, else 0 (a rule whose value is none is false).
void toSignal(std::span<const std::uint8_t> a, std::span<std::uint8_t> out);

} // namespace sixbtc::strategy::kernels
