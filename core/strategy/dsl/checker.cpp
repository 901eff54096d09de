// SPDX-License-Identifier: MIT
// Static checks of rules: the type system has numbers and (three-valued) conditions.
#include "strategy/dsl/checker.h"

#include <cmath>

#include "strategy/dsl/builtins.h"
#include "strategy/languagelimits.h"

namespace sixbtc::strategy::dsl {

namespace {

enum class Type { Number, Boolean, Invalid };

const char* typeName(Type type)
{
    return type == Type::Boolean ? "a condition (true/false)" : "a number";
}

class Checker
{
public:
    explicit Checker(common::Timeframe timeframe) : m_timeframe(timeframe) {}

    Type check(const Expr& e)
    {
        switch (e.kind) {
        case ExprKind::Number:
        case ExprKind::Price: return Type::Number;
        case ExprKind::Duration:
            report(e.pos, "a duration literal such as " + e.text + " can only stand for a period or an offset");
            return Type::Invalid;
        case ExprKind::Negate: expect(*e.operands[0], Type::Number, "'-'"); return Type::Number;
        case ExprKind::Not: expect(*e.operands[0], Type::Boolean, "'not'"); return Type::Boolean;
        case ExprKind::Binary: return checkBinary(e);
        case ExprKind::Offset: checkOffset(*e.operands[1]); return check(*e.operands[0]);
        case ExprKind::Call: return checkCall(e);
        }
        return Type::Invalid;
    }

    void expect(const Expr& e, Type wanted, const std::string& context)
    {
        const Type found = check(e);
        if (found != Type::Invalid && found != wanted) {
            report(e.pos, std::string("expected ") + typeName(wanted) + " for " + context + ", found " +
                              typeName(found));
        }
    }

    void report(SourcePos pos, std::string message) { m_diagnostics.push_back({pos.line, pos.column, message}); }

    Diagnostics take() { return std::move(m_diagnostics); }

private:
    Type checkBinary(const Expr& e)
    {
        const std::string context = std::string("'") + binaryOpSpelling(e.op) + "'";
        if (e.op == BinaryOp::And || e.op == BinaryOp::Or) {
            expect(*e.operands[0], Type::Boolean, context);
            expect(*e.operands[1], Type::Boolean, context);
            return Type::Boolean;
        }
        expect(*e.operands[0], Type::Number, context);
        expect(*e.operands[1], Type::Number, context);
        return isComparison(e.op) ? Type::Boolean : Type::Number;
    }

    void checkOffset(const Expr& offset)
    {
        if (offset.kind == ExprKind::Negate) {
            report(offset.pos, "negative offset: e[n] is the value n bars ago, and no rule can look at a future bar");
            return;
        }
        if (offset.kind != ExprKind::Number && offset.kind != ExprKind::Duration) {
            report(offset.pos, "an offset must be a non-negative integer literal (or a duration such as 24h)");
            return;
        }
        if (auto bars = literalBars(offset, m_timeframe, true); !bars)
            report(offset.pos, "offset " + bars.error());
    }

    Type checkCall(const Expr& e)
    {
        const Builtin* function = findBuiltin(e.text);
        if (!function) {
            if (findPriceField(e.text))
                report(e.opPos, "'" + e.text + "' is a price series, not a function: write " + e.text);
            else
                report(e.opPos, "unknown function '" + e.text + "' (did you mean '" + closestKnownName(e.text) + "'?)");
            for (const auto& operand : e.operands)
                check(*operand);
            return Type::Invalid;
        }
        if (e.operands.size() != function->params.size()) {
            report(e.opPos, std::string(function->name) + " takes " + std::to_string(function->params.size()) +
                                " argument" + (function->params.size() == 1 ? "" : "s") + " (" +
                                std::string(function->signature) + "), found " + std::to_string(e.operands.size()));
            return function->result == ValueType::Boolean ? Type::Boolean : Type::Number;
        }
        for (std::size_t i = 0; i < e.operands.size(); ++i)
            checkArgument(*function, i, *e.operands[i]);
        return function->result == ValueType::Boolean ? Type::Boolean : Type::Number;
    }

    void checkArgument(const Builtin& function, std::size_t index, const Expr& arg)
    {
        const std::string where = "argument " + std::to_string(index + 1) + " of " + std::string(function.signature);
        switch (function.params[index]) {
        case ParamKind::Series: expect(arg, Type::Number, where); return;
        case ParamKind::Period:
            if (arg.kind != ExprKind::Number && arg.kind != ExprKind::Duration) {
                report(arg.pos, where + " is a period: it must be a positive integer literal or a duration such as 24h");
            } else if (auto bars = literalBars(arg, m_timeframe, false); !bars) {
                report(arg.pos, "period " + bars.error());
            }
            return;
        case ParamKind::Constant: {
            const Expr& literal = arg.kind == ExprKind::Negate ? *arg.operands[0] : arg;
            if (literal.kind != ExprKind::Number)
                report(arg.pos, where + " must be a number literal");
            return;
        }
        }
    }

    common::Timeframe m_timeframe;
    Diagnostics m_diagnostics;
};

} // namespace

Diagnostics checkRule(const Expr& rule, common::Timeframe timeframe)
{
    Checker checker(timeframe);
    const Type type = checker.check(rule);
    if (type == Type::Number)
        checker.report(rule.pos, "a rule must be a condition (true/false), but this expression is a number");
    return checker.take();
}

tl::expected<std::int64_t, std::string> literalBars(const Expr& literal, common::Timeframe timeframe, bool allowZero)
{
    std::int64_t bars = 0;
    if (literal.kind == ExprKind::Duration) {
        auto converted = timeframe.barsInPeriod(literal.text);
        if (!converted)
            return tl::unexpected("'" + literal.text + "': " + converted.error().message);
        bars = *converted;
    } else if (literal.kind == ExprKind::Number) {
        if (literal.value != std::floor(literal.value))
            return tl::unexpected(std::string("must be a whole number of bars"));
        if (literal.value > static_cast<double>(maxPeriodBars))
            return tl::unexpected("exceeds the limit of " + std::to_string(maxPeriodBars) + " bars");
        bars = static_cast<std::int64_t>(literal.value);
    } else {
        return tl::unexpected(std::string("must be an integer literal or a duration"));
    }
    if (bars > maxPeriodBars)
        return tl::unexpected("exceeds the limit of " + std::to_string(maxPeriodBars) + " bars");
    if (bars == 0 && !allowZero)
        return tl::unexpected(std::string("must be at least 1 bar"));
    return bars;
}

} // namespace sixbtc::strategy::dsl
