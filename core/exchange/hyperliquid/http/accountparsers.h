// SPDX-License-Identifier: MIT
// Pure parsers of the per-account /info answers: clearinghouseState, openOrders, userFills, orderStatus, subAccounts.
#pragma once

#include <vector>

#include <QJsonDocument>

#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/http/infotypes.h"

namespace sixbtc::exchange::hyperliquid {

/// A wrong shape is a Decode error naming the field, e.g. "openOrders answer: [1].oid: expected an integer".
HlResult<ClearinghouseState> parseClearinghouseState(const QJsonDocument& document);
HlResult<std::vector<OpenOrder>> parseOpenOrders(const QJsonDocument& document);
HlResult<std::vector<Fill>> parseUserFills(const QJsonDocument& document);
/// Accepts {"status":"order","order":{"order":{..},"status":"..","statusTimestamp":..}} and {"status":"unknownOid"}.
HlResult<OrderStatus> parseOrderStatus(const QJsonDocument& document);
/// `null` (no sub-accounts) gives an empty list.
HlResult<std::vector<SubAccount>> parseSubAccounts(const QJsonDocument& document);

} // namespace sixbtc::exchange::hyperliquid
