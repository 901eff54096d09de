// SPDX-License-Identifier: MIT
// Lowering of checked ASTs into hash-consed plan nodes.
#include "strategy/planbuilder.h"

#include <algorithm>

#include "common/require.h"
#include "strategy/dsl/checker.h"
#include "strategy/dsl/printer.h"
#include "strategy/kernels.h"

namespace sixbtc::strategy {

namespace {

using dsl::BinaryOp;
using dsl::BuiltinId;
using dsl::ExprKind;

PlanOp planOp(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return PlanOp::Add;
    case BinaryOp::Sub: return PlanOp::Sub;
    case BinaryOp::Mul: return PlanOp::Mul;
    case BinaryOp::Div: return PlanOp::Div;
    case BinaryOp::Less: return PlanOp::Less;
    case BinaryOp::LessEqual: return PlanOp::LessEqual;
    case BinaryOp::Greater: return PlanOp::Greater;
    case BinaryOp::GreaterEqual: return PlanOp::GreaterEqual;
    case BinaryOp::Equal: return PlanOp::Equal;
    case BinaryOp::NotEqual: return PlanOp::NotEqual;
    case BinaryOp::And: return PlanOp::And;
    case BinaryOp::Or: return PlanOp::Or;
    }
    return PlanOp::Add;
}

const char* opSpelling(PlanOp op)
{
    switch (op) {
    case PlanOp::Add: return "+";
    case PlanOp::Sub: return "-";
    case PlanOp::Mul: return "*";
    case PlanOp::Div: return "/";
    case PlanOp::Less: return "<";
    case PlanOp::LessEqual: return "<=";
    case PlanOp::Greater: return ">";
    case PlanOp::GreaterEqual: return ">=";
    case PlanOp::Equal: return "==";
    case PlanOp::NotEqual: return "!=";
    case PlanOp::And: return "and";
    case PlanOp::Or: return "or";
    default: return "?";
    }
}

bool isSimple(const PlanNode& node)
{
    return node.op == PlanOp::Price || node.op == PlanOp::Constant || node.op == PlanOp::Builtin ||
           node.op == PlanOp::Shift || node.op == PlanOp::Abs || node.op == PlanOp::Min || node.op == PlanOp::Max;
}

bool isComparisonOp(PlanOp op)
{
    return op >= PlanOp::Less && op <= PlanOp::NotEqual;
}

// First defined bar of a built-in over an input first defined at `w` (DESIGN.md's table, shifted by w).
std::int64_t builtinFirstBar(BuiltinId id, const std::array<std::int64_t, 3>& p, std::int64_t w)
{
    switch (id) {
    case BuiltinId::Rsi:
    case BuiltinId::Roc: return w + p[0];
    case BuiltinId::Atr: return p[0];
    case BuiltinId::MacdLine: return w + std::max(p[0], p[1]) - 1;
    case BuiltinId::MacdSignal:
    case BuiltinId::MacdHist: return w + std::max(p[0], p[1]) + p[2] - 2;
    case BuiltinId::StochD: return p[0] + p[1] - 2;
    case BuiltinId::Adx: return 2 * p[0] - 1;
    case BuiltinId::Obv: return 0;
    case BuiltinId::StochK:
    case BuiltinId::Cci:
    case BuiltinId::Vwap: return p[0] - 1;
    default: return w + p[0] - 1;
    }
}

} // namespace

void PlanBuilder::add(const StrategyDocument& document)
{
    SIXBTC_REQUIRE(document.timeframe() == m_timeframe);
    std::array<int, 4> roots{-1, -1, -1, -1};
    for (RuleSlot slot : allRuleSlots) {
        if (const auto& rule = document.rule(slot))
            roots[static_cast<std::size_t>(slot)] = lower(*rule);
    }
    m_plan.m_roots.push_back(roots);
}

