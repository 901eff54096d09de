// SPDX-License-Identifier: MIT
// Reading the posted action JSON into the fake's typed actions.
#include "fakes/hyperliquid/fakeactionparser.h"

#include <algorithm>
#include <cctype>

#include "exchange/hyperliquid/signing/decimaltext.h"

namespace sixbtc::fakes::hyperliquid {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

tl::unexpected<common::Error> missing(std::string_view key, std::string_view what)
{
    return fail(ErrorCode::Input, "action: \"" + std::string(key) + "\" must be " + std::string(what));
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

Result<std::string> str(const OrderedJson& object, std::string_view key)
{
    const OrderedJson* value = object.find(key);
    if (!value || !value->isString())
        return missing(key, "a string");
    return *value->toString();
}

Result<bool> flag(const OrderedJson& object, std::string_view key)
{
    const OrderedJson* value = object.find(key);
    if (!value || !value->isBool())
        return missing(key, "a boolean");
    return *value->toBool();
}

Result<std::uint64_t> uint(const OrderedJson& object, std::string_view key)
{
    const OrderedJson* value = object.find(key);
    if (!value || !value->toUint64())
        return missing(key, "a non-negative integer");
    return *value->toUint64();
}

Result<std::string> cloidText(const std::string& text)
{
    if (text.size() != 34 || text.rfind("0x", 0) != 0 ||
        !std::all_of(text.begin() + 2, text.end(), [](unsigned char c) { return std::isxdigit(c) != 0; }))
        return missing("cloid", "0x + 32 hex digits");
    return lower(text);
}

Result<FakeOrderRef> orderRef(const OrderedJson& object, std::string_view key)
{
    const OrderedJson* value = object.find(key);
    if (value && value->toUint64())
        return FakeOrderRef(*value->toUint64());
    if (value && value->isString()) {
        auto cloid = cloidText(*value->toString());
        if (!cloid)
            return tl::unexpected(cloid.error());
        return FakeOrderRef(*cloid);
    }
    return missing(key, "an oid or a cloid");
}

Result<FakeOrderRequest> orderWire(const OrderedJson& wire)
{
    auto asset = uint(wire, "a");
    auto isBuy = flag(wire, "b");
    auto px = str(wire, "p");
    auto sz = str(wire, "s");
    auto reduceOnly = flag(wire, "r");
    for (const auto* part : {&px, &sz})
        if (!*part)
            return tl::unexpected(part->error());
    if (!asset || !isBuy || !reduceOnly)
        return missing("a/b/r", "present in every order");
    FakeOrderRequest request{
        static_cast<std::uint32_t>(*asset), *isBuy, *px, *sz, *reduceOnly, "", std::nullopt, false, "", std::nullopt};
    const OrderedJson* type = wire.find("t");
    const OrderedJson* limit = type ? type->find("limit") : nullptr;
    const OrderedJson* trigger = type ? type->find("trigger") : nullptr;
    if (limit) {
        auto tif = str(*limit, "tif");
        if (!tif || (*tif != "Gtc" && *tif != "Ioc" && *tif != "Alo"))
            return missing("tif", "Gtc, Ioc or Alo");
        request.tif = *tif;
    } else if (trigger) {
        auto isMarket = flag(*trigger, "isMarket");
        auto triggerPx = str(*trigger, "triggerPx");
        auto tpsl = str(*trigger, "tpsl");
        if (!isMarket || !triggerPx || !tpsl || (*tpsl != "tp" && *tpsl != "sl"))
            return missing("trigger", "{isMarket, triggerPx, tpsl: tp|sl}");
        request.triggerIsMarket = *isMarket;
        request.triggerPx = *triggerPx;
        request.tpsl = *tpsl;
    } else {
        return missing("t", "{limit:..} or {trigger:..}");
    }
    if (wire.find("c")) {
        auto cloid = str(wire, "c");
        if (!cloid)
            return tl::unexpected(cloid.error());
        auto checked = cloidText(*cloid);
        if (!checked)
            return tl::unexpected(checked.error());
        request.cloid = *checked;
    }
    return request;
}

Result<const OrderedJson::Array*> list(const OrderedJson& action, std::string_view key)
{
    const OrderedJson* value = action.find(key);
    if (!value || !value->isArray() || value->items().empty())
        return missing(key, "a non-empty array");
    return &value->items();
}

Result<FakeAction> orderAction(const OrderedJson& action)
{
    auto orders = list(action, "orders");
    auto grouping = str(action, "grouping");
    if (!orders)
        return tl::unexpected(orders.error());
    if (!grouping || (*grouping != "na" && *grouping != "normalTpsl" && *grouping != "positionTpsl"))
        return missing("grouping", "na, normalTpsl or positionTpsl");
    FakeOrderAction out{{}, *grouping};
    for (const auto& wire : **orders) {
        auto request = orderWire(wire);
        if (!request)
            return tl::unexpected(request.error());
        out.orders.push_back(std::move(*request));
    }
    return out;
}

Result<FakeAction> cancelAction(const OrderedJson& action, bool byCloid)
{
    auto cancels = list(action, "cancels");
    if (!cancels)
        return tl::unexpected(cancels.error());
    FakeCancelAction out;
    for (const auto& cancel : **cancels) {
        auto asset = uint(cancel, byCloid ? "asset" : "a");
        auto ref = orderRef(cancel, byCloid ? "cloid" : "o");
        if (!asset || !ref)
            return missing("cancels", byCloid ? "[{asset, cloid}]" : "[{a, o}]");
        out.cancels.emplace_back(static_cast<std::uint32_t>(*asset), *ref);
    }
    return out;
}

Result<std::pair<FakeOrderRef, FakeOrderRequest>> oneModify(const OrderedJson& modify)
{
    auto ref = orderRef(modify, "oid");
    const OrderedJson* wire = modify.find("order");
    if (!ref || !wire)
        return missing("modify", "{oid, order}");
    auto request = orderWire(*wire);
    if (!request)
        return tl::unexpected(request.error());
    return std::make_pair(*ref, *request);
}

Result<FakeAction> modifyAction(const OrderedJson& action, bool batch)
{
    FakeModifyAction out{{}, batch};
    if (!batch) {
        auto modify = oneModify(action);
        if (!modify)
            return tl::unexpected(modify.error());
        out.modifies.push_back(std::move(*modify));
        return out;
    }
    auto modifies = list(action, "modifies");
    if (!modifies)
        return tl::unexpected(modifies.error());
    for (const auto& item : **modifies) {
        auto modify = oneModify(item);
        if (!modify)
            return tl::unexpected(modify.error());
        out.modifies.push_back(std::move(*modify));
    }
    return out;
}

Result<FakeAction> transferAction(const OrderedJson& action)
{
    auto sub = str(action, "subAccountUser");
    auto isDeposit = flag(action, "isDeposit");
    auto usd = uint(action, "usd");
    if (!sub || !isDeposit || !usd)
        return missing("subAccountTransfer", "{subAccountUser, isDeposit, usd}");
    return FakeSubAccountTransferAction{lower(*sub), *isDeposit, *usd};
}

Result<FakeAction> userSignedAction(const OrderedJson& action, std::string_view type)
{
    if (type == "approveAgent") {
        auto agent = str(action, "agentAddress");
        if (!agent)
            return tl::unexpected(agent.error());
        const OrderedJson* name = action.find("agentName");
        return FakeApproveAgentAction{lower(*agent), name && name->isString() ? *name->toString() : std::string()};
    }
    auto destination = str(action, "destination");
    auto amount = str(action, "amount");
    if (!destination || !amount || !exchange::hyperliquid::DecimalText::parse(*amount))
        return missing("usdSend", "{destination, amount (decimal string)}");
    return FakeUsdSendAction{lower(*destination), std::stod(*amount)};
}

} // namespace

Result<FakeAction> parseFakeAction(const OrderedJson& action)
{
    auto type = str(action, "type");
    if (!type)
        return tl::unexpected(type.error());
    if (*type == "order")
        return orderAction(action);
    if (*type == "cancel" || *type == "cancelByCloid")
        return cancelAction(action, *type == "cancelByCloid");
    if (*type == "modify" || *type == "batchModify")
        return modifyAction(action, *type == "batchModify");
    if (*type == "updateLeverage") {
        auto asset = uint(action, "asset");
        auto isCross = flag(action, "isCross");
        auto leverage = uint(action, "leverage");
        if (!asset || !isCross || !leverage)
            return missing("updateLeverage", "{asset, isCross, leverage}");
        return FakeLeverageAction{static_cast<std::uint32_t>(*asset), *isCross, static_cast<int>(*leverage)};
    }
    if (*type == "scheduleCancel") {
        if (!action.find("time"))
            return FakeScheduleCancelAction{std::nullopt};
        auto time = uint(action, "time");
        if (!time)
            return tl::unexpected(time.error());
        return FakeScheduleCancelAction{static_cast<std::int64_t>(*time)};
    }
    if (*type == "createSubAccount") {
        auto name = str(action, "name");
        if (!name)
            return tl::unexpected(name.error());
        return FakeCreateSubAccountAction{*name};
    }
    if (*type == "subAccountTransfer")
        return transferAction(action);
    if (*type == "approveAgent" || *type == "usdSend")
        return userSignedAction(action, *type);
    if (*type == "noop")
        return FakeNoopAction{};
    return fail(ErrorCode::Input, "action: unknown type \"" + *type + "\"");
}

std::size_t statusCount(const OrderedJson& action)
{
    for (const char* key : {"orders", "cancels", "modifies"}) {
        if (const OrderedJson* value = action.find(key))
            return value->items().size();
    }
    return 0;
}

} // namespace sixbtc::fakes::hyperliquid
