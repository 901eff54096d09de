// SPDX-License-Identifier: MIT
// Hyperliquid's rule figures and the loading of replayed candle markets.
#include "fakes/hyperliquid/fakeexchangesetup.h"

#include "data/candlereader.h"

namespace sixbtc::fakes::hyperliquid {

FakeExchangeSetup hyperliquidRules(config::Network network, FakeClockMs clockMs, std::vector<FakeMarketSetup> markets)
{
    constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
    return FakeExchangeSetup{
        network, std::move(clockMs), std::move(markets), 100, 2 * kDayMs, kDayMs, 0.00045, 0.00015, 5000, 20};
}

common::Result<FakeMarketSetup> loadReplayMarket(const std::filesystem::path& candleFile, common::Timeframe timeframe,
                                                 std::uint32_t asset, std::string coin, int szDecimals, int maxLeverage,
                                                 std::size_t firstCandle)
{
    auto data = data::CandleReader::read(candleFile, coin, timeframe);
    if (!data)
        return tl::unexpected(data.error());
    if (firstCandle >= data->series.size())
        return common::fail(common::ErrorCode::Input, candleFile.string() + ": first candle beyond the series");
    return FakeMarketSetup{asset, std::move(coin), szDecimals, maxLeverage, std::move(data->series), firstCandle};
}

} // namespace sixbtc::fakes::hyperliquid