SignalPlan PlanBuilder::build()
{
    m_plan.m_lastUse.assign(m_plan.m_nodes.size(), -1);
    for (std::size_t i = 0; i < m_plan.m_nodes.size(); ++i) {
        for (int input : m_plan.m_nodes[i].inputs)
            m_plan.m_lastUse[static_cast<std::size_t>(input)] = static_cast<int>(i);
    }
    m_index.clear();
    return std::move(m_plan);
}

int PlanBuilder::intern(PlanNode node)
{
    const auto [it, inserted] = m_index.try_emplace(node.key, static_cast<int>(m_plan.m_nodes.size()));
    if (inserted)
        m_plan.m_nodes.push_back(std::move(node));
    return it->second;
}

int PlanBuilder::constant(double value, dsl::SourcePos pos)
{
    PlanNode node;
    node.op = PlanOp::Constant;
    node.constant = value;
    node.key = dsl::formatNumber(value);
    node.pos = pos;
    return intern(std::move(node));
}

int PlanBuilder::binary(PlanOp op, int a, int b, dsl::SourcePos pos)
{
    const PlanNode& left = m_plan.m_nodes[static_cast<std::size_t>(a)];
    const PlanNode& right = m_plan.m_nodes[static_cast<std::size_t>(b)];
    const bool arithmeticOp = op == PlanOp::Add || op == PlanOp::Sub || op == PlanOp::Mul || op == PlanOp::Div ||
                              op == PlanOp::Min || op == PlanOp::Max;
    if (arithmeticOp && left.op == PlanOp::Constant && right.op == PlanOp::Constant) {
        double folded = 0.0;
        kernels::arithmetic(op, {nullptr, left.constant}, {nullptr, right.constant}, std::span<double>(&folded, 1));
        return constant(folded, pos);
    }
    PlanNode node;
    node.op = op;
    node.boolean = isComparisonOp(op) || op == PlanOp::And || op == PlanOp::Or;
    node.inputs = {a, b};
    node.key = (op == PlanOp::Min || op == PlanOp::Max)
                   ? std::string(op == PlanOp::Min ? "min(" : "max(") + left.key + ", " + right.key + ")"
                   : "(" + left.key + " " + opSpelling(op) + " " + right.key + ")";
    node.firstDefinedBar = std::max(left.firstDefinedBar, right.firstDefinedBar);
    node.pos = pos;
    return intern(std::move(node));
}

int PlanBuilder::shift(int input, std::int64_t barsBack, dsl::SourcePos pos)
{
    if (barsBack == 0)
        return input;
    const PlanNode& source = m_plan.m_nodes[static_cast<std::size_t>(input)];
    PlanNode node;
    node.op = PlanOp::Shift;
    node.boolean = source.boolean;
    node.periods[0] = barsBack;
    node.inputs = {input};
    node.key = (isSimple(source) ? source.key : "(" + source.key + ")") + "[" + std::to_string(barsBack) + "]";
    node.firstDefinedBar = source.firstDefinedBar + barsBack;
    node.pos = pos;
    return intern(std::move(node));
}

std::int64_t PlanBuilder::bars(const dsl::Expr& literal) const
{
    const auto value = dsl::literalBars(literal, m_timeframe, true);
    SIXBTC_REQUIRE(value.has_value());
    return *value;
}

int PlanBuilder::lower(const dsl::Expr& e)
{
    switch (e.kind) {
    case ExprKind::Number: return constant(e.value, e.pos);
    case ExprKind::Price: {
        PlanNode node;
        node.op = PlanOp::Price;
        node.price = e.price;
        node.key = dsl::priceFieldName(e.price);
        node.pos = e.pos;
        return intern(std::move(node));
    }
    case ExprKind::Negate:
    case ExprKind::Not: {
        const int input = lower(*e.operands[0]);
        const PlanNode& source = m_plan.m_nodes[static_cast<std::size_t>(input)];
        if (source.op == PlanOp::Constant)
            return constant(-source.constant, e.pos);
        PlanNode node;
        node.op = e.kind == ExprKind::Not ? PlanOp::Not : PlanOp::Negate;
        node.boolean = e.kind == ExprKind::Not;
        node.inputs = {input};
        node.key = (e.kind == ExprKind::Not ? "not " : "-") + ("(" + source.key + ")");
        node.firstDefinedBar = source.firstDefinedBar;
        node.pos = e.pos;
        return intern(std::move(node));
    }
    case ExprKind::Binary: {
        const int a = lower(*e.operands[0]);
        const int b = lower(*e.operands[1]);
        return binary(planOp(e.op), a, b, e.pos);
    }
    case ExprKind::Offset: return shift(lower(*e.operands[0]), bars(*e.operands[1]), e.pos);
    case ExprKind::Call: return lowerCall(e);
    case ExprKind::Duration: break;
    }
    SIXBTC_REQUIRE(false && "unchecked AST reached the plan builder");
    return -1;
}

