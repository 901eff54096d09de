// SPDX-License-Identifier: MIT
// Element-wise kernels. Each operation is one loop over raw arrays that the compiler can vectorise; the
// column/scalar combinations are separate instantiations so no loop tests operand kinds per bar.
#include "strategy/kernels.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/require.h"

namespace sixbtc::strategy::kernels {

namespace {

constexpr double noneValue = std::numeric_limits<double>::quiet_NaN();

template <typename F>
void forEach(Operand a, Operand b, std::size_t n, F f)
{
    const double* __restrict x = a.column;
    const double* __restrict y = b.column;
    if (x && y) {
        for (std::size_t i = 0; i < n; ++i)
            f(i, x[i], y[i]);
    } else if (x) {
        const double s = b.scalar;
        for (std::size_t i = 0; i < n; ++i)
            f(i, x[i], s);
    } else if (y) {
        const double s = a.scalar;
        for (std::size_t i = 0; i < n; ++i)
            f(i, s, y[i]);
    } else {
        for (std::size_t i = 0; i < n; ++i)
            f(i, a.scalar, b.scalar);
    }
}

template <typename Cmp>
void compareWith(Operand a, Operand b, std::span<std::uint8_t> out, Cmp cmp)
{
    std::uint8_t* __restrict o = out.data();
    forEach(a, b, out.size(), [o, cmp](std::size_t i, double x, double y) {
        const bool unordered = (x != x) | (y != y);
        o[i] = unordered ? condNone : (cmp(x, y) ? condTrue : condFalse);
    });
}

} // namespace

void arithmetic(PlanOp op, Operand a, Operand b, std::span<double> out)
{
    double* __restrict o = out.data();
    const std::size_t n = out.size();
    switch (op) {
    case PlanOp::Add: forEach(a, b, n, [o](std::size_t i, double x, double y) { o[i] = x + y; }); return;
    case PlanOp::Sub: forEach(a, b, n, [o](std::size_t i, double x, double y) { o[i] = x - y; }); return;
    case PlanOp::Mul: forEach(a, b, n, [o](std::size_t i, double x, double y) { o[i] = x * y; }); return;
    case PlanOp::Div:
        forEach(a, b, n, [o](std::size_t i, double x, double y) { o[i] = y == 0.0 ? noneValue : x / y; });
        return;
    case PlanOp::Min:
        forEach(a, b, n, [o](std::size_t i, double x, double y) {
            o[i] = ((x != x) | (y != y)) ? noneValue : (y < x ? y : x);
        });
        return;
    case PlanOp::Max:
        forEach(a, b, n, [o](std::size_t i, double x, double y) {
            o[i] = ((x != x) | (y != y)) ? noneValue : (y > x ? y : x);
        });
        return;
    default: SIXBTC_REQUIRE(false && "not an arithmetic operation");
    }
}

void unary(PlanOp op, Operand a, std::span<double> out)
{
    double* __restrict o = out.data();
    const Operand unused{nullptr, 0.0};
    if (op == PlanOp::Negate)
        forEach(a, unused, out.size(), [o](std::size_t i, double x, double) { o[i] = -x; });
    else
        forEach(a, unused, out.size(), [o](std::size_t i, double x, double) { o[i] = std::fabs(x); });
}

void compare(PlanOp op, Operand a, Operand b, std::span<std::uint8_t> out)
{
    switch (op) {
    case PlanOp::Less: compareWith(a, b, out, [](double x, double y) { return x < y; }); return;
    case PlanOp::LessEqual: compareWith(a, b, out, [](double x, double y) { return x <= y; }); return;
    case PlanOp::Greater: compareWith(a, b, out, [](double x, double y) { return x > y; }); return;
    case PlanOp::GreaterEqual: compareWith(a, b, out, [](double x, double y) { return x >= y; }); return;
    case PlanOp::Equal: compareWith(a, b, out, [](double x, double y) { return x == y; }); return;
    case PlanOp::NotEqual: compareWith(a, b, out, [](double x, double y) { return x != y; }); return;
    default: SIXBTC_REQUIRE(false && "not a comparison");
    }
}

void logic(PlanOp op, std::span<const std::uint8_t> a, std::span<const std::uint8_t> b, std::span<std::uint8_t> out)
{
    const std::uint8_t* __restrict x = a.data();
    const std::uint8_t* __restrict y = b.data();
    std::uint8_t* __restrict o = out.data();
    const std::size_t n = out.size();
    if (op == PlanOp::And) {
        for (std::size_t i = 0; i < n; ++i)
            o[i] = static_cast<std::uint8_t>((x[i] & y[i] & 1) | ((x[i] | y[i]) & 2));
    } else {
        for (std::size_t i = 0; i < n; ++i)
            o[i] = static_cast<std::uint8_t>(((x[i] | y[i]) & 1) | (x[i] & y[i] & 2));
    }
}

void negateCondition(std::span<const std::uint8_t> a, std::span<std::uint8_t> out)
{
    const std::uint8_t* __restrict x = a.data();
    std::uint8_t* __restrict o = out.data();
    for (std::size_t i = 0; i < out.size(); ++i)
        o[i] = static_cast<std::uint8_t>(((x[i] & 1) << 1) | ((x[i] & 2) >> 1));
}

void shift(Operand a, std::int64_t n, std::span<double> out)
{
    const std::size_t k = std::min(static_cast<std::size_t>(n), out.size());
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), noneValue);
    if (a.column)
        std::copy(a.column, a.column + (out.size() - k), out.begin() + static_cast<std::ptrdiff_t>(k));
    else
        std::fill(out.begin() + static_cast<std::ptrdiff_t>(k), out.end(), a.scalar);
}

void shiftCondition(std::span<const std::uint8_t> a, std::int64_t n, std::span<std::uint8_t> out)
{
    const std::size_t k = std::min(static_cast<std::size_t>(n), out.size());
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), condNone);
    std::copy(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(out.size() - k),
              out.begin() + static_cast<std::ptrdiff_t>(k));
}

void toSignal(std::span<const std::uint8_t> a, std::span<std::uint8_t> out)
{
    const std::uint8_t* __restrict x = a.data();
    std::uint8_t* __restrict o = out.data();
    for (std::size_t i = 0; i < out.size(); ++i)
        o[i] = static_cast<std::uint8_t>(x[i] == condTrue);
}

} // namespace sixbtc::strategy::kernels
