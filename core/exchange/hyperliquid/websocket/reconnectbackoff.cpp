// SPDX-License-Identifier: MIT
// Exponential reconnect delays with seeded jitter.
#include "exchange/hyperliquid/websocket/reconnectbackoff.h"

#include <algorithm>
#include <cmath>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

ReconnectBackoff::ReconnectBackoff(const config::WsReconnectSettings& settings, std::uint64_t seed)
    : m_settings(settings)
    , m_rng(seed)
{
    SIXBTC_REQUIRE(settings.initialMs > 0 && settings.initialMs <= settings.maxMs);
    SIXBTC_REQUIRE(settings.jitter >= 0.0 && settings.jitter < 1.0);
}

std::int64_t ReconnectBackoff::baseDelayMs(int attempt) const
{
    // Doubling stops once the cap is reached, so the shift never overflows.
    std::int64_t delay = m_settings.initialMs;
    for (int i = 0; i < attempt && delay < m_settings.maxMs; ++i)
        delay *= 2;
    return std::min<std::int64_t>(delay, m_settings.maxMs);
}

std::int64_t ReconnectBackoff::upperBoundMs(int attempt) const
{
    return std::int64_t(std::ceil(double(baseDelayMs(attempt)) * (1.0 + m_settings.jitter)));
}

std::int64_t ReconnectBackoff::nextDelayMs()
{
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    const double factor = 1.0 + m_settings.jitter * unit(m_rng);
    const std::int64_t delay = std::llround(double(baseDelayMs(m_attempt)) * factor);
    ++m_attempt;
    return std::max<std::int64_t>(delay, 1);
}

} // namespace sixbtc::exchange::hyperliquid
