// SPDX-License-Identifier: MIT
// Store: one open database with its schema version and its repositories.
#pragma once

#include <functional>
#include <string>

#include "common/error.h"
#include "storage/api/backtestrepository.h"
#include "storage/api/jobrepository.h"
#include "storage/api/liverepository.h"
#include "storage/api/strategyrepository.h"

namespace sixbtc::storage {

/// The schema version of a database and the one this application needs.
struct SchemaStatus
{
    int current = 0; ///< 0 for an empty database
    int target = 0;

    bool operator==(const SchemaStatus&) const = default;
};

/// An open database. Opening refuses a database newer than the application; repositories need migrate() first.
/// Not thread-safe: open one store per thread or process.
class Store
{
public:
    virtual ~Store() = default;

    /// e.g. "SQLite file /home/u/sixbtc.db" or "PostgreSQL sixbtc@127.0.0.1:5432/sixbtc".
    virtual std::string describe() const = 0;
    virtual common::Result<SchemaStatus> schemaStatus() = 0;
    /// Applies every missing migration, each in its own transaction; returns the resulting status.
    virtual common::Result<SchemaStatus> migrate() = 0;

    /// Runs `work` in one transaction: committed when it succeeds, rolled back when it fails.
    /// Repository calls inside it join that transaction.
    virtual common::Result<void> inTransaction(const std::function<common::Result<void>()>& work) = 0;

    virtual StrategyRepository& strategies() = 0;
    virtual BacktestRepository& backtests() = 0;
    virtual LiveRepository& live() = 0;
    virtual JobRepository& jobs() = 0;
};

} // namespace sixbtc::storage
