// SPDX-License-Identifier: MIT
// CandleSeries: the bars of one market and timeframe in contiguous columns (structure of arrays).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/timeframe.h"

namespace sixbtc::common {

/// Bars in ascending open time. Columns are contiguous so indicators and the engine stream them.
/// \warning append() does not validate; the data module's reader checks every rule before appending.
class CandleSeries
{
public:
    CandleSeries(std::string symbol, Timeframe timeframe);

    const std::string& symbol() const { return m_symbol; }
    Timeframe timeframe() const { return m_timeframe; }
    std::size_t size() const { return m_timestampMs.size(); }
    bool empty() const { return m_timestampMs.empty(); }

    void reserve(std::size_t rows);
    void append(std::int64_t timestampMs, double open, double high, double low, double close, double volume);

    /// Bar open times, UTC milliseconds.
    std::span<const std::int64_t> timestampMs() const { return m_timestampMs; }
    std::span<const double> open() const { return m_open; }
    std::span<const double> high() const { return m_high; }
    std::span<const double> low() const { return m_low; }
    std::span<const double> close() const { return m_close; }
    std::span<const double> volume() const { return m_volume; }

    /// Index of the first bar whose open time is >= `timestampMs` (size() when none).
    std::size_t lowerBound(std::int64_t timestampMs) const;

private:
    std::string m_symbol;
    Timeframe m_timeframe;
    std::vector<std::int64_t> m_timestampMs;
    std::vector<double> m_open;
    std::vector<double> m_high;
    std::vector<double> m_low;
    std::vector<double> m_close;
    std::vector<double> m_volume;
};

} // namespace sixbtc::common
