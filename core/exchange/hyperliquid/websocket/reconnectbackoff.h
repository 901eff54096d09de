// SPDX-License-Identifier: MIT
// Exponential reconnect delays with seeded jitter (hyperliquid.ws_reconnect.*).
#pragma once

#include <cstdint>
#include <random>

#include "config/settings.h"

namespace sixbtc::exchange::hyperliquid {

/// The n-th delay (n = 0, 1, ..) is base(n) * (1 + jitter * u) with base(n) = min(initial_ms * 2^n, max_ms) and u
/// drawn uniformly from [-1, 1] by a generator seeded by the caller, so a seed gives one fixed sequence.
class ReconnectBackoff
{
public:
    /// \warning REQUIRE: 0 < initial_ms <= max_ms and 0 <= jitter < 1.
    ReconnectBackoff(const config::WsReconnectSettings& settings, std::uint64_t seed);

    /// The delay before the next attempt, in ms; advances the attempt count.
    std::int64_t nextDelayMs();
    /// After a successful connection: the next delay starts again from initial_ms.
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

    /// base(n) without jitter.
    std::int64_t baseDelayMs(int attempt) const;
    /// The largest delay base(n) * (1 + jitter) can reach: the bound tests wait for.
    std::int64_t upperBoundMs(int attempt) const;

private:
    config::WsReconnectSettings m_settings;
    std::mt19937_64 m_rng;
    int m_attempt = 0;
};

} // namespace sixbtc::exchange::hyperliquid
