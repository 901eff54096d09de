// SPDX-License-Identifier: MIT
// AST of the strategy language: immutable expression nodes shared by pointer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "strategy/dsl/sourcetext.h"

namespace sixbtc::strategy::dsl {

enum class ExprKind : std::uint8_t
{
    Number,   ///< a number literal (`value`)
    Duration, ///< a duration literal (`text`, e.g. "24h")
    Price,    ///< open high low close volume (`price`)
    Negate,   ///< -operand
    Not,      ///< not operand
    Binary,   ///< operands[0] op operands[1]
    Call,     ///< name(operands...)
    Offset,   ///< operands[0][operands[1]]: the value operands[1] bars ago
};

enum class BinaryOp : std::uint8_t { Add, Sub, Mul, Div, Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual, And, Or };

enum class PriceField : std::uint8_t { Open, High, Low, Close, Volume };

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

/// One node. Only the fields of its kind are meaningful; `pos` is where its first token starts in the file,
/// `opPos` where its operator or name token is (used by diagnostics that blame the operator).
struct Expr
{
    ExprKind kind = ExprKind::Number;
    SourcePos pos;
    SourcePos opPos;
    double value = 0.0;
    std::string text;
    PriceField price = PriceField::Close;
    BinaryOp op = BinaryOp::Add;
    std::vector<ExprPtr> operands;
    /// Height of the subtree (a leaf is 1); bounded by maxNestingDepth.
    int height = 1;
};

/// Structural equality that ignores source positions (parse(print(e)) == e).
bool sameTree(const Expr& a, const Expr& b);

/// Source spelling of an operator ("+", "<=", "and").
const char* binaryOpSpelling(BinaryOp op);
/// Source spelling of a price field ("close").
const char* priceFieldName(PriceField field);

/// True for < <= > >= == !=.
bool isComparison(BinaryOp op);

} // namespace sixbtc::strategy::dsl
