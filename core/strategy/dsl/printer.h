// SPDX-License-Identifier: MIT
// Printer: the canonical text of an expression (minimal parentheses, single spaces, shortest numbers).
#pragma once

#include <string>

#include "strategy/dsl/ast.h"

namespace sixbtc::strategy::dsl {

/// Canonical text of `expr`; parseRule(printExpr(e)) gives a tree equal to e (sameTree).
std::string printExpr(const Expr& expr);

/// Shortest text that reads back to exactly `value` (e.g. 0.02, 70, 1e+20).
std::string formatNumber(double value);

} // namespace sixbtc::strategy::dsl
