// SPDX-License-Identifier: MIT
// The fills of one user, deduplicated by trade id.
#include "exchange/hyperliquid/websocket/fillbook.h"

#include <algorithm>

namespace sixbtc::exchange::hyperliquid {

bool FillBook::add(const Fill& fill)
{
    if (!m_byTid.emplace(fill.tid, fill).second)
        return false;
    m_lastTimeMs = std::max(m_lastTimeMs.value_or(fill.timeMs), fill.timeMs);
    return true;
}

int FillBook::addAll(const std::vector<Fill>& fills)
{
    int added = 0;
    for (const Fill& fill : fills)
        added += add(fill) ? 1 : 0;
    return added;
}

std::vector<Fill> FillBook::fills() const
{
    std::vector<Fill> result;
    result.reserve(m_byTid.size());
    for (const auto& [tid, fill] : m_byTid)
        result.push_back(fill);
    std::stable_sort(result.begin(), result.end(), [](const Fill& a, const Fill& b) { return a.timeMs < b.timeMs; });
    return result;
}

std::optional<std::int64_t> FillBook::lastTimeMs() const
{
    return m_lastTimeMs;
}

} // namespace sixbtc::exchange::hyperliquid
