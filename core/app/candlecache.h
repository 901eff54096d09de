// SPDX-License-Identifier: MIT
// CandleCache: each symbol's candles of a timeframe read once from the configured candle store.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/timeframe.h"
#include "data/candlestore.h"

namespace sixbtc::app {

/// The candles the pipeline's phases share: each (symbol, timeframe) file is read once. Not thread-safe.
class CandleCache
{
public:
    /// Opens data.dir (data.prefer, data.exclude); an Input error names the folder.
    static common::Result<CandleCache> open(const config::DataSettings& settings);

    /// The candles of each symbol, in the given order; an Input error names a missing file.
    common::Result<std::vector<data::CandleData>> candles(common::Timeframe timeframe,
                                                          const std::vector<std::string>& symbols);

private:
    explicit CandleCache(data::CandleStore store);

    data::CandleStore m_store;
    std::map<std::pair<std::string, std::string>, data::CandleData> m_loaded; ///< (symbol, timeframe name)
};

} // namespace sixbtc::app
