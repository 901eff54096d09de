// SPDX-License-Identifier: MIT
// Monotonic nonces for one signer.
#include "exchange/hyperliquid/signing/noncesource.h"

#include <algorithm>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

NonceSource::NonceSource(ClockMs clockMs)
    : m_clockMs(std::move(clockMs))
{
    SIXBTC_REQUIRE(m_clockMs != nullptr);
}

std::uint64_t NonceSource::next()
{
    const std::uint64_t now = m_clockMs();
    std::uint64_t last = m_last.load(std::memory_order_relaxed);
    std::uint64_t candidate = std::max(now, last + 1);
    // On failure compare_exchange reloads `last`; the candidate is recomputed against the newer value.
    while (!m_last.compare_exchange_weak(last, candidate, std::memory_order_relaxed))
        candidate = std::max(now, last + 1);
    return candidate;
}

std::uint64_t NonceSource::last() const
{
    return m_last.load(std::memory_order_relaxed);
}

} // namespace sixbtc::exchange::hyperliquid
