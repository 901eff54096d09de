// SPDX-License-Identifier: MIT
// The strategy lifecycle: the one place that decides which status changes are legal.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"
#include "storage/api/strategystatus.h"

namespace sixbtc::storage::lifecycle {

/// Reasons with a fixed meaning.
inline constexpr std::string_view kExpanded = "expanded";
inline constexpr std::string_view kEvicted = "evicted";
inline constexpr std::string_view kRetiredByUser = "retired by user";

/// Every legal (from, to) pair:
/// GENERATED->VALIDATED; GENERATED/VALIDATED/ACTIVE->REJECTED; VALIDATED->ACTIVE; VALIDATED->RETIRED;
/// ACTIVE->RETIRED; ACTIVE->LIVE; LIVE->RETIRED.
const std::vector<std::pair<StrategyStatus, StrategyStatus>>& legalTransitions();

/// Accepts a legal transition with a fitting reason, otherwise an Invalid error naming the problem.
/// Reasons: ->REJECTED needs one; VALIDATED->RETIRED needs "expanded"; ACTIVE->RETIRED needs "evicted" or
/// "retired by user"; LIVE->RETIRED needs one; the other moves take any reason, also none.
common::Result<void> checkTransition(StrategyStatus from, StrategyStatus to, std::string_view reason);

} // namespace sixbtc::storage::lifecycle
