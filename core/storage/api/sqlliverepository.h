// SPDX-License-Identifier: MIT
// SqlLiveRepository: LiveRepository over any SqlConnection.
#pragma once

#include "storage/api/clock.h"
#include "storage/api/liverepository.h"
#include "storage/api/sqlconnection.h"

namespace sixbtc::storage {

/// The live audit trail written once for every backend; order and fill writes use ON CONFLICT DO NOTHING.
class SqlLiveRepository final : public LiveRepository
{
public:
    SqlLiveRepository(SqlConnection& connection, const Clock& clock);

    common::Result<void> addSubaccount(const Subaccount& subaccount) override;
    common::Result<std::vector<Subaccount>> subaccounts() override;
    common::Result<std::int64_t> startDeployment(const Deployment& deployment) override;
    common::Result<void> stopDeployment(std::int64_t id, const std::string& reason) override;
    common::Result<Deployment> deployment(std::int64_t id) override;
    common::Result<std::vector<Deployment>> runningDeployments() override;
    common::Result<bool> recordOrder(const LiveOrder& order) override;
    common::Result<void> updateOrderStatus(const std::string& clientOrderId, const std::string& status,
                                           const std::optional<std::string>& exchangeOrderId) override;
    common::Result<LiveOrder> order(const std::string& clientOrderId) override;
    common::Result<std::vector<LiveOrder>> ordersOf(std::int64_t deploymentId) override;
    common::Result<bool> recordFill(const LiveFill& fill) override;
    common::Result<std::vector<LiveFill>> fillsOf(const std::string& clientOrderId) override;
    common::Result<std::int64_t> recordRiskEvent(const RiskEvent& event) override;
    common::Result<std::vector<RiskEvent>> riskEvents(std::int64_t sinceMs) override;

private:
    common::Result<std::vector<Deployment>> selectDeployments(const std::string& where, const SqlParams& params);
    common::Result<std::vector<LiveOrder>> selectOrders(const std::string& where, const SqlParams& params);

    SqlConnection& m_connection;
    const Clock& m_clock;
};

} // namespace sixbtc::storage
