// SPDX-License-Identifier: MIT
// Inspectable state of the fake exchange: orders, fills, positions and accounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sixbtc::fakes::hyperliquid {

/// Life cycle of an order in the fake's book (the orderStatus names of hyperliquid.md section 8.1).
enum class FakeOrderState { Open, Filled, Canceled, Triggered, ScheduledCancel, ReduceOnlyCanceled };

/// The wire name of a state: "open", "filled", "canceled", "triggered", "scheduledCancel", "reduceOnlyCanceled".
std::string fakeOrderStateName(FakeOrderState state);

/// One order the fake accepted. Addresses and cloids are 0x-lowercase text.
struct FakeOrder
{
    std::uint64_t oid;
    std::string user; ///< the account (master or sub-account), never the agent
    std::uint32_t asset;
    std::string coin;
    bool isBuy;
    std::string limitPx; ///< as posted
    double size;         ///< remaining size
    double origSize;
    bool reduceOnly;
    std::string tif;                      ///< "Gtc", "Ioc", "Alo", or "" for a trigger order
    std::optional<std::string> triggerPx; ///< set for trigger orders (until triggered)
    bool triggerIsMarket;
    std::string tpsl;                       ///< "tp", "sl" or ""
    bool isPositionTpsl;                    ///< size follows the whole position when triggered
    std::optional<std::uint64_t> parentOid; ///< normalTpsl child: inactive until the parent fills
    std::optional<std::string> cloid;
    std::int64_t timestampMs;
    FakeOrderState state;
    std::int64_t stateTimestampMs;
};

/// One fill of the fake, in the userFills shape.
struct FakeFill
{
    std::string user;
    std::string coin;
    double px;
    double size;
    bool isBuy;
    std::int64_t timeMs;
    double startPosition;
    std::string dir; ///< "Open Long", "Close Long", "Open Short", "Close Short"
    double closedPnl;
    std::uint64_t oid;
    bool crossed; ///< taker
    double fee;
    std::uint64_t tid;
    std::optional<std::string> cloid;
};

/// A one-way position of an account in one asset.
struct FakePosition
{
    double szi = 0.0; ///< signed size
    double entryPx = 0.0;
};

} // namespace sixbtc::fakes::hyperliquid
