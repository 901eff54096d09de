// SPDX-License-Identifier: MIT
// ActivePool: a vector kept in strength order; the weakest is always the last entry.
#include "pool/activepool.h"

#include <algorithm>
#include <cmath>

#include "common/require.h"

namespace sixbtc::pool {

bool strongerThan(const PoolEntry& a, const PoolEntry& b)
{
    if (a.score != b.score)
        return a.score > b.score;
    return a.uuid < b.uuid;
}

ActivePool::ActivePool(const config::PoolSettings& settings)
    : m_capacity(static_cast<std::size_t>(settings.maxActive))
{
    SIXBTC_REQUIRE(settings.maxActive >= 1);
    m_entries.reserve(m_capacity);
}

common::Result<Admission> ActivePool::offer(const PoolEntry& newcomer)
{
    if (!std::isfinite(newcomer.score))
        return common::fail(common::ErrorCode::Input,
                            "strategy " + newcomer.uuid + " has no finite score and cannot enter the pool");
    if (contains(newcomer.uuid))
        return common::fail(common::ErrorCode::Input, "strategy " + newcomer.uuid + " is already in the pool");

    Admission admission;
    if (full()) {
        const PoolEntry& weakest = m_entries.back();
        if (!(newcomer.score > weakest.score)) {
            admission.reason = "the pool is full (pool.max_active = " + std::to_string(m_capacity) +
                               ") and the score " + std::to_string(newcomer.score) + " does not beat the weakest, " +
                               weakest.uuid + " with " + std::to_string(weakest.score);
            return admission;
        }
        admission.evicted = weakest;
        m_entries.pop_back();
    }
    m_entries.insert(std::upper_bound(m_entries.begin(), m_entries.end(), newcomer, strongerThan), newcomer);
    admission.admitted = true;
    return admission;
}

bool ActivePool::remove(const std::string& uuid)
{
    const auto it =
        std::find_if(m_entries.begin(), m_entries.end(), [&](const PoolEntry& e) { return e.uuid == uuid; });
    if (it == m_entries.end())
        return false;
    m_entries.erase(it);
    return true;
}

std::optional<PoolEntry> ActivePool::weakest() const
{
    if (m_entries.empty())
        return std::nullopt;
    return m_entries.back();
}

bool ActivePool::contains(const std::string& uuid) const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [&](const PoolEntry& e) { return e.uuid == uuid; });
}

} // namespace sixbtc::pool
