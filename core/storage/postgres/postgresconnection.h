// SPDX-License-Identifier: MIT
// PostgresConnection: SqlConnection over libpqxx; no libpqxx exception leaves this class.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "config/settings.h"
#include "storage/api/sqlconnection.h"
#include "storage/postgres/keyring.h"

namespace sixbtc::storage::postgres {

/// One connection to one PostgreSQL database. The password is never configured: libpq reads PGPASSWORD or
/// ~/.pgpass; when the server wants a password neither holds, it comes from the keyring (see keyring.h) and is
/// passed to libpq without being logged. Statements are prepared once per connection.
class PostgresConnection final : public SqlConnection
{
public:
    /// Connects within settings.connectTimeoutS with the OS keyring (SystemKeyring) as the third password source;
    /// a Database error names the server when it cannot.
    static common::Result<std::unique_ptr<SqlConnection>> open(const config::PostgresSettings& settings);
    /// As above with `keyring` as the third password source; it is asked only when the server wants a password
    /// and PGPASSWORD is unset and ~/.pgpass has none.
    static common::Result<std::unique_ptr<SqlConnection>> open(const config::PostgresSettings& settings,
                                                               Keyring& keyring);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Dialect dialect() const override { return Dialect::Postgres; }
    std::string describe() const override;
    common::Result<void> executeScript(const std::string& sql) override;
    common::Result<std::vector<SqlRow>> query(const std::string& sql, const SqlParams& params) override;
    common::Result<std::int64_t> execute(const std::string& sql, const SqlParams& params) override;
    common::Result<void> begin() override;
    common::Result<void> commit() override;
    common::Result<void> rollback() override;
    bool inTransaction() const override;

private:
    struct Handles;
    PostgresConnection(std::unique_ptr<Handles> handles, std::string description);
    struct Outcome
    {
        std::vector<SqlRow> rows;
        std::int64_t affected = 0;
    };
    common::Result<Outcome> run(const std::string& sql, const SqlParams& params);
    std::string statementName(const std::string& sql);

    std::unique_ptr<Handles> m_handles; ///< the libpqxx connection and open transaction
    std::string m_description;
    std::unordered_map<std::string, std::string> m_statements;
};

/// The libpq connection string for `settings` (no password), with values quoted as libpq requires.
std::string connectionString(const config::PostgresSettings& settings);

} // namespace sixbtc::storage::postgres
