// SPDX-License-Identifier: MIT
// Clock: the time source injected into the stores, so that audit times are deterministic in tests.
#pragma once

#include <cstdint>

namespace sixbtc::storage {

/// Wall-clock time in UTC milliseconds since the Unix epoch.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;
};

/// The system clock (std::chrono::system_clock).
class SystemClock final : public Clock
{
public:
    std::int64_t nowMs() const override;
};

} // namespace sixbtc::storage
