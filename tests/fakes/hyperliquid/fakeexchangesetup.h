// SPDX-License-Identifier: MIT
// Configuration of the fake exchange's matching model: markets replayed from real candles, clock and rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "common/candleseries.h"
#include "common/error.h"
#include "common/timeframe.h"
#include "config/settings.h"

namespace sixbtc::fakes::hyperliquid {

/// Milliseconds since the Unix epoch as the fake sees them (nonce window, expiresAfter, scheduleCancel, Date).
using FakeClockMs = std::function<std::int64_t()>;

/// One perp market. `asset` and `coin` must match the canned meta (BTC = 0 with szDecimals 5, ETH = 1 with 4).
struct FakeMarketSetup
{
    std::uint32_t asset;
    std::string coin;
    int szDecimals;
    int maxLeverage;
    common::CandleSeries candles; ///< replayed one bar per advance(); the market price is the current bar's close
    std::size_t firstCandle;      ///< index of the bar that is current before the first advance()
};

/// Rules of the fake exchange. hyperliquidRules() gives the figures of hyperliquid.md.
struct FakeExchangeSetup
{
    config::Network network; ///< phantom agent source "a"/"b" the signatures are checked against
    FakeClockMs clockMs;
    std::vector<FakeMarketSetup> markets;
    std::size_t keptNonces;               ///< highest nonces kept per signer (100)
    std::int64_t nonceMaxPastMs;          ///< a nonce older than now - this is refused (2 days)
    std::int64_t nonceMaxFutureMs;        ///< a nonce later than now + this is refused (1 day)
    double takerFeeRate;                  ///< fraction of the notional charged to the taker (0.00045)
    double makerFeeRate;                  ///< fraction charged to a resting order that fills (0.00015)
    std::int64_t scheduleCancelMinLeadMs; ///< scheduleCancel time must be at least now + this (5000)
    int initialLeverage;                  ///< cross leverage of an asset before any updateLeverage (20)
};

/// hyperliquid.md's rules on `network` with `clockMs` and `markets`.
FakeExchangeSetup hyperliquidRules(config::Network network, FakeClockMs clockMs, std::vector<FakeMarketSetup> markets);

/// Reads a candle file (e.g. resources/data/BTC_USDT-5m.csv.gz) as a replayed market.
common::Result<FakeMarketSetup> loadReplayMarket(const std::filesystem::path& candleFile, common::Timeframe timeframe,
                                                 std::uint32_t asset, std::string coin, int szDecimals, int maxLeverage,
                                                 std::size_t firstCandle);

} // namespace sixbtc::fakes::hyperliquid
