// SPDX-License-Identifier: MIT
// The IP weight each REST request costs (Hyperliquid docs "Rate limits and user limits").
#pragma once

#include <cstddef>
#include <string_view>

namespace sixbtc::exchange::hyperliquid {

/// Weight of an /exchange request: 1 + floor(batchLength / 40), e.g. 1 for a single order, 2 for 79 orders.
int exchangeRequestWeight(std::size_t batchLength);

/// Weight of an /info request of `type` before its answer is known: 2 for l2Book, allMids, clearinghouseState,
/// orderStatus, spotClearinghouseState and exchangeStatus; 60 for userRole; 20 for every other type.
int infoRequestWeight(std::string_view type);

/// Extra weight an /info answer costs once its length is known: one per 20 items for userFills,
/// userFillsByTime, historicalOrders, fundingHistory, userFunding, recentTrades (and the other documented
/// list requests), one per 60 items for candleSnapshot, 0 for the rest.
int infoResponseExtraWeight(std::string_view type, std::size_t itemCount);

} // namespace sixbtc::exchange::hyperliquid
