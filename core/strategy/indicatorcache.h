// SPDX-License-Identifier: MIT
// IndicatorCache: indicator columns of one candle window, computed once and shared by every plan evaluated on it.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "strategy/candlewindow.h"
#include "strategy/columnpool.h"

namespace sixbtc::strategy {

/// Columns keyed by the canonical text of their expression (e.g. "ema(close, 12)", periods in bars). Every
/// strategy of a batch on the same symbol and timeframe reads the same column; evaluations are counted so tests
/// can prove sharing. Its columns and the plans' scratch columns come from its ColumnPool, and reset() hands them
/// back, so a cache kept across evaluations (the next window of a batch, the live path's next bar) reuses its
/// memory. Not thread-safe: evaluate plans on it from one thread; its filled columns may then be read from many.
class IndicatorCache
{
public:
    explicit IndicatorCache(CandleWindow window);

    /// Forgets every column (their buffers go back to the pool) and the evaluation counts; `window` is next.
    void reset(CandleWindow window);
    /// The buffers of this cache's columns and of the plans evaluated on it.
    ColumnPool& pool() { return m_pool; }

    const CandleWindow& window() const { return m_window; }
    std::size_t size() const { return m_window.size(); }

    /// The column for `key`, computed by `compute` (which fills a column of size() values) the first time.
    std::span<const double> column(const std::string& key, const std::function<void(std::span<double>)>& compute);

    /// How many times the column for `key` was computed (0 or 1).
    int evaluations(const std::string& key) const;
    /// How many columns were computed in total.
    std::size_t totalEvaluations() const { return m_total; }

private:
    struct Entry
    {
        std::vector<double> values;
        int evaluations = 0;
    };

    CandleWindow m_window;
    ColumnPool m_pool;
    std::unordered_map<std::string, std::unique_ptr<Entry>> m_entries;
    std::size_t m_total = 0;
};

} // namespace sixbtc::strategy
