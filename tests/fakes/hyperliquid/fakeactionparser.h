// SPDX-License-Identifier: MIT
// The /exchange actions the fake serves, read from the posted (order-preserving) action JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "common/error.h"
#include "fakes/hyperliquid/fakeledger.h"
#include "fakes/hyperliquid/orderedjson.h"

namespace sixbtc::fakes::hyperliquid {

struct FakeOrderAction
{
    std::vector<FakeOrderRequest> orders;
    std::string grouping; ///< "na", "normalTpsl", "positionTpsl"
};

/// cancel (by oid) and cancelByCloid alike.
struct FakeCancelAction
{
    std::vector<std::pair<std::uint32_t, FakeOrderRef>> cancels;
};

/// modify (one, answered "default") or batchModify (answered with statuses).
struct FakeModifyAction
{
    std::vector<std::pair<FakeOrderRef, FakeOrderRequest>> modifies;
    bool batch;
};

struct FakeLeverageAction
{
    std::uint32_t asset;
    bool isCross;
    int leverage;
};

struct FakeScheduleCancelAction
{
    std::optional<std::int64_t> timeMs;
};

struct FakeCreateSubAccountAction
{
    std::string name;
};

struct FakeSubAccountTransferAction
{
    std::string subAccount;
    bool isDeposit;
    std::uint64_t usdMicros;
};

struct FakeApproveAgentAction
{
    std::string agent;
    std::string name; ///< "" for the unnamed agent
};

struct FakeUsdSendAction
{
    std::string destination;
    double amount;
};

struct FakeNoopAction
{
};

using FakeAction = std::variant<FakeOrderAction, FakeCancelAction, FakeModifyAction, FakeLeverageAction,
                                FakeScheduleCancelAction, FakeCreateSubAccountAction, FakeSubAccountTransferAction,
                                FakeApproveAgentAction, FakeUsdSendAction, FakeNoopAction>;

/// Reads an action by its `type`; a missing or mistyped key, or an unknown type, is an error naming it.
/// Addresses and cloids come out lowercase.
common::Result<FakeAction> parseFakeAction(const OrderedJson& action);

/// Number of statuses the answer to `action` carries (orders, cancels or modifies), 0 for other types.
std::size_t statusCount(const OrderedJson& action);

} // namespace sixbtc::fakes::hyperliquid
