// SPDX-License-Identifier: MIT
// The per-address action budget of Hyperliquid, tracked on the client side.
#include "exchange/hyperliquid/http/peraddresslimiter.h"

#include <algorithm>
#include <cmath>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

PerAddressLimits hyperliquidPerAddressLimits()
{
    return PerAddressLimits{10'000, 1.0, 10'000, 100'000};
}

PerAddressLimiter::PerAddressLimiter(const PerAddressLimits& limits, ClockMs clockMs)
    : m_limits(limits)
    , m_clockMs(std::move(clockMs))
{
    SIXBTC_REQUIRE(limits.initialRequests >= 0 && limits.requestsPerUsdVolume >= 0.0);
    SIXBTC_REQUIRE(limits.throttledIntervalMs > 0 && limits.cancelExtraRequests >= 0);
    SIXBTC_REQUIRE(static_cast<bool>(m_clockMs));
}

PerAddressLimiter::Budget& PerAddressLimiter::budgetOf(const std::string& address)
{
    auto [it, inserted] = m_budgets.try_emplace(address);
    if (inserted)
        it->second.base = m_limits.initialRequests;
    return it->second;
}

std::int64_t PerAddressLimiter::capOf(const Budget& budget)
{
    return budget.base + std::int64_t(std::floor(budget.earned));
}

std::int64_t PerAddressLimiter::cancelCapOf(const Budget& budget) const
{
    const std::int64_t cap = capOf(budget);
    return std::min(cap + m_limits.cancelExtraRequests, 2 * cap);
}

HlResult<void> PerAddressLimiter::tryAcquire(const std::string& address, std::size_t requests, bool isCancel)
{
    SIXBTC_REQUIRE(requests >= 1);
    std::lock_guard lock(m_mutex);
    Budget& budget = budgetOf(address);
    const std::int64_t limit = isCancel ? cancelCapOf(budget) : capOf(budget);
    if (budget.used + std::int64_t(requests) <= limit) {
        budget.used += std::int64_t(requests);
        return {};
    }
    const std::int64_t now = m_clockMs();
    const std::int64_t due = budget.lastThrottledMs + m_limits.throttledIntervalMs;
    if (budget.throttledBefore && now < due) {
        return tl::unexpected<HyperliquidError>(HyperliquidError::rateLimited(
            std::chrono::milliseconds(due - now),
            "address " + address + " has used its action budget (" + std::to_string(budget.used) + " of " +
                std::to_string(limit) + "): one action per " + std::to_string(m_limits.throttledIntervalMs) + " ms"));
    }
    budget.throttledBefore = true;
    budget.lastThrottledMs = now;
    budget.used += std::int64_t(requests);
    return {};
}

void PerAddressLimiter::addVolume(const std::string& address, double usd)
{
    SIXBTC_REQUIRE(usd >= 0.0);
    std::lock_guard lock(m_mutex);
    budgetOf(address).earned += usd * m_limits.requestsPerUsdVolume;
}

void PerAddressLimiter::sync(const std::string& address, std::int64_t used, std::int64_t cap)
{
    std::lock_guard lock(m_mutex);
    Budget& budget = budgetOf(address);
    budget.used = used;
    budget.base = cap;
    budget.earned = 0.0;
}

std::int64_t PerAddressLimiter::used(const std::string& address) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_budgets.find(address);
    return it == m_budgets.end() ? 0 : it->second.used;
}

std::int64_t PerAddressLimiter::cap(const std::string& address) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_budgets.find(address);
    return it == m_budgets.end() ? m_limits.initialRequests : capOf(it->second);
}

std::int64_t PerAddressLimiter::cancelCap(const std::string& address) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_budgets.find(address);
    if (it == m_budgets.end()) {
        Budget fresh;
        fresh.base = m_limits.initialRequests;
        return cancelCapOf(fresh);
    }
    return cancelCapOf(it->second);
}

} // namespace sixbtc::exchange::hyperliquid
