// SPDX-License-Identifier: MIT
// LiveRepository: subaccounts, deployments, live orders and fills, risk and emergency events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/liverecords.h"

namespace sixbtc::storage {

/// The live audit trail. Order and fill writes are idempotent. Not thread-safe: one store per thread.
class LiveRepository
{
public:
    virtual ~LiveRepository() = default;

    /// Stores a subaccount (time from the clock); an address already stored is an error.
    virtual common::Result<void> addSubaccount(const Subaccount& subaccount) = 0;
    virtual common::Result<std::vector<Subaccount>> subaccounts() = 0;

    /// Starts a deployment (time from the clock) and returns its id.
    virtual common::Result<std::int64_t> startDeployment(const Deployment& deployment) = 0;
    virtual common::Result<void> stopDeployment(std::int64_t id, const std::string& reason) = 0;
    virtual common::Result<Deployment> deployment(std::int64_t id) = 0;
    /// Deployments not stopped yet, oldest first.
    virtual common::Result<std::vector<Deployment>> runningDeployments() = 0;

    /// Records an order; false when its client order id is already recorded (a replay), which changes nothing.
    virtual common::Result<bool> recordOrder(const LiveOrder& order) = 0;
    virtual common::Result<void> updateOrderStatus(const std::string& clientOrderId, const std::string& status,
                                                   const std::optional<std::string>& exchangeOrderId) = 0;
    virtual common::Result<LiveOrder> order(const std::string& clientOrderId) = 0;
    virtual common::Result<std::vector<LiveOrder>> ordersOf(std::int64_t deploymentId) = 0;

    /// Records a fill; false when its fill id is already recorded (a replay), which changes nothing.
    virtual common::Result<bool> recordFill(const LiveFill& fill) = 0;
    /// The fills of an order by fill time.
    virtual common::Result<std::vector<LiveFill>> fillsOf(const std::string& clientOrderId) = 0;

    /// Records a risk or emergency event (time from the clock) and returns its id.
    virtual common::Result<std::int64_t> recordRiskEvent(const RiskEvent& event) = 0;
    /// Events at or after sinceMs, oldest first.
    virtual common::Result<std::vector<RiskEvent>> riskEvents(std::int64_t sinceMs) = 0;
};

} // namespace sixbtc::storage
