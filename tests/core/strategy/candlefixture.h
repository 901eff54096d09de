// SPDX-License-Identifier: MIT
// Loads real candles (through core::data's reader) for the strategy tests, and makes seeded random bars.
#pragma once

#include <algorithm>
#include <random>
#include <string>

#include "common/candleseries.h"
#include "data/candlereader.h"

namespace sixbtc::strategy::test {

/// Reads a candle file (.csv or .csv.gz) with the candle store's reader; aborts the test when it fails.
inline common::CandleSeries loadCandles(const std::string& path, const std::string& symbol, common::Timeframe tf)
{
    auto data = sixbtc::data::CandleReader::read(path, symbol, tf);
    if (!data)
        qFatal("%s", data.error().fullText().c_str());
    return std::move(data->series);
}

/// The bundled real-data file `name` (e.g. "BTC_USDT_USDT-1h.csv.gz").
inline std::string bundledData(const std::string& name)
{
    return std::string(SIXBTC_BUNDLED_DATA_DIR) + "/" + name;
}

/// A copy of `series` whose bars after `t` are replaced by a seeded random walk (the shuffle test's input).
inline common::CandleSeries replaceAfter(const common::CandleSeries& series, std::size_t t, unsigned seed)
{
    common::CandleSeries out(series.symbol(), series.timeframe());
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> step(0.0, 0.01);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    double last = series.close()[t];
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (i <= t) {
            out.append(series.timestampMs()[i], series.open()[i], series.high()[i], series.low()[i],
                       series.close()[i], series.volume()[i]);
            continue;
        }
        const double open = last * (1.0 + step(rng));
        const double close = open * (1.0 + step(rng));
        const double high = std::max(open, close) * (1.0 + unit(rng) * 0.005);
        const double low = std::min(open, close) * (1.0 - unit(rng) * 0.005);
        out.append(series.timestampMs()[i], open, high, low, close, unit(rng) * 1000.0);
        last = close;
    }
    return out;
}

} // namespace sixbtc::strategy::test