int PlanBuilder::lowerCall(const dsl::Expr& e)
{
    const dsl::Builtin* function = dsl::findBuiltin(e.text);
    SIXBTC_REQUIRE(function && function->params.size() == e.operands.size());
    switch (function->id) {
    case BuiltinId::CrossesAbove:
    case BuiltinId::CrossesBelow: {
        const bool above = function->id == BuiltinId::CrossesAbove;
        const int a = lower(*e.operands[0]);
        const int b = lower(*e.operands[1]);
        const int now = binary(above ? PlanOp::Greater : PlanOp::Less, a, b, e.pos);
        const int before = binary(above ? PlanOp::LessEqual : PlanOp::GreaterEqual, shift(a, 1, e.pos),
                                  shift(b, 1, e.pos), e.pos);
        return binary(PlanOp::And, now, before, e.pos);
    }
    case BuiltinId::Min: return binary(PlanOp::Min, lower(*e.operands[0]), lower(*e.operands[1]), e.pos);
    case BuiltinId::Max: return binary(PlanOp::Max, lower(*e.operands[0]), lower(*e.operands[1]), e.pos);
    default: break;
    }
    PlanNode node;
    node.op = function->id == BuiltinId::Abs ? PlanOp::Abs : PlanOp::Builtin;
    node.builtin = function->id;
    node.pos = e.pos;
    std::string args;
    std::size_t periodCount = 0;
    std::int64_t inputFirstBar = 0;
    for (std::size_t i = 0; i < e.operands.size(); ++i) {
        const dsl::Expr& arg = *e.operands[i];
        std::string text;
        switch (function->params[i]) {
        case dsl::ParamKind::Series: {
            const int input = lower(arg);
            node.inputs.push_back(input);
            const PlanNode& source = m_plan.m_nodes[static_cast<std::size_t>(input)];
            inputFirstBar = std::max(inputFirstBar, source.firstDefinedBar);
            text = source.key;
            break;
        }
        case dsl::ParamKind::Period:
            node.periods[periodCount] = bars(arg);
            text = std::to_string(node.periods[periodCount++]);
            break;
        case dsl::ParamKind::Constant:
            node.constant = arg.kind == ExprKind::Negate ? -arg.operands[0]->value : arg.value;
            text = dsl::formatNumber(node.constant);
            break;
        }
        args += (i == 0 ? "" : ", ") + text;
    }
    node.key = std::string(function->name) + "(" + args + ")";
    node.firstDefinedBar =
        node.op == PlanOp::Abs ? inputFirstBar : builtinFirstBar(function->id, node.periods, inputFirstBar);
    return intern(std::move(node));
}

SignalPlan SignalPlan::compile(std::span<const StrategyDocument* const> documents)
{
    SIXBTC_REQUIRE(!documents.empty());
    PlanBuilder builder(documents.front()->timeframe());
    for (const StrategyDocument* document : documents)
        builder.add(*document);
    return builder.build();
}

SignalPlan SignalPlan::compile(const StrategyDocument& document)
{
    const StrategyDocument* one = &document;
    return compile(std::span<const StrategyDocument* const>(&one, 1));
}

} // namespace sixbtc::strategy
