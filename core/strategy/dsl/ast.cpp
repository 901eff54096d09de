// SPDX-License-Identifier: MIT
// AST helpers: structural equality and operator spellings.
#include "strategy/dsl/ast.h"

namespace sixbtc::strategy::dsl {

bool sameTree(const Expr& a, const Expr& b)
{
    if (a.kind != b.kind || a.operands.size() != b.operands.size())
        return false;
    switch (a.kind) {
    case ExprKind::Number:
        if (a.value != b.value)
            return false;
        break;
    case ExprKind::Duration:
    case ExprKind::Call:
        if (a.text != b.text)
            return false;
        break;
    case ExprKind::Price:
        if (a.price != b.price)
            return false;
        break;
    case ExprKind::Binary:
        if (a.op != b.op)
            return false;
        break;
    case ExprKind::Negate:
    case ExprKind::Not:
    case ExprKind::Offset: break;
    }
    for (std::size_t i = 0; i < a.operands.size(); ++i) {
        if (!sameTree(*a.operands[i], *b.operands[i]))
            return false;
    }
    return true;
}

const char* binaryOpSpelling(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Less: return "<";
    case BinaryOp::LessEqual: return "<=";
    case BinaryOp::Greater: return ">";
    case BinaryOp::GreaterEqual: return ">=";
    case BinaryOp::Equal: return "==";
    case BinaryOp::NotEqual: return "!=";
    case BinaryOp::And: return "and";
    case BinaryOp::Or: return "or";
    }
    return "?";
}

const char* priceFieldName(PriceField field)
{
    switch (field) {
    case PriceField::Open: return "open";
    case PriceField::High: return "high";
    case PriceField::Low: return "low";
    case PriceField::Close: return "close";
    case PriceField::Volume: return "volume";
    }
    return "?";
}

bool isComparison(BinaryOp op)
{
    return op >= BinaryOp::Less && op <= BinaryOp::NotEqual;
}

} // namespace sixbtc::strategy::dsl
