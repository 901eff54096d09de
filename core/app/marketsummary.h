// SPDX-License-Identifier: MIT
// Market summary: what the bundled (or configured) candles hold per symbol and timeframe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/cancellation.h"
#include "common/error.h"
#include "common/timeframe.h"
#include "config/settings.h"

namespace sixbtc::app {

/// Figures of one symbol/timeframe series, over the whole file.
struct MarketSummaryRow
{
    std::string symbol;
    common::Timeframe timeframe;
    std::string file;   ///< path relative to data.dir
    std::string market; ///< spot | perpetual
    std::size_t rows;
    std::int64_t firstMs;
    std::int64_t lastMs;
    std::size_t gaps;
    std::int64_t missingBars;
    double lastClose;
    double change;              ///< last close / first close - 1
    double annualisedVolatility; ///< population stdev of close-to-close log returns x sqrt(bars per year)
    double maxDrawdown;          ///< largest fall of the close from its running peak, as a fraction
};

/// Loads the file of every configured symbol x timeframe (trading.symbols, trading.timeframes) from
/// data.dir and summarises it. Stops with ErrorCode::Cancelled between files when `cancel` is set.
common::Result<std::vector<MarketSummaryRow>> summarizeMarkets(const config::Config& config,
                                                               const common::CancelToken& cancel);

/// Bars per year of a timeframe: 525600 / timeframe minutes (spec section 1; crypto trades 24/7).
double barsPerYear(common::Timeframe timeframe);

} // namespace sixbtc::app
