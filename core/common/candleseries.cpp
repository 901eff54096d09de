// SPDX-License-Identifier: MIT
// CandleSeries: columnar bars.
#include "common/candleseries.h"

#include <algorithm>

namespace sixbtc::common {

CandleSeries::CandleSeries(std::string symbol, Timeframe timeframe)
    : m_symbol(std::move(symbol))
    , m_timeframe(timeframe)
{
}

void CandleSeries::reserve(std::size_t rows)
{
    m_timestampMs.reserve(rows);
    m_open.reserve(rows);
    m_high.reserve(rows);
    m_low.reserve(rows);
    m_close.reserve(rows);
    m_volume.reserve(rows);
}

void CandleSeries::append(std::int64_t timestampMs, double open, double high, double low, double close, double volume)
{
    m_timestampMs.push_back(timestampMs);
    m_open.push_back(open);
    m_high.push_back(high);
    m_low.push_back(low);
    m_close.push_back(close);
    m_volume.push_back(volume);
}

std::size_t CandleSeries::lowerBound(std::int64_t timestampMs) const
{
    const auto it = std::lower_bound(m_timestampMs.begin(), m_timestampMs.end(), timestampMs);
    return static_cast<std::size_t>(it - m_timestampMs.begin());
}

} // namespace sixbtc::common
