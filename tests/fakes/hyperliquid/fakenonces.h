// SPDX-License-Identifier: MIT
// Hyperliquid's nonce rules per signer: the highest N kept, no reuse, nothing below the window, close to now.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace sixbtc::fakes::hyperliquid {

/// The nonce sets of every signer (the agent address when an agent signs).
class FakeNonces
{
public:
    FakeNonces(std::size_t kept, std::int64_t maxPastMs, std::int64_t maxFutureMs);

    /// Records `nonce` for `signer` and returns nullopt, or returns the refusal message and records nothing.
    std::optional<std::string> accept(const std::string& signer, std::uint64_t nonce, std::int64_t nowMs);

private:
    std::size_t m_kept;
    std::int64_t m_maxPastMs;
    std::int64_t m_maxFutureMs;
    std::map<std::string, std::set<std::uint64_t>> m_bySigner;
};

} // namespace sixbtc::fakes::hyperliquid
