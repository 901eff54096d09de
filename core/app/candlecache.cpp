// SPDX-License-Identifier: MIT
// CandleCache: candles read once per symbol and timeframe.
#include "app/candlecache.h"

namespace sixbtc::app {

CandleCache::CandleCache(data::CandleStore store)
    : m_store(std::move(store))
{
}

common::Result<CandleCache> CandleCache::open(const config::DataSettings& settings)
{
    auto store = data::CandleStore::open(settings);
    if (!store)
        return tl::unexpected(store.error());
    return CandleCache(std::move(*store));
}

common::Result<std::vector<data::CandleData>> CandleCache::candles(common::Timeframe timeframe,
                                                                   const std::vector<std::string>& symbols)
{
    std::vector<data::CandleData> result;
    for (const auto& symbol : symbols) {
        const auto key = std::make_pair(symbol, std::string(timeframe.name()));
        auto found = m_loaded.find(key);
        if (found == m_loaded.end()) {
            auto loaded = m_store.load(symbol, timeframe);
            if (!loaded)
                return tl::unexpected(loaded.error());
            found = m_loaded.emplace(key, std::move(*loaded)).first;
        }
        result.push_back(found->second);
    }
    return result;
}

} // namespace sixbtc::app
