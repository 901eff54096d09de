// SPDX-License-Identifier: MIT
// The clock skew between the injected wall clock and the exchange's HTTP `Date`.
#include "exchange/hyperliquid/http/exchangeclockskew.h"

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

ExchangeClockSkew::ExchangeClockSkew(int maxClockSkewMs)
    : m_maxSkewMs(maxClockSkewMs)
{
    SIXBTC_REQUIRE(maxClockSkewMs >= 0);
}

HlResult<void> ExchangeClockSkew::record(std::int64_t serverDateMs, std::int64_t localMs)
{
    const std::int64_t skew = serverDateMs - localMs;
    m_lastSkewMs = skew;
    m_blocked = skew > m_maxSkewMs || skew < -(m_maxSkewMs + kDateResolutionMs);
    if (m_blocked)
        return tl::unexpected<HyperliquidError>(blockedError());
    return {};
}

HyperliquidError ExchangeClockSkew::blockedError() const
{
    SIXBTC_REQUIRE(m_blocked && m_lastSkewMs.has_value());
    return HyperliquidError(ErrorKind::Nonce, "clock skew of " + std::to_string(*m_lastSkewMs) +
                                                  " ms between the local clock and the exchange's Date header exceeds "
                                                  "hyperliquid.max_clock_skew_ms = " +
                                                  std::to_string(m_maxSkewMs) +
                                                  " (Date has a 1000 ms resolution); writes are "
                                                  "refused until the skew is back in bounds");
}

} // namespace sixbtc::exchange::hyperliquid
