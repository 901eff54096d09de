// SPDX-License-Identifier: MIT
// Computation of one built-in indicator node into a column (internal to the strategy module).
#pragma once

#include <span>
#include <vector>

#include "strategy/indicators/series.h"
#include "strategy/plannode.h"

namespace sixbtc::strategy {

/// Fills `out` with the values of the Builtin node `node`, whose series inputs are `inputs` (in order).
void computeBuiltin(const PlanNode& node, const std::vector<std::span<const double>>& inputs,
                    const indicators::PriceColumns& prices, std::span<double> out);

} // namespace sixbtc::strategy
