// SPDX-License-Identifier: MIT
// Text of UTC times for tables, notes and messages.
#pragma once

#include <cstdint>
#include <string>

namespace sixbtc::common {

/// "YYYY-MM-DD HH:MM" in UTC for a time in milliseconds since the epoch (times before 1970 included).
std::string formatUtcMinute(std::int64_t timestampMs);

} // namespace sixbtc::common
