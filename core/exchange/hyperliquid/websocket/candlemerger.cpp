// SPDX-License-Identifier: MIT
// A gap-free, duplicate-free candle series of one (coin, interval).
#include "exchange/hyperliquid/websocket/candlemerger.h"

#include <algorithm>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

CandleMerger::CandleMerger(std::int64_t intervalMs)
    : m_intervalMs(intervalMs)
{
    SIXBTC_REQUIRE(intervalMs > 0);
}

bool CandleMerger::merge(const Candle& candle)
{
    SIXBTC_REQUIRE(candle.openTimeMs % m_intervalMs == 0);
    const auto it = std::lower_bound(m_candles.begin(), m_candles.end(), candle.openTimeMs,
                                     [](const Candle& c, std::int64_t t) { return c.openTimeMs < t; });
    if (it == m_candles.end() || it->openTimeMs != candle.openTimeMs) {
        m_candles.insert(it, candle);
        return true;
    }
    const bool advanced = candle.trades > it->trades || (candle.trades == it->trades && candle.volume >= it->volume);
    const bool differs = candle.close != it->close || candle.high != it->high || candle.low != it->low ||
                         candle.volume != it->volume || candle.trades != it->trades || candle.open != it->open;
    if (!advanced || !differs)
        return false;
    *it = candle;
    return true;
}

int CandleMerger::mergeAll(const std::vector<Candle>& candles)
{
    int changed = 0;
    for (const Candle& candle : candles)
        changed += merge(candle) ? 1 : 0;
    return changed;
}

std::int64_t CandleMerger::lastOpenTimeMs() const
{
    SIXBTC_REQUIRE(!m_candles.empty());
    return m_candles.back().openTimeMs;
}

std::optional<std::pair<std::int64_t, std::int64_t>> CandleMerger::firstGap() const
{
    for (std::size_t i = 1; i < m_candles.size(); ++i) {
        const std::int64_t expected = m_candles[i - 1].openTimeMs + m_intervalMs;
        if (m_candles[i].openTimeMs != expected)
            return std::make_pair(expected, m_candles[i].openTimeMs);
    }
    return std::nullopt;
}

} // namespace sixbtc::exchange::hyperliquid
