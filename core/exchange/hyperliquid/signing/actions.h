// SPDX-License-Identifier: MIT
// Builders of the L1 exchange actions, with the key order of the reference (it is the msgpack map order).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>

#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/wirevalue.h"

namespace sixbtc::exchange::hyperliquid {

/// Time in force of a limit order: good-til-cancel, immediate-or-cancel, add-liquidity-only (post-only).
enum class Tif { Gtc, Ioc, Alo };
/// Kind of a trigger order: take profit or stop loss.
enum class TpSl { TakeProfit, StopLoss };
/// How the orders of one action relate: independent, entry with TP/SL children, TP/SL of the whole position.
enum class Grouping { Na, NormalTpsl, PositionTpsl };

struct LimitOrderType
{
    Tif tif;
};

struct TriggerOrderType
{
    bool isMarket;         ///< execute as market when triggered; the order price is then the worst accepted
    std::string triggerPx; ///< canonical wire number
    TpSl tpsl;
};

/// One order of an `order` action. Prices and sizes are canonical wire numbers (see wireformat.h).
struct OrderRequest
{
    std::uint32_t asset;
    bool isBuy;
    std::string price;
    std::string size;
    bool reduceOnly;
    std::variant<LimitOrderType, TriggerOrderType> type;
    std::optional<Cloid> cloid; ///< the "c" key is omitted when unset
};

/// Optional builder fee of an `order` action, in tenths of a basis point.
struct BuilderFee
{
    Address builder;
    std::uint32_t feeTenthsBp;
};

struct CancelRequest
{
    std::uint32_t asset;
    std::uint64_t oid;
};

struct CancelByCloidRequest
{
    std::uint32_t asset;
    Cloid cloid;
};

/// An order named by its exchange id or by its client order id.
using OrderRef = std::variant<std::uint64_t, Cloid>;

struct ModifyRequest
{
    OrderRef order;
    OrderRequest replacement;
};

/// The order wire {a, b, p, s, r, t, (c)}. \warning REQUIRE: price, size and triggerPx are canonical wire numbers.
WireValue orderWire(const OrderRequest& order);
/// {type:"order", orders, grouping, (builder)}. \warning REQUIRE: at least one order.
WireValue orderAction(std::span<const OrderRequest> orders, Grouping grouping,
                      const std::optional<BuilderFee>& builder = std::nullopt);
/// {type:"cancel", cancels:[{a, o}]}. \warning REQUIRE: at least one cancel.
WireValue cancelAction(std::span<const CancelRequest> cancels);
/// {type:"cancelByCloid", cancels:[{asset, cloid}]}. \warning REQUIRE: at least one cancel.
WireValue cancelByCloidAction(std::span<const CancelByCloidRequest> cancels);
/// {type:"modify", oid, order}.
WireValue modifyAction(const ModifyRequest& modify);
/// {type:"batchModify", modifies:[{oid, order}]}. \warning REQUIRE: at least one modify.
WireValue batchModifyAction(std::span<const ModifyRequest> modifies);
/// {type:"updateLeverage", asset, isCross, leverage}. \warning REQUIRE: leverage >= 1.
WireValue updateLeverageAction(std::uint32_t asset, bool isCross, std::uint32_t leverage);
/// {type:"updateIsolatedMargin", asset, isBuy, ntli}; ntli is USD x 1e6, signed.
WireValue updateIsolatedMarginAction(std::uint32_t asset, bool isBuy, std::int64_t ntli);
/// {type:"scheduleCancel", (time)}: without a time the dead man's switch is unset.
WireValue scheduleCancelAction(std::optional<std::uint64_t> timeMs);
/// {type:"createSubAccount", name}.
WireValue createSubAccountAction(const std::string& name);
/// {type:"subAccountTransfer", subAccountUser, isDeposit, usd}; usd is USD x 1e6; deposit = master to sub.
WireValue subAccountTransferAction(const Address& subAccount, bool isDeposit, std::uint64_t usdMicros);
/// {type:"noop"}: spends a nonce.
WireValue noopAction();

/// Wire name of a time in force: "Gtc", "Ioc", "Alo".
std::string_view tifName(Tif tif);
/// Wire name of a grouping: "na", "normalTpsl", "positionTpsl".
std::string_view groupingName(Grouping grouping);

} // namespace sixbtc::exchange::hyperliquid
