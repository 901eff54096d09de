// SPDX-License-Identifier: MIT
// The client-side IP weight budget.
#include "exchange/hyperliquid/http/ratelimiter.h"

#include <algorithm>
#include <cmath>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

/// Budgets are kept in weight x 60000 so that a per-minute refill is a whole number per millisecond.
constexpr std::int64_t kScale = 60'000;

} // namespace

RateLimiter::RateLimiter(const config::RateLimitSettings& settings, ClockMs clockMs)
    : m_capacity(std::int64_t(settings.ipWeightPerMin) * kScale)
    , m_reserved(std::llround(settings.ipWeightPerMin * settings.reservedForCancels * double(kScale)))
    , m_refillPerMs(settings.ipWeightPerMin)
    , m_clockMs(std::move(clockMs))
{
    SIXBTC_REQUIRE(settings.ipWeightPerMin > 0);
    SIXBTC_REQUIRE(settings.reservedForCancels >= 0.0 && settings.reservedForCancels < 1.0);
    SIXBTC_REQUIRE(m_clockMs != nullptr);
    m_tokens = m_capacity;
    m_lastMs = m_clockMs();
}

void RateLimiter::refill() const
{
    const std::int64_t now = m_clockMs();
    if (now > m_lastMs) {
        m_tokens = std::min(m_capacity, m_tokens + (now - m_lastMs) * m_refillPerMs);
        m_lastMs = now;
    }
}

HlResult<void> RateLimiter::tryAcquire(int weight, RequestPriority priority)
{
    SIXBTC_REQUIRE(weight >= 1);
    const std::int64_t need = std::int64_t(weight) * kScale;
    const std::int64_t floor = priority == RequestPriority::Normal ? m_reserved : 0;
    if (need + floor > m_capacity) {
        return hlFail(ErrorKind::Exchange, "request weight " + std::to_string(weight) +
                                               " never fits hyperliquid.rate_limit (ip_weight_per_min " +
                                               std::to_string(m_refillPerMs) + ", less the reserved share)");
    }
    const std::lock_guard lock(m_mutex);
    refill();
    if (m_tokens - need >= floor) {
        m_tokens -= need;
        return {};
    }
    const std::int64_t deficit = floor + need - m_tokens;
    const std::int64_t waitMs = (deficit + m_refillPerMs - 1) / m_refillPerMs;
    return tl::unexpected(HyperliquidError::rateLimited(
        std::chrono::milliseconds(waitMs), "local IP weight budget exhausted: weight " + std::to_string(weight) +
                                               " fits in " + std::to_string(waitMs) + " ms"));
}

void RateLimiter::charge(int weight)
{
    SIXBTC_REQUIRE(weight >= 0);
    const std::lock_guard lock(m_mutex);
    refill();
    m_tokens -= std::int64_t(weight) * kScale;
}

std::int64_t RateLimiter::available() const
{
    const std::lock_guard lock(m_mutex);
    refill();
    // Floor division, also for a negative balance.
    return m_tokens >= 0 ? m_tokens / kScale : -((-m_tokens + kScale - 1) / kScale);
}

} // namespace sixbtc::exchange::hyperliquid
