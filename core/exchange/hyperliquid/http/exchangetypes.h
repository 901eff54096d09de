// SPDX-License-Identifier: MIT
// Typed answers of POST /exchange (reference hyperliquid.md sections 4.2 and 9).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exchange/hyperliquid/error.h"

namespace sixbtc::exchange::hyperliquid {

/// Where an order stands after the exchange answered (or after reconciliation by orderStatus).
enum class OrderState {
    Resting,           ///< on the book (possibly after a partial fill: filledSz > 0)
    Filled,            ///< filled on placement, entirely or partly: with filledSz below the order's size a Gtc
                       ///< remainder rests and an Ioc remainder is cancelled
    WaitingForFill,    ///< a normalTpsl child waiting for its parent to fill
    WaitingForTrigger, ///< a trigger order waiting for its trigger price
    Closed,            ///< no longer open for another reason (cancelled, rejected...): see exchangeStatus
};

/// English name of an order state, for logs and messages.
std::string_view orderStateName(OrderState state);

/// The outcome of one order of an `order` action.
struct OrderOutcome
{
    OrderState state;
    std::optional<std::int64_t> oid;  ///< absent for WaitingForFill / WaitingForTrigger
    std::optional<std::string> cloid; ///< echoed by the exchange, 0x + 32 hex
    double filledSz = 0.0;            ///< totalSz of a fill; origSz - sz after reconciliation
    std::optional<double> avgPx;      ///< known from a direct "filled" answer only
    bool reconciled = false;          ///< true when learnt from orderStatus after an unknown outcome
    std::string exchangeStatus;       ///< orderStatus' status text when reconciled ("open", "canceled", ...)
};

/// Per-order results of a batch, in request order: a refused order is an Exchange error naming it.
using OrderResults = std::vector<HlResult<OrderOutcome>>;
/// Per-cancel results of a batch, in request order.
using CancelResults = std::vector<HlResult<void>>;

} // namespace sixbtc::exchange::hyperliquid
