// SPDX-License-Identifier: MIT
// The clock skew between the injected wall clock and the exchange's HTTP `Date`, and whether writes may go on.
#pragma once

#include <cstdint>
#include <optional>

#include "exchange/hyperliquid/error.h"

namespace sixbtc::exchange::hyperliquid {

/// Tracks skew = server time - local time from every answer's `Date` header. `Date` has a resolution of one
/// second and is truncated, so a measured skew m means the true skew lies in [m, m + 1000 ms). A measurement is
/// out of bounds only when that whole interval lies outside +-max_clock_skew_ms: m > max or m < -(max + 1000).
/// The last measurement decides: one out of bounds blocks writes, the next one in bounds releases them.
class ExchangeClockSkew
{
public:
    /// Resolution of an HTTP-date.
    static constexpr std::int64_t kDateResolutionMs = 1000;

    /// \warning REQUIRE: maxClockSkewMs >= 0.
    explicit ExchangeClockSkew(int maxClockSkewMs);

    /// Records the skew of one answer; fails with a Nonce error naming the skew when it is out of bounds.
    HlResult<void> record(std::int64_t serverDateMs, std::int64_t localMs);

    /// The last measured skew (server minus local, ms), nullopt before the first answer with a `Date`.
    std::optional<std::int64_t> lastSkewMs() const { return m_lastSkewMs; }
    /// Whether the last measurement was out of bounds.
    bool blocked() const { return m_blocked; }
    /// The error writes fail with while blocked(). \warning REQUIRE: blocked().
    HyperliquidError blockedError() const;

private:
    std::int64_t m_maxSkewMs;
    std::optional<std::int64_t> m_lastSkewMs;
    bool m_blocked = false;
};

} // namespace sixbtc::exchange::hyperliquid
