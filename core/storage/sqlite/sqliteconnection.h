// SPDX-License-Identifier: MIT
// SqliteConnection: SqlConnection over the sqlite3 C API (WAL, foreign keys on, busy timeout from config).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "config/settings.h"
#include "storage/api/sqlconnection.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sixbtc::storage::sqlite {

/// One connection to one SQLite file; statements are prepared once and reused.
class SqliteConnection final : public SqlConnection
{
public:
    /// Opens (creating when missing) the file and sets busy timeout, foreign keys and WAL.
    static common::Result<std::unique_ptr<SqlConnection>> open(const config::SqliteSettings& settings);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Dialect dialect() const override { return Dialect::Sqlite; }
    std::string describe() const override;
    common::Result<void> executeScript(const std::string& sql) override;
    common::Result<std::vector<SqlRow>> query(const std::string& sql, const SqlParams& params) override;
    common::Result<std::int64_t> execute(const std::string& sql, const SqlParams& params) override;
    /// BEGIN IMMEDIATE: the write lock is taken at once, so concurrent writers wait up to the busy timeout.
    common::Result<void> begin() override;
    common::Result<void> commit() override;
    common::Result<void> rollback() override;
    bool inTransaction() const override;

private:
    SqliteConnection(sqlite3* db, const config::SqliteSettings& settings);
    /// A prepared statement with the bind index of each of its parameters $1..$n.
    struct Statement
    {
        sqlite3_stmt* handle;
        std::vector<int> indexes;
    };
    common::Result<const Statement*> prepared(const std::string& sql);
    common::Result<void> run(const std::string& sql, const SqlParams& params, std::vector<SqlRow>* rows);
    common::Error error(int code, const std::string& sql) const;

    sqlite3* m_db;
    std::filesystem::path m_path;
    int m_busyTimeoutMs;
    std::unordered_map<std::string, Statement> m_statements;
};

} // namespace sixbtc::storage::sqlite
