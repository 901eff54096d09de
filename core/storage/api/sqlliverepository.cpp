// SPDX-License-Identifier: MIT
// The live audit trail over SQL.
#include "storage/api/sqlliverepository.h"

namespace sixbtc::storage {

using common::ErrorCode;
using common::Result;

namespace {

constexpr const char* kDeploymentColumns = "id, strategy_uuid, subaccount_address, allocation_usd, started_at_ms, "
                                           "stopped_at_ms, stop_reason";
constexpr const char* kOrderColumns = "client_order_id, deployment_id, symbol, side, order_type, size, price, "
                                      "reduce_only, status, exchange_order_id, created_at_ms, updated_at_ms";

common::Error prefixed(const std::string& what, const common::Error& error)
{
    return common::Error{error.code, what + ": " + error.message, error.details};
}

} // namespace

std::string_view sideName(Side side)
{
    return side == Side::Buy ? "buy" : "sell";
}

SqlLiveRepository::SqlLiveRepository(SqlConnection& connection, const Clock& clock)
    : m_connection(connection)
    , m_clock(clock)
{
}

Result<void> SqlLiveRepository::addSubaccount(const Subaccount& subaccount)
{
    auto inserted = m_connection.execute("INSERT INTO subaccounts (address, label, created_at_ms) VALUES ($1, $2, $3)",
                                         {subaccount.address, subaccount.label, m_clock.nowMs()});
    if (!inserted)
        return tl::unexpected(prefixed("cannot store subaccount " + subaccount.address, inserted.error()));
    return {};
}

Result<std::vector<Subaccount>> SqlLiveRepository::subaccounts()
{
    auto rows = m_connection.query("SELECT address, label, created_at_ms FROM subaccounts ORDER BY address", {});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<Subaccount> subaccounts;
    for (const SqlRow& row : *rows)
        subaccounts.push_back(Subaccount{row.text(0), row.text(1), row.integer(2)});
    return subaccounts;
}

Result<std::int64_t> SqlLiveRepository::startDeployment(const Deployment& deployment)
{
    auto rows = m_connection.query(
        "INSERT INTO deployments (strategy_uuid, subaccount_address, allocation_usd, "
        "started_at_ms, stop_reason) VALUES ($1, $2, $3, $4, '') RETURNING id",
        {deployment.strategyUuid, deployment.subaccountAddress, deployment.allocationUsd, m_clock.nowMs()});
    if (!rows)
        return tl::unexpected(prefixed("cannot deploy strategy " + deployment.strategyUuid, rows.error()));
    return rows->front().integer(0);
}

Result<void> SqlLiveRepository::stopDeployment(std::int64_t id, const std::string& reason)
{
    auto updated = m_connection.execute("UPDATE deployments SET stopped_at_ms = $1, stop_reason = $2 "
                                        "WHERE id = $3 AND stopped_at_ms IS NULL",
                                        {m_clock.nowMs(), reason, id});
    if (!updated)
        return tl::unexpected(updated.error());
    if (*updated == 0)
        return common::fail(ErrorCode::Input, "no running deployment with id " + std::to_string(id));
    return {};
}

Result<std::vector<Deployment>> SqlLiveRepository::selectDeployments(const std::string& where, const SqlParams& params)
{
    auto rows = m_connection.query(
        std::string("SELECT ") + kDeploymentColumns + " FROM deployments WHERE " + where + " ORDER BY id", params);
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<Deployment> deployments;
    for (const SqlRow& r : *rows)
        deployments.push_back(
            Deployment{r.integer(0), r.text(1), r.text(2), r.real(3), r.integer(4), r.optionalInteger(5), r.text(6)});
    return deployments;
}

Result<Deployment> SqlLiveRepository::deployment(std::int64_t id)
{
    auto deployments = selectDeployments("id = $1", {id});
    if (!deployments)
        return tl::unexpected(deployments.error());
    if (deployments->empty())
        return common::fail(ErrorCode::Input, "no deployment with id " + std::to_string(id));
    return deployments->front();
}

Result<std::vector<Deployment>> SqlLiveRepository::runningDeployments()
{
    return selectDeployments("stopped_at_ms IS NULL", {});
}

Result<bool> SqlLiveRepository::recordOrder(const LiveOrder& order)
{
    const std::int64_t nowMs = m_clock.nowMs();
    auto inserted = m_connection.execute(
        std::string("INSERT INTO live_orders (") + kOrderColumns +
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (client_order_id) DO NOTHING",
        {order.clientOrderId, order.deploymentId, order.symbol, std::string(sideName(order.side)), order.orderType,
         order.size, sqlOptional(order.price), std::int64_t(order.reduceOnly ? 1 : 0), order.status,
         sqlOptional(order.exchangeOrderId), nowMs, nowMs});
    if (!inserted)
        return tl::unexpected(prefixed("cannot record order " + order.clientOrderId, inserted.error()));
    return *inserted == 1;
}

Result<void> SqlLiveRepository::updateOrderStatus(const std::string& clientOrderId, const std::string& status,
                                                  const std::optional<std::string>& exchangeOrderId)
{
    auto updated =
        m_connection.execute("UPDATE live_orders SET status = $1, exchange_order_id = COALESCE($2, exchange_order_id), "
                             "updated_at_ms = $3 WHERE client_order_id = $4",
                             {status, sqlOptional(exchangeOrderId), m_clock.nowMs(), clientOrderId});
    if (!updated)
        return tl::unexpected(updated.error());
    if (*updated == 0)
        return common::fail(ErrorCode::Input, "no order with client order id " + clientOrderId);
    return {};
}

Result<std::vector<LiveOrder>> SqlLiveRepository::selectOrders(const std::string& where, const SqlParams& params)
{
    auto rows = m_connection.query(std::string("SELECT ") + kOrderColumns + " FROM live_orders WHERE " + where +
                                       " ORDER BY created_at_ms, client_order_id",
                                   params);
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<LiveOrder> orders;
    for (const SqlRow& r : *rows)
        orders.push_back(LiveOrder{r.text(0), r.integer(1), r.text(2), r.text(3) == "buy" ? Side::Buy : Side::Sell,
                                   r.text(4), r.real(5), r.optionalReal(6), r.integer(7) != 0, r.text(8),
                                   r.optionalText(9), r.integer(10), r.integer(11)});
    return orders;
}

Result<LiveOrder> SqlLiveRepository::order(const std::string& clientOrderId)
{
    auto orders = selectOrders("client_order_id = $1", {clientOrderId});
    if (!orders)
        return tl::unexpected(orders.error());
    if (orders->empty())
        return common::fail(ErrorCode::Input, "no order with client order id " + clientOrderId);
    return orders->front();
}

Result<std::vector<LiveOrder>> SqlLiveRepository::ordersOf(std::int64_t deploymentId)
{
    return selectOrders("deployment_id = $1", {deploymentId});
}

Result<bool> SqlLiveRepository::recordFill(const LiveFill& fill)
{
    auto inserted =
        m_connection.execute("INSERT INTO live_fills (fill_id, client_order_id, size, price, fee, time_ms) "
                             "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (fill_id) DO NOTHING",
                             {fill.fillId, fill.clientOrderId, fill.size, fill.price, fill.fee, fill.timeMs});
    if (!inserted)
        return tl::unexpected(prefixed("cannot record fill " + fill.fillId, inserted.error()));
    return *inserted == 1;
}

Result<std::vector<LiveFill>> SqlLiveRepository::fillsOf(const std::string& clientOrderId)
{
    auto rows = m_connection.query("SELECT fill_id, client_order_id, size, price, fee, time_ms FROM live_fills "
                                   "WHERE client_order_id = $1 ORDER BY time_ms, fill_id",
                                   {clientOrderId});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<LiveFill> fills;
    for (const SqlRow& r : *rows)
        fills.push_back(LiveFill{r.text(0), r.text(1), r.real(2), r.real(3), r.real(4), r.integer(5)});
    return fills;
}

Result<std::int64_t> SqlLiveRepository::recordRiskEvent(const RiskEvent& event)
{
    auto rows = m_connection.query("INSERT INTO risk_events (at_ms, kind, severity, deployment_id, message, details) "
                                   "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                   {m_clock.nowMs(), event.kind, event.severity, sqlOptional(event.deploymentId),
                                    event.message, event.detailsJson});
    if (!rows)
        return tl::unexpected(prefixed("cannot record risk event " + event.kind, rows.error()));
    return rows->front().integer(0);
}

Result<std::vector<RiskEvent>> SqlLiveRepository::riskEvents(std::int64_t sinceMs)
{
    auto rows = m_connection.query("SELECT id, at_ms, kind, severity, deployment_id, message, details "
                                   "FROM risk_events WHERE at_ms >= $1 ORDER BY at_ms, id",
                                   {sinceMs});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<RiskEvent> events;
    for (const SqlRow& r : *rows)
        events.push_back(
            RiskEvent{r.integer(0), r.integer(1), r.text(2), r.text(3), r.optionalInteger(4), r.text(5), r.text(6)});
    return events;
}

} // namespace sixbtc::storage
