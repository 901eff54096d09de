// SPDX-License-Identifier: MIT
// Static checker: types, names, arity, periods and offsets of a parsed rule.
#pragma once

#include <cstdint>

#include "common/timeframe.h"
#include "strategy/diagnostic.h"
#include "strategy/dsl/ast.h"

namespace sixbtc::strategy::dsl {

/// Every problem of `rule` on `timeframe`: unknown functions (with the closest known name), wrong arity,
/// numbers where conditions are needed and the reverse, periods that are not positive integer or duration
/// literals, durations that are not a whole multiple of the timeframe, negative or non-literal offsets.
/// A rule must be a condition. An empty result means the rule compiles.
Diagnostics checkRule(const Expr& rule, common::Timeframe timeframe);

/// Bars denoted by a period or offset literal (an integer literal or a duration literal), or an English reason
/// why it is not one. `allowZero` is true for offsets (e[0] is e) and false for periods.
tl::expected<std::int64_t, std::string> literalBars(const Expr& literal, common::Timeframe timeframe,
                                                    bool allowZero);

} // namespace sixbtc::strategy::dsl
