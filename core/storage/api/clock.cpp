// SPDX-License-Identifier: MIT
// The system clock.
#include "storage/api/clock.h"

#include <chrono>

namespace sixbtc::storage {

std::int64_t SystemClock::nowMs() const
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
}

} // namespace sixbtc::storage
