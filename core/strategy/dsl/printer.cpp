// SPDX-License-Identifier: MIT
// Canonical printing of expressions.
#include "strategy/dsl/printer.h"

#include <array>
#include <charconv>

namespace sixbtc::strategy::dsl {

namespace {

enum Level : int { Or = 1, And, Not, Comparison, Additive, Multiplicative, Unary, Postfix, Primary };

int binaryLevel(BinaryOp op)
{
    if (op == BinaryOp::Or)
        return Or;
    if (op == BinaryOp::And)
        return And;
    if (isComparison(op))
        return Comparison;
    if (op == BinaryOp::Add || op == BinaryOp::Sub)
        return Additive;
    return Multiplicative;
}

int level(const Expr& e)
{
    switch (e.kind) {
    case ExprKind::Binary: return binaryLevel(e.op);
    case ExprKind::Not: return Not;
    case ExprKind::Negate: return Unary;
    case ExprKind::Offset: return Postfix;
    default: return Primary;
    }
}

void print(const Expr& e, std::string& out);

void printOperand(const Expr& e, int minLevel, std::string& out)
{
    const bool parens = level(e) < minLevel;
    if (parens)
        out += '(';
    print(e, out);
    if (parens)
        out += ')';
}

void print(const Expr& e, std::string& out)
{
    switch (e.kind) {
    case ExprKind::Number: out += formatNumber(e.value); return;
    case ExprKind::Duration: out += e.text; return;
    case ExprKind::Price: out += priceFieldName(e.price); return;
    case ExprKind::Call:
        out += e.text;
        out += '(';
        for (std::size_t i = 0; i < e.operands.size(); ++i) {
            if (i > 0)
                out += ", ";
            printOperand(*e.operands[i], Or, out);
        }
        out += ')';
        return;
    case ExprKind::Offset:
        printOperand(*e.operands[0], Postfix, out);
        out += '[';
        printOperand(*e.operands[1], Or, out);
        out += ']';
        return;
    case ExprKind::Negate:
        out += '-';
        // "-(-x)" rather than "--x", which reads like a decrement.
        printOperand(*e.operands[0], e.operands[0]->kind == ExprKind::Negate ? Primary : Unary, out);
        return;
    case ExprKind::Not:
        out += "not ";
        printOperand(*e.operands[0], Not, out);
        return;
    case ExprKind::Binary: {
        const int own = binaryLevel(e.op);
        // Left-associative: the left operand may share the level, except for comparisons, which do not chain.
        printOperand(*e.operands[0], isComparison(e.op) ? own + 1 : own, out);
        out += ' ';
        out += binaryOpSpelling(e.op);
        out += ' ';
        printOperand(*e.operands[1], own + 1, out);
        return;
    }
    }
}

} // namespace

std::string printExpr(const Expr& expr)
{
    std::string out;
    printOperand(expr, Or, out);
    return out;
}

std::string formatNumber(double value)
{
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    (void)ec;
    return std::string(buffer.data(), end);
}

} // namespace sixbtc::strategy::dsl
