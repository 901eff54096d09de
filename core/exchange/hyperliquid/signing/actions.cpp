// SPDX-License-Identifier: MIT
// Builders of the L1 exchange actions.
#include "exchange/hyperliquid/signing/actions.h"

#include "common/require.h"
#include "exchange/hyperliquid/signing/wireformat.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

WireValue typed(std::string_view type)
{
    WireValue action = WireValue::map();
    action.add("type", WireValue::string(std::string(type)));
    return action;
}

WireValue orderType(const std::variant<LimitOrderType, TriggerOrderType>& type)
{
    WireValue inner = WireValue::map();
    WireValue outer = WireValue::map();
    if (const auto* limit = std::get_if<LimitOrderType>(&type)) {
        inner.add("tif", WireValue::string(std::string(tifName(limit->tif))));
        outer.add("limit", std::move(inner));
    } else {
        const auto& trigger = std::get<TriggerOrderType>(type);
        SIXBTC_REQUIRE(isCanonicalWireNumber(trigger.triggerPx));
        inner.add("isMarket", WireValue::boolean(trigger.isMarket));
        inner.add("triggerPx", WireValue::string(trigger.triggerPx));
        inner.add("tpsl", WireValue::string(trigger.tpsl == TpSl::TakeProfit ? "tp" : "sl"));
        outer.add("trigger", std::move(inner));
    }
    return outer;
}

WireValue orderRef(const OrderRef& ref)
{
    if (const auto* oid = std::get_if<std::uint64_t>(&ref))
        return WireValue::unsignedInteger(*oid);
    return WireValue::string(std::get<Cloid>(ref).toHex());
}

} // namespace

std::string_view tifName(Tif tif)
{
    switch (tif) {
    case Tif::Gtc: return "Gtc";
    case Tif::Ioc: return "Ioc";
    case Tif::Alo: return "Alo";
    }
    return "Gtc";
}

std::string_view groupingName(Grouping grouping)
{
    switch (grouping) {
    case Grouping::Na: return "na";
    case Grouping::NormalTpsl: return "normalTpsl";
    case Grouping::PositionTpsl: return "positionTpsl";
    }
    return "na";
}

WireValue orderWire(const OrderRequest& order)
{
    SIXBTC_REQUIRE(isCanonicalWireNumber(order.price));
    SIXBTC_REQUIRE(isCanonicalWireNumber(order.size));
    WireValue wire = WireValue::map();
    wire.add("a", WireValue::unsignedInteger(order.asset));
    wire.add("b", WireValue::boolean(order.isBuy));
    wire.add("p", WireValue::string(order.price));
    wire.add("s", WireValue::string(order.size));
    wire.add("r", WireValue::boolean(order.reduceOnly));
    wire.add("t", orderType(order.type));
    if (order.cloid)
        wire.add("c", WireValue::string(order.cloid->toHex()));
    return wire;
}

WireValue orderAction(std::span<const OrderRequest> orders, Grouping grouping, const std::optional<BuilderFee>& builder)
{
    SIXBTC_REQUIRE(!orders.empty());
    WireValue::Array wires;
    wires.reserve(orders.size());
    for (const auto& order : orders)
        wires.push_back(orderWire(order));
    WireValue action = typed("order");
    action.add("orders", WireValue::array(std::move(wires)));
    action.add("grouping", WireValue::string(std::string(groupingName(grouping))));
    if (builder) {
        WireValue fee = WireValue::map();
        fee.add("b", WireValue::string(builder->builder.toHex()));
        fee.add("f", WireValue::unsignedInteger(builder->feeTenthsBp));
        action.add("builder", std::move(fee));
    }
    return action;
}

WireValue cancelAction(std::span<const CancelRequest> cancels)
{
    SIXBTC_REQUIRE(!cancels.empty());
    WireValue::Array items;
    for (const auto& cancel : cancels) {
        WireValue item = WireValue::map();
        item.add("a", WireValue::unsignedInteger(cancel.asset));
        item.add("o", WireValue::unsignedInteger(cancel.oid));
        items.push_back(std::move(item));
    }
    WireValue action = typed("cancel");
    action.add("cancels", WireValue::array(std::move(items)));
    return action;
}

WireValue cancelByCloidAction(std::span<const CancelByCloidRequest> cancels)
{
    SIXBTC_REQUIRE(!cancels.empty());
    WireValue::Array items;
    for (const auto& cancel : cancels) {
        WireValue item = WireValue::map();
        item.add("asset", WireValue::unsignedInteger(cancel.asset));
        item.add("cloid", WireValue::string(cancel.cloid.toHex()));
        items.push_back(std::move(item));
    }
    WireValue action = typed("cancelByCloid");
    action.add("cancels", WireValue::array(std::move(items)));
    return action;
}

WireValue modifyAction(const ModifyRequest& modify)
{
    WireValue action = typed("modify");
    action.add("oid", orderRef(modify.order));
    action.add("order", orderWire(modify.replacement));
    return action;
}

WireValue batchModifyAction(std::span<const ModifyRequest> modifies)
{
    SIXBTC_REQUIRE(!modifies.empty());
    WireValue::Array items;
    for (const auto& modify : modifies) {
        WireValue item = WireValue::map();
        item.add("oid", orderRef(modify.order));
        item.add("order", orderWire(modify.replacement));
        items.push_back(std::move(item));
    }
    WireValue action = typed("batchModify");
    action.add("modifies", WireValue::array(std::move(items)));
    return action;
}

WireValue updateLeverageAction(std::uint32_t asset, bool isCross, std::uint32_t leverage)
{
    SIXBTC_REQUIRE(leverage >= 1);
    WireValue action = typed("updateLeverage");
    action.add("asset", WireValue::unsignedInteger(asset));
    action.add("isCross", WireValue::boolean(isCross));
    action.add("leverage", WireValue::unsignedInteger(leverage));
    return action;
}

WireValue updateIsolatedMarginAction(std::uint32_t asset, bool isBuy, std::int64_t ntli)
{
    WireValue action = typed("updateIsolatedMargin");
    action.add("asset", WireValue::unsignedInteger(asset));
    action.add("isBuy", WireValue::boolean(isBuy));
    action.add("ntli", WireValue::integer(ntli));
    return action;
}

WireValue scheduleCancelAction(std::optional<std::uint64_t> timeMs)
{
    WireValue action = typed("scheduleCancel");
    if (timeMs)
        action.add("time", WireValue::unsignedInteger(*timeMs));
    return action;
}

WireValue createSubAccountAction(const std::string& name)
{
    WireValue action = typed("createSubAccount");
    action.add("name", WireValue::string(name));
    return action;
}

WireValue subAccountTransferAction(const Address& subAccount, bool isDeposit, std::uint64_t usdMicros)
{
    WireValue action = typed("subAccountTransfer");
    action.add("subAccountUser", WireValue::string(subAccount.toHex()));
    action.add("isDeposit", WireValue::boolean(isDeposit));
    action.add("usd", WireValue::unsignedInteger(usdMicros));
    return action;
}

WireValue noopAction()
{
    return typed("noop");
}

} // namespace sixbtc::exchange::hyperliquid
