// SPDX-License-Identifier: MIT
// SqlStore: a Store over one SqlConnection, used by both backends.
#pragma once

#include <memory>

#include "storage/api/clock.h"
#include "storage/api/migration.h"
#include "storage/api/sqlbacktestrepository.h"
#include "storage/api/sqlconnection.h"
#include "storage/api/sqljobrepository.h"
#include "storage/api/sqlliverepository.h"
#include "storage/api/sqlstrategyrepository.h"
#include "storage/api/store.h"

namespace sixbtc::storage {

/// The Store of a backend: it owns the connection and runs the migrations of the connection's dialect.
class SqlStore final : public Store
{
public:
    /// Opens the store on `connection`; fails when the database is newer than this application.
    /// \warning `clock` must outlive the store.
    static common::Result<std::unique_ptr<Store>> open(std::unique_ptr<SqlConnection> connection, const Clock& clock);

    std::string describe() const override;
    common::Result<SchemaStatus> schemaStatus() override;
    common::Result<SchemaStatus> migrate() override;
    common::Result<void> inTransaction(const std::function<common::Result<void>()>& work) override;
    StrategyRepository& strategies() override { return m_strategies; }
    BacktestRepository& backtests() override { return m_backtests; }
    LiveRepository& live() override { return m_live; }
    JobRepository& jobs() override { return m_jobs; }

private:
    SqlStore(std::unique_ptr<SqlConnection> connection, const Clock& clock);

    std::unique_ptr<SqlConnection> m_connection;
    Migrator m_migrator;
    SqlStrategyRepository m_strategies;
    SqlBacktestRepository m_backtests;
    SqlLiveRepository m_live;
    SqlJobRepository m_jobs;
};

} // namespace sixbtc::storage
