// SPDX-License-Identifier: MIT
// Parser: recursive descent from rule text to an AST, with a bounded depth so no input can exhaust the stack.
#pragma once

#include "common/error.h"
#include "strategy/diagnostic.h"
#include "strategy/dsl/ast.h"
#include "strategy/dsl/sourcetext.h"

namespace sixbtc::strategy::dsl {

/// Parses one rule. Grammar, loosest first:
///   or: and ('or' and)* | and: not ('and' not)* | not: 'not' not | cmp
///   cmp: add (('<'|'<='|'>'|'>='|'=='|'!=') add)?    (comparisons do not chain)
///   add: mul (('+'|'-') mul)* | mul: unary (('*'|'/') unary)* | unary: '-' unary | postfix
///   postfix: primary ('[' or ']')* | primary: number | duration | name | name '(' args ')' | '(' or ')'
/// Stops at the first error, reported at its token's position in the file. Types and names of functions are
/// checked later by the checker; the parser only rejects names that are neither a price field nor a call.
tl::expected<ExprPtr, Diagnostic> parseRule(const SourceText& source);

} // namespace sixbtc::strategy::dsl
