// SPDX-License-Identifier: MIT
// The fills of one user, deduplicated by trade id, from WebSocket snapshots, live fills and REST recovery.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "exchange/hyperliquid/http/infotypes.h"

namespace sixbtc::exchange::hyperliquid {

/// Fills keyed by `tid` (reference hyperliquid.md section 8: userFills snapshots repeat fills, dedupe by tid).
class FillBook
{
public:
    /// False when a fill with the same tid is already known.
    bool add(const Fill& fill);
    /// Adds every fill; returns how many were new.
    int addAll(const std::vector<Fill>& fills);

    /// Every fill, oldest first (time, then tid).
    std::vector<Fill> fills() const;
    std::size_t size() const { return m_byTid.size(); }
    /// The time of the newest fill, nullopt when empty.
    std::optional<std::int64_t> lastTimeMs() const;

private:
    std::map<std::int64_t, Fill> m_byTid;
    std::optional<std::int64_t> m_lastTimeMs;
};

} // namespace sixbtc::exchange::hyperliquid
