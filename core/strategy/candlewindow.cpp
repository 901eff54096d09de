// SPDX-License-Identifier: MIT
// CandleWindow: column spans over a range of a CandleSeries.
#include "strategy/candlewindow.h"

#include <algorithm>

#include "common/require.h"

namespace sixbtc::strategy {

CandleWindow::CandleWindow(const common::CandleSeries& series) : CandleWindow(series, 0, series.size()) {}

CandleWindow::CandleWindow(const common::CandleSeries& series, std::size_t begin, std::size_t end)
    : m_series(&series)
{
    SIXBTC_REQUIRE(begin <= end && end <= series.size());
    const std::size_t count = end - begin;
    m_prices = {series.open().subspan(begin, count), series.high().subspan(begin, count),
                series.low().subspan(begin, count), series.close().subspan(begin, count),
                series.volume().subspan(begin, count)};
}

CandleWindow CandleWindow::trailing(const common::CandleSeries& series, std::size_t bars)
{
    const std::size_t count = std::min(bars, series.size());
    return CandleWindow(series, series.size() - count, series.size());
}

} // namespace sixbtc::strategy
