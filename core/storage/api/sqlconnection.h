// SPDX-License-Identifier: MIT
// SqlConnection: the small SQL surface a backend provides, so that the repositories are written once.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "common/error.h"
#include "storage/api/sqlrow.h"

namespace sixbtc::storage {

/// The SQL flavour of a connection; it decides column types and a few catalog queries.
enum class Dialect { Sqlite, Postgres };

/// One connection to one database. Statements use $1..$n placeholders and are prepared once per connection.
/// Backend exceptions never leave an implementation: every failure is an Error with ErrorCode::Database.
class SqlConnection
{
public:
    virtual ~SqlConnection() = default;

    virtual Dialect dialect() const = 0;
    /// e.g. "SQLite file /home/u/sixbtc.db"; used in every error message.
    virtual std::string describe() const = 0;

    /// Runs statements without parameters (schema definitions only).
    virtual common::Result<void> executeScript(const std::string& sql) = 0;
    /// Runs one parameterised statement and returns its rows.
    virtual common::Result<std::vector<SqlRow>> query(const std::string& sql, const SqlParams& params) = 0;
    /// Runs one parameterised statement and returns the number of rows it changed.
    virtual common::Result<std::int64_t> execute(const std::string& sql, const SqlParams& params) = 0;

    /// Starts a write transaction. \warning Not while one is open.
    virtual common::Result<void> begin() = 0;
    virtual common::Result<void> commit() = 0;
    /// Rolls back the open transaction; a no-op when none is open.
    virtual common::Result<void> rollback() = 0;
    virtual bool inTransaction() const = 0;
};

/// Runs `work` in a transaction of `connection`, or inside the one already open (then the outer one commits).
/// Commits when `work` succeeds, rolls back when it fails.
template <typename Work>
auto withTransaction(SqlConnection& connection, Work&& work) -> decltype(work())
{
    if (connection.inTransaction())
        return work();
    if (auto begun = connection.begin(); !begun)
        return tl::unexpected(begun.error());
    auto result = work();
    if (!result) {
        if (auto rolledBack = connection.rollback(); !rolledBack)
            result.error().details.push_back("rollback failed too: " + rolledBack.error().message);
        return result;
    }
    if (auto committed = connection.commit(); !committed)
        return tl::unexpected(committed.error());
    return result;
}

} // namespace sixbtc::storage
