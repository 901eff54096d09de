// SPDX-License-Identifier: MIT
// The client-side IP weight budget (`hyperliquid.rate_limit.*`), with a share kept for protective requests.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>

#include "config/settings.h"
#include "exchange/hyperliquid/error.h"

namespace sixbtc::exchange::hyperliquid {

/// Whether a request may dip into the reserved share: cancels and reduce-only closes may, everything else not.
enum class RequestPriority { Normal, Protective };

/// A token bucket of `ip_weight_per_min` weight that refills continuously over a minute. Normal requests stop
/// while only the `reserved_for_cancels` share is left, so cancels and reduce-only closes always find room.
/// Thread-safe.
class RateLimiter
{
public:
    /// Milliseconds of a monotonic clock (steady_clock in production, a fake in tests).
    using ClockMs = std::function<std::int64_t()>;

    /// Starts with a full budget. \warning REQUIRE: ipWeightPerMin > 0, 0 <= reservedForCancels < 1, clock set.
    RateLimiter(const config::RateLimitSettings& settings, ClockMs clockMs);

    /// Takes `weight` from the budget, or fails with RateLimit{retryAfter} (the wait after which the same request
    /// would pass if nothing else is taken). A weight that can never fit the budget of its priority fails with an
    /// Exchange error naming the setting. \warning REQUIRE: weight >= 1.
    HlResult<void> tryAcquire(int weight, RequestPriority priority);

    /// Charges weight learned after the answer (long info lists); the budget may go below zero, which delays
    /// later requests until it has refilled. \warning REQUIRE: weight >= 0.
    void charge(int weight);

    /// The weight available now (negative after an overcharge), rounded down.
    std::int64_t available() const;

private:
    void refill() const;

    std::int64_t m_capacity;    ///< in weight x 60000 (weight-milliseconds per minute)
    std::int64_t m_reserved;    ///< same unit
    std::int64_t m_refillPerMs; ///< = ipWeightPerMin: the bucket refills its capacity in 60000 ms
    ClockMs m_clockMs;
    mutable std::mutex m_mutex;
    mutable std::int64_t m_tokens;
    mutable std::int64_t m_lastMs;
};

} // namespace sixbtc::exchange::hyperliquid
