// SPDX-License-Identifier: MIT
// Typed WebSocket messages and subscriptions of Hyperliquid (reference hyperliquid.md section 8).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "exchange/hyperliquid/http/infotypes.h"

namespace sixbtc::exchange::hyperliquid {

enum class SubscriptionType { AllMids, L2Book, Trades, Candle, OrderUpdates, UserEvents, UserFills };

/// One subscription object; `coin`, `interval` and `user` are set only for the types that carry them.
struct Subscription
{
    SubscriptionType type;
    std::string coin;     ///< l2Book, trades, candle
    std::string interval; ///< candle ("1m" .. "1M")
    std::string user;     ///< orderUpdates, userEvents, userFills (0x lowercase)

    /// A stable identity such as "candle:BTC:5m" or "userFills:0xabc..".
    std::string key() const;
    bool operator==(const Subscription&) const = default;
};

struct BookLevel
{
    double px;
    double sz;
    std::int64_t n;
};

/// `l2Book`: a full snapshot of the book of one coin.
struct L2Book
{
    std::string coin;
    std::int64_t timeMs;
    std::vector<BookLevel> bids;
    std::vector<BookLevel> asks;
};

struct Trade
{
    std::string coin;
    Side side;
    double px;
    double sz;
    std::int64_t timeMs;
    std::string hash;
    std::int64_t tid;
    std::vector<std::string> users; ///< [buyer, seller]
};

/// `trades`: the trades of one coin since the last message.
struct Trades
{
    std::vector<Trade> trades;
};

struct AllMidsMessage
{
    AllMids mids;
};

struct CandleMessage
{
    Candle candle;
};

struct OrderUpdate
{
    OpenOrder order;
    std::string status;
    std::int64_t statusTimestampMs;
};

struct OrderUpdates
{
    std::vector<OrderUpdate> updates;
};

/// `userFills`: the first message after subscribing is a snapshot of recent fills.
struct UserFills
{
    std::string user;
    std::vector<Fill> fills;
    bool isSnapshot; ///< false when the key is absent
};

struct Funding
{
    std::int64_t timeMs;
    std::string coin;
    double usdc;
    double szi;
    double fundingRate;
};

struct Liquidation
{
    std::int64_t lid;
    std::string liquidator;
    std::string liquidatedUser;
    double liquidatedNtlPos;
    double liquidatedAccountValue;
};

struct NonUserCancel
{
    std::string coin;
    std::int64_t oid;
};

/// `user` (the channel of userEvents): exactly one of the members is meaningful, named by `kind`.
struct UserEvent
{
    enum class Kind { Fills, Funding, Liquidation, NonUserCancel };
    Kind kind;
    std::vector<Fill> fills;
    std::optional<Funding> funding;
    std::optional<Liquidation> liquidation;
    std::vector<NonUserCancel> cancels;
};

struct Pong
{
};

/// The acknowledgement of a subscribe or unsubscribe request.
struct SubscriptionResponse
{
    std::string method;
    Subscription subscription;
};

/// `{"channel":"error","data":"<text>"}`.
struct ServerError
{
    std::string text;
};

/// The plain text `Websocket connection established.` some servers send first.
struct ConnectionEstablished
{
};

using WsMessage = std::variant<AllMidsMessage, L2Book, Trades, CandleMessage, OrderUpdates, UserFills, UserEvent, Pong,
                               SubscriptionResponse, ServerError, ConnectionEstablished>;

} // namespace sixbtc::exchange::hyperliquid
