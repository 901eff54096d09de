// SPDX-License-Identifier: MIT
// Typed answers of POST /info (reference hyperliquid.md section 3). Prices and sizes are parsed from decimal strings.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sixbtc::exchange::hyperliquid {

/// One perp of `meta.universe`; its position in the universe is its asset index.
struct AssetInfo
{
    std::string name;
    int szDecimals;
    int maxLeverage;
    bool onlyIsolated; ///< false when the key is absent
    bool isDelisted;   ///< false when the key is absent
};

/// `meta`: the perp universe, in asset-index order (delisted assets included).
struct Meta
{
    std::vector<AssetInfo> universe;
};

/// One entry of `metaAndAssetCtxs[1]`, belonging to the asset of the same index.
struct AssetContext
{
    double prevDayPx;
    double dayNtlVlm;
    double markPx;
    std::optional<double> midPx;
    double funding;
    double openInterest;
    double oraclePx;
};

struct MetaAndAssetContexts
{
    Meta meta;
    std::vector<AssetContext> contexts; ///< same length as meta.universe
};

/// `allMids`: mid price per coin name (spot pairs appear as "@index").
using AllMids = std::map<std::string, double>;

struct MarginSummary
{
    double accountValue;
    double totalNtlPos;
    double totalRawUsd;
    double totalMarginUsed;
};

struct Position
{
    std::string coin;
    double szi; ///< signed size: negative = short
    std::optional<double> entryPx;
    bool crossLeverage; ///< leverage.type == "cross"
    int leverage;
    double positionValue;
    double unrealizedPnl;
    std::optional<double> liquidationPx;
    double marginUsed;
};

/// `clearinghouseState`: the perp account of one address.
struct ClearinghouseState
{
    MarginSummary marginSummary;
    MarginSummary crossMarginSummary;
    double withdrawable;
    std::int64_t timeMs;
    std::vector<Position> positions;
};

enum class Side { Buy, Sell };

/// One resting order of `openOrders`.
struct OpenOrder
{
    std::string coin;
    Side side;
    double limitPx;
    double sz;
    std::int64_t oid;
    std::int64_t timestampMs;
    double origSz;
    std::optional<std::string> cloid;
    bool reduceOnly; ///< false when the key is absent
};

/// One candle of `candleSnapshot`.
struct Candle
{
    std::int64_t openTimeMs;  ///< t
    std::int64_t closeTimeMs; ///< T
    std::string coin;         ///< s
    std::string interval;     ///< i
    double open;
    double high;
    double low;
    double close;
    double volume; ///< base volume
    std::int64_t trades;
};

/// One fill of `userFills`.
struct Fill
{
    std::string coin;
    double px;
    double sz;
    Side side;
    std::int64_t timeMs;
    std::string dir;
    double closedPnl;
    std::int64_t oid;
    std::int64_t tid;
    bool crossed;
    double fee;
    std::optional<std::string> cloid;
};

/// `orderStatus`: `found` is false for the answer {"status":"unknownOid"}.
struct OrderStatus
{
    bool found;
    std::optional<OpenOrder> order; ///< set when found
    std::string status;             ///< "open", "filled", "canceled", ... (empty when not found)
    std::int64_t statusTimestampMs; ///< 0 when not found
};

/// One entry of `subAccounts`.
struct SubAccount
{
    std::string name;
    std::string subAccountUser;
    std::string master;
    ClearinghouseState clearinghouseState;
};

} // namespace sixbtc::exchange::hyperliquid
