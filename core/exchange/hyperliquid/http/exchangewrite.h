// SPDX-License-Identifier: MIT
// Internal state of ExchangeClient: one logical write and its attempts, and the order and cancel operations.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <QJsonDocument>

#include "exchange/hyperliquid/http/exchangeclient.h"
#include "exchange/hyperliquid/http/ratelimiter.h"
#include "exchange/hyperliquid/signing/signedaction.h"

namespace sixbtc::exchange::hyperliquid {

/// One signed request to /exchange and its attempts. `answered` gets the answer's JSON or a final error;
/// `unknown`, when set, takes over after an unknown outcome (5xx, timeout, transport failure).
struct ExchangeClient::Write
{
    std::string what;                   ///< e.g. "order", for messages and logs
    std::function<SignedAction()> sign; ///< signs afresh: a new nonce (and expiresAfter) per attempt
    std::size_t batchLength = 1;
    RequestPriority priority = RequestPriority::Normal;
    bool isCancel = false;
    std::string address;                         ///< the per-address budget charged
    int attempt = 0;                             ///< attempts used so far, resends of an operation included
    std::optional<std::uint64_t> expiresAfterMs; ///< of the last attempt
    std::function<void(HlResult<QJsonDocument>)> answered;
    std::function<void(const HyperliquidError&)> unknown;
    std::string notReconcilable; ///< why `unknown` is unset, for the Timeout error's message
};

/// An `order` action being settled: one result slot per order, filled by answers and reconciliation.
struct ExchangeClient::OrderOp
{
    std::vector<OrderRequest> orders;
    Grouping grouping;
    Callback<OrderResults> done;
    std::vector<std::optional<HlResult<OrderOutcome>>> results;
    bool firstRound = true;
};

/// A cancel or cancelByCloid action being settled, one result slot per cancel.
struct ExchangeClient::CancelOp
{
    struct Item
    {
        std::uint32_t asset;
        OrderRef ref;
    };
    std::vector<Item> items;
    bool byCloid;
    Callback<CancelResults> done;
    std::vector<std::optional<HlResult<void>>> results;
    bool firstRound = true;
};

/// The same error with another message (RateLimit keeps its delay).
HyperliquidError exchangeErrorWithMessage(const HyperliquidError& error, std::string message);

} // namespace sixbtc::exchange::hyperliquid
