// SPDX-License-Identifier: MIT
// IndicatorCache: compute-once storage of indicator columns.
#include "strategy/indicatorcache.h"

namespace sixbtc::strategy {

IndicatorCache::IndicatorCache(CandleWindow window) : m_window(window) {}

void IndicatorCache::reset(CandleWindow window)
{
    for (auto& item : m_entries)
        m_pool.give(std::move(item.second->values));
    m_entries.clear();
    m_total = 0;
    m_window = window;
}

std::span<const double> IndicatorCache::column(const std::string& key,
                                               const std::function<void(std::span<double>)>& compute)
{
    auto& entry = m_entries[key];
    if (!entry) {
        entry = std::make_unique<Entry>();
        entry->values = m_pool.takeNumbers(size());
        compute(entry->values);
        ++entry->evaluations;
        ++m_total;
    }
    return entry->values;
}

int IndicatorCache::evaluations(const std::string& key) const
{
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? 0 : it->second->evaluations;
}

} // namespace sixbtc::strategy
