// SPDX-License-Identifier: MIT
// JSON shapes the fake's /info answers and WebSocket channels share.
#pragma once

#include <QJsonObject>

#include "fakes/hyperliquid/fakebooktypes.h"

namespace sixbtc::fakes::hyperliquid {

/// An order as /info openOrders and the orderUpdates channel show it (coin, side, limitPx, sz, oid, timestamp,
/// origSz, reduceOnly, cloid when set).
QJsonObject openOrderJson(const FakeOrder& order, int szDecimals);

} // namespace sixbtc::fakes::hyperliquid
