// SPDX-License-Identifier: MIT
// The per-address action budget of Hyperliquid (hyperliquid.md section 10), tracked on the client side.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "exchange/hyperliquid/error.h"

namespace sixbtc::exchange::hyperliquid {

/// The exchange's per-address rules. They are facts of the venue, not settings: hyperliquidPerAddressLimits().
struct PerAddressLimits
{
    std::int64_t initialRequests;     ///< every address starts with this buffer of actions
    double requestsPerUsdVolume;      ///< actions earned per 1 USDC of cumulative traded volume
    std::int64_t throttledIntervalMs; ///< once the budget is used up, one action per this interval
    std::int64_t cancelExtraRequests; ///< cancels may go on up to min(cap + this, 2 x cap)
};

/// The documented figures (UNVERIFIED in detail, see the reference): 10,000 initial actions, 1 per USDC traded,
/// then one per 10 s; cancels up to min(cap + 100,000, 2 x cap).
PerAddressLimits hyperliquidPerAddressLimits();

/// Counts the actions each address has sent against its cap, so the client slows down before the exchange
/// starts refusing. A batch of n orders or cancels counts n. Past the cap (the cancel cap for cancels) one action
/// per throttled interval passes, whatever its length. sync() replaces the estimate with the exchange's own
/// userRateLimit figures. Addresses are compared as given (use the 0x-lowercase form). Thread-safe.
class PerAddressLimiter
{
public:
    /// Milliseconds of a monotonic clock (steady_clock in production, a fake in tests).
    using ClockMs = std::function<std::int64_t()>;

    /// \warning REQUIRE: initialRequests >= 0, requestsPerUsdVolume >= 0, throttledIntervalMs > 0, clock set.
    PerAddressLimiter(const PerAddressLimits& limits, ClockMs clockMs);

    /// Counts `requests` actions of `address`, or fails with RateLimit{retryAfter} when the address is throttled
    /// and its next action is not due yet. \warning REQUIRE: requests >= 1.
    HlResult<void> tryAcquire(const std::string& address, std::size_t requests, bool isCancel);

    /// Adds traded volume (USDC) to `address`, which raises its cap. \warning REQUIRE: usd >= 0.
    void addVolume(const std::string& address, double usd);

    /// Takes the exchange's figures (userRateLimit nRequestsUsed and nRequestsCap) as the new state.
    void sync(const std::string& address, std::int64_t used, std::int64_t cap);

    /// Actions counted so far for `address`.
    std::int64_t used(const std::string& address) const;
    /// The cap of normal actions: initial buffer plus what the volume earned (or the synced cap).
    std::int64_t cap(const std::string& address) const;
    /// The cap of cancels: min(cap + cancelExtraRequests, 2 x cap).
    std::int64_t cancelCap(const std::string& address) const;

private:
    struct Budget
    {
        std::int64_t used = 0;
        double earned = 0.0;              ///< actions earned by volume on top of the base
        std::int64_t base = 0;            ///< initialRequests, or the synced cap
        std::int64_t lastThrottledMs = 0; ///< when the last action past the cap was let through
        bool throttledBefore = false;
    };

    Budget& budgetOf(const std::string& address);
    static std::int64_t capOf(const Budget& budget);
    std::int64_t cancelCapOf(const Budget& budget) const;

    PerAddressLimits m_limits;
    ClockMs m_clockMs;
    mutable std::mutex m_mutex;
    std::map<std::string, Budget> m_budgets;
};

} // namespace sixbtc::exchange::hyperliquid
