// SPDX-License-Identifier: MIT
// Text forms of times and day counts for the validation procedures' notes and reasons.
#pragma once

#include <cstdint>
#include <string>

namespace sixbtc::validation {

/// "YYYY-MM-DD HH:MM UTC" of a UTC millisecond timestamp.
std::string utcMinuteText(std::int64_t timestampMs);

/// A duration in days: "30" when whole, else with two decimals ("12.25").
std::string dayCountText(std::int64_t durationMs);

/// A double with up to 6 significant digits ("1.25", "0.000123", "nan").
std::string figureText(double value);

} // namespace sixbtc::validation
