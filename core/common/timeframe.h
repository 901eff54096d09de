// SPDX-License-Identifier: MIT
// Timeframe: one of the six supported bar lengths, and duration arithmetic on it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace sixbtc::common {

/// A bar length: 5m 15m 30m 1h 4h 1d. Value type; compare with ==.
class Timeframe
{
public:
    enum class Id : std::uint8_t { M5, M15, M30, H1, H4, D1 };

    constexpr explicit Timeframe(Id id) : m_id(id) {}

    /// Parses "5m", "15m", "30m", "1h", "4h" or "1d".
    static Result<Timeframe> parse(std::string_view text);
    /// Every supported timeframe, shortest first.
    static const std::array<Timeframe, 6>& all();

    Id id() const { return m_id; }
    std::string_view name() const;
    /// Bar length in milliseconds.
    std::int64_t durationMs() const;
    /// How many bars of this timeframe make `period` ("24h", "90m", "2d"); an error when the period
    /// is malformed, not positive or not a whole multiple of the bar length.
    Result<std::int64_t> barsInPeriod(std::string_view period) const;

    friend bool operator==(Timeframe a, Timeframe b) { return a.m_id == b.m_id; }
    friend auto operator<=>(Timeframe a, Timeframe b) { return a.m_id <=> b.m_id; }

private:
    Id m_id;
};

/// Parses a duration literal: a positive integer followed by m (minutes), h (hours) or d (days).
Result<std::int64_t> parseDurationMs(std::string_view text);

} // namespace sixbtc::common
