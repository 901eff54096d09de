// SPDX-License-Identifier: MIT
// Value types of the live audit trail: subaccounts, deployments, orders, fills, risk and emergency events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sixbtc::storage {

/// An exchange subaccount that strategies are deployed to.
struct Subaccount
{
    std::string address; ///< 0x-prefixed hex
    std::string label;
    std::int64_t createdAtMs = 0; ///< set by the store from its clock
};

/// One strategy running on one subaccount.
struct Deployment
{
    std::int64_t id = 0; ///< set by the store
    std::string strategyUuid;
    std::string subaccountAddress;
    double allocationUsd = 0.0;
    std::int64_t startedAtMs = 0;            ///< set by the store from its clock
    std::optional<std::int64_t> stoppedAtMs; ///< set by stopDeployment
    std::string stopReason;
};

enum class Side { Buy, Sell };

/// An order sent to the exchange; the client order id makes a replay harmless.
struct LiveOrder
{
    std::string clientOrderId;
    std::int64_t deploymentId = 0;
    std::string symbol;
    Side side = Side::Buy;
    std::string orderType; ///< e.g. limit, market, stop_market
    double size = 0.0;
    std::optional<double> price;
    bool reduceOnly = false;
    std::string status; ///< e.g. sent, open, filled, cancelled, rejected
    std::optional<std::string> exchangeOrderId;
    std::int64_t createdAtMs = 0; ///< set by the store from its clock
    std::int64_t updatedAtMs = 0; ///< set by the store from its clock

    bool operator==(const LiveOrder&) const = default;
};

/// One fill of an order; the exchange's fill id makes a replay harmless.
struct LiveFill
{
    std::string fillId;
    std::string clientOrderId;
    double size = 0.0;
    double price = 0.0;
    double fee = 0.0;
    std::int64_t timeMs = 0; ///< the exchange's fill time

    bool operator==(const LiveFill&) const = default;
};

/// A risk gate decision or an emergency stop.
struct RiskEvent
{
    std::int64_t id = 0;   ///< set by the store
    std::int64_t atMs = 0; ///< set by the store from its clock
    std::string kind;      ///< e.g. emergency_stop, order_blocked, limit_breach
    std::string severity;  ///< info | warning | critical
    std::optional<std::int64_t> deploymentId;
    std::string message;
    std::string detailsJson;

    bool operator==(const RiskEvent&) const = default;
};

std::string_view sideName(Side side);

} // namespace sixbtc::storage
