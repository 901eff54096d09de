// SPDX-License-Identifier: MIT
// CandleWindow: a contiguous range of bars of one CandleSeries, the input of signal evaluation.
#pragma once

#include <cstddef>
#include <string>

#include "common/candleseries.h"
#include "strategy/indicators/series.h"

namespace sixbtc::strategy {

/// Bars [begin, end) of one symbol's series; a view: the series must outlive the window.
class CandleWindow
{
public:
    /// The whole series.
    explicit CandleWindow(const common::CandleSeries& series);
    /// Bars [begin, end) of the series. \warning begin <= end <= series.size().
    CandleWindow(const common::CandleSeries& series, std::size_t begin, std::size_t end);
    /// The last `bars` bars of the series (all of them when it is shorter): the live path's trailing window.
    static CandleWindow trailing(const common::CandleSeries& series, std::size_t bars);

    const std::string& symbol() const { return m_series->symbol(); }
    common::Timeframe timeframe() const { return m_series->timeframe(); }
    std::size_t size() const { return m_prices.close.size(); }
    const indicators::PriceColumns& prices() const { return m_prices; }

private:
    const common::CandleSeries* m_series;
    indicators::PriceColumns m_prices;
};

} // namespace sixbtc::strategy
