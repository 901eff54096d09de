// SPDX-License-Identifier: MIT
// The IP weight each REST request costs.
#include "exchange/hyperliquid/http/requestweight.h"

#include <algorithm>
#include <array>

namespace sixbtc::exchange::hyperliquid {

namespace {

constexpr std::array<std::string_view, 6> kLightInfo{
    "l2Book", "allMids", "clearinghouseState", "orderStatus", "spotClearinghouseState", "exchangeStatus"};
constexpr std::array<std::string_view, 8> kPerTwentyItems{
    "userFills",   "userFillsByTime", "historicalOrders",   "fundingHistory",
    "userFunding", "recentTrades",    "userTwapSliceFills", "userNonFundingLedgerUpdates"};

bool contains(auto list, std::string_view type)
{
    return std::find(list.begin(), list.end(), type) != list.end();
}

} // namespace

int exchangeRequestWeight(std::size_t batchLength)
{
    return 1 + static_cast<int>(batchLength / 40);
}

int infoRequestWeight(std::string_view type)
{
    if (contains(kLightInfo, type))
        return 2;
    if (type == "userRole")
        return 60;
    return 20;
}

int infoResponseExtraWeight(std::string_view type, std::size_t itemCount)
{
    if (contains(kPerTwentyItems, type))
        return static_cast<int>(itemCount / 20);
    if (type == "candleSnapshot")
        return static_cast<int>(itemCount / 60);
    return 0;
}

} // namespace sixbtc::exchange::hyperliquid
