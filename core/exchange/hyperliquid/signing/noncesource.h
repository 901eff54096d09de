// SPDX-License-Identifier: MIT
// Monotonic nonces for one signer: max(now_ms, last + 1), safe to draw from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

namespace sixbtc::exchange::hyperliquid {

/// The nonce source of one signer. Every call of next() returns a value above every earlier one, and at least
/// the clock's current time, so concurrent callers never share a nonce.
class NonceSource
{
public:
    /// Milliseconds since the Unix epoch. Called from every thread that draws a nonce: must be thread-safe.
    using ClockMs = std::function<std::uint64_t()>;

    /// \warning REQUIRE: clockMs is set.
    explicit NonceSource(ClockMs clockMs);

    /// max(now_ms, last + 1), claimed atomically.
    std::uint64_t next();
    /// The last nonce handed out, 0 before the first.
    std::uint64_t last() const;

private:
    ClockMs m_clockMs;
    std::atomic<std::uint64_t> m_last{0};
};

} // namespace sixbtc::exchange::hyperliquid
