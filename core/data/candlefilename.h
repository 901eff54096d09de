// SPDX-License-Identifier: MIT
// CandleFileName: the parts of a candle file name, <BASE>_<QUOTE>[_<SETTLE>]-<tf>.csv[.gz].
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/timeframe.h"

namespace sixbtc::data {

/// Which market a candle file holds: spot (no settle currency) or a perpetual (settle currency given).
enum class Market {
    Spot,
    Perpetual,
};

/// "spot" or "perpetual".
std::string_view marketName(Market market);

/// A parsed candle file name, e.g. BTC_USDT_USDT-5m.csv.gz = perpetual BTC/USDT:USDT, 5m, compressed.
struct CandleFileName
{
    std::string base;                  ///< the strategy symbol, e.g. BTC
    std::string quote;                 ///< e.g. USDT
    std::optional<std::string> settle; ///< present for perpetuals, e.g. USDT
    Market market;
    common::Timeframe timeframe;
    bool compressed; ///< the file ends in .csv.gz

    /// Parses a bare file name (no folder). Names that do not fit the pattern are an Input error
    /// that says what does not fit; nothing is guessed.
    static common::Result<CandleFileName> parse(std::string_view fileName);

    /// The market in ccxt notation: BTC/USDT for spot, BTC/USDT:USDT for a perpetual.
    std::string pair() const;
};

} // namespace sixbtc::data
