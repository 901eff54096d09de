// SPDX-License-Identifier: MIT
// SqlBacktestRepository: BacktestRepository over any SqlConnection.
#pragma once

#include "storage/api/backtestrepository.h"
#include "storage/api/clock.h"
#include "storage/api/sqlconnection.h"

namespace sixbtc::storage {

/// Stored backtests written once for every backend; bulk writes use multi-row statements.
class SqlBacktestRepository final : public BacktestRepository
{
public:
    SqlBacktestRepository(SqlConnection& connection, const Clock& clock);

    common::Result<std::int64_t> insertRun(const BacktestRun& run) override;
    common::Result<std::vector<std::int64_t>> insertRuns(const std::vector<BacktestRun>& runs) override;
    common::Result<BacktestRun> run(std::int64_t id) override;
    common::Result<std::vector<BacktestRun>> runsOf(const std::string& strategyUuid) override;
    common::Result<std::vector<BacktestRun>> recentRuns(std::int64_t limit) override;
    common::Result<void> addWindowResults(std::int64_t runId, const std::vector<WindowResult>& windows) override;
    common::Result<std::vector<WindowResult>> windowResults(std::int64_t runId) override;
    common::Result<void> addEquityCurve(std::int64_t runId, const std::vector<EquityPoint>& points) override;
    common::Result<std::vector<EquityPoint>> equityCurve(std::int64_t runId) override;
    common::Result<void> addTrades(std::int64_t runId, const std::vector<TradeRecord>& trades) override;
    common::Result<std::vector<TradeRecord>> trades(std::int64_t runId) override;
    common::Result<void> addWalkForwardWindows(std::int64_t runId,
                                               const std::vector<WalkForwardWindow>& windows) override;
    common::Result<std::vector<WalkForwardWindow>> walkForwardWindows(std::int64_t runId) override;

private:
    /// The runs selected by `clauses` (the WHERE, ORDER BY and LIMIT text after the table name).
    common::Result<std::vector<BacktestRun>> selectRuns(const std::string& clauses, const SqlParams& params);
    /// Inserts `rowCount` rows of `columnCount` values each, in multi-row statements, in one transaction.
    common::Result<void> insertRows(const std::string& table, const std::string& columns, std::size_t columnCount,
                                    std::size_t rowCount, const SqlParams& values);

    SqlConnection& m_connection;
    const Clock& m_clock;
};

} // namespace sixbtc::storage
