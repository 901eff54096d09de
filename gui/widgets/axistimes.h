// SPDX-License-Identifier: MIT
// axisTimes: report::axisTime over a long sorted series, computed once per stretch of constant UTC offset.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sixbtc::gui {

/// report::axisTime() of each time of `utcMs` (sorted ascending), with the same results: the system time zone's
/// offset is computed once per stretch between two of its transitions, and exactly for the points within two days
/// of a transition. axisTime() alone costs several microseconds a point, too slow for a 105,000-point curve.
std::vector<double> axisTimes(std::span<const std::int64_t> utcMs);

} // namespace sixbtc::gui
