// SPDX-License-Identifier: MIT
// ActivePool: the ACTIVE strategies, at most pool.max_active; a newcomer enters only by beating the weakest.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "config/settings.h"

namespace sixbtc::pool {

/// One ACTIVE strategy: its UUID (canonical form) and unified score.
struct PoolEntry
{
    std::string uuid;
    double score = 0.0;

    friend bool operator==(const PoolEntry&, const PoolEntry&) = default;
};

/// What an offer did.
struct Admission
{
    bool admitted = false;
    std::optional<PoolEntry> evicted; ///< the weakest, pushed out to make room; the caller retires it
    std::string reason;               ///< why the newcomer was refused; empty when admitted
};

/// The ACTIVE pool. Strength order (the order of entries()): higher score first; equal scores by UUID ascending
/// (text order of the canonical form), so the weakest is the lowest score and, among equal lowest scores, the
/// greatest UUID. While there is room every newcomer enters. When full, a newcomer enters only with a score strictly
/// higher than the weakest's, which is evicted; on an equal score the incumbent stays. Each offer's outcome depends
/// only on the pool's current entries and the offer.
class ActivePool
{
public:
    /// \warning settings.maxActive >= 1.
    explicit ActivePool(const config::PoolSettings& settings);

    /// Offers a strategy. An Input error when its UUID is already in the pool or its score is not finite.
    common::Result<Admission> offer(const PoolEntry& newcomer);
    /// Takes a strategy out (e.g. retired by the user); false when it was not in the pool.
    bool remove(const std::string& uuid);

    /// Strongest first.
    const std::vector<PoolEntry>& entries() const { return m_entries; }
    std::optional<PoolEntry> weakest() const;
    bool contains(const std::string& uuid) const;
    std::size_t size() const { return m_entries.size(); }
    std::size_t capacity() const { return m_capacity; }
    bool full() const { return m_entries.size() >= m_capacity; }

private:
    std::size_t m_capacity;
    std::vector<PoolEntry> m_entries;
};

/// True when `a` ranks before (is stronger than) `b` in the pool's strength order.
bool strongerThan(const PoolEntry& a, const PoolEntry& b);

} // namespace sixbtc::pool
