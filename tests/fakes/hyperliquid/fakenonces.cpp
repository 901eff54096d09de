// SPDX-License-Identifier: MIT
// Per-signer nonce sets of the fake exchange.
#include "fakes/hyperliquid/fakenonces.h"

namespace sixbtc::fakes::hyperliquid {

FakeNonces::FakeNonces(std::size_t kept, std::int64_t maxPastMs, std::int64_t maxFutureMs)
    : m_kept(kept)
    , m_maxPastMs(maxPastMs)
    , m_maxFutureMs(maxFutureMs)
{
}

std::optional<std::string> FakeNonces::accept(const std::string& signer, std::uint64_t nonce, std::int64_t nowMs)
{
    std::set<std::uint64_t>& kept = m_bySigner[signer];
    if (kept.contains(nonce))
        return std::string("Invalid nonce: duplicate nonce");
    if (kept.size() >= m_kept && nonce <= *kept.begin())
        return std::string("Invalid nonce: nonce too low");
    const auto signedNonce = static_cast<std::int64_t>(nonce);
    if (nonce > static_cast<std::uint64_t>(INT64_MAX) || signedNonce < nowMs - m_maxPastMs ||
        signedNonce > nowMs + m_maxFutureMs)
        return std::string("Invalid nonce: nonce too far from current time");
    kept.insert(nonce);
    while (kept.size() > m_kept)
        kept.erase(kept.begin());
    return std::nullopt;
}

} // namespace sixbtc::fakes::hyperliquid
