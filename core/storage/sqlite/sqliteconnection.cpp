// SPDX-License-Identifier: MIT
// SQLite connection: prepared statement cache, parameter binding and error mapping.
#include "storage/sqlite/sqliteconnection.h"

#include <sqlite3.h>

#include "common/require.h"

namespace sixbtc::storage::sqlite {

using common::ErrorCode;
using common::Result;

namespace {

// Statements are named in errors by their start only.
constexpr std::size_t kSqlExcerpt = 60;

int bind(sqlite3_stmt* statement, int index, const SqlValue& value)
{
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return sqlite3_bind_int64(statement, index, *integer);
    if (const auto* real = std::get_if<double>(&value))
        return sqlite3_bind_double(statement, index, *real);
    if (const auto* text = std::get_if<std::string>(&value))
        return sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()), SQLITE_TRANSIENT);
    return sqlite3_bind_null(statement, index);
}

SqlValue column(sqlite3_stmt* statement, int index)
{
    switch (sqlite3_column_type(statement, index)) {
    case SQLITE_INTEGER: return SqlValue(static_cast<std::int64_t>(sqlite3_column_int64(statement, index)));
    case SQLITE_FLOAT: return SqlValue(sqlite3_column_double(statement, index));
    case SQLITE_NULL: return SqlValue();
    default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
        return SqlValue(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, index))));
    }
    }
}

} // namespace

Result<std::unique_ptr<SqlConnection>> SqliteConnection::open(const config::SqliteSettings& settings)
{
    sqlite3* db = nullptr;
    const int opened = sqlite3_open_v2(settings.path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (opened != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(opened);
        sqlite3_close_v2(db);
        return common::fail(ErrorCode::Database, "cannot open SQLite file " + settings.path.string() + ": " + message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, settings.busyTimeoutMs);
    std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db, settings));
    if (auto keys = connection->executeScript("PRAGMA foreign_keys = ON"); !keys)
        return tl::unexpected(keys.error());
    auto mode = connection->query("PRAGMA journal_mode = WAL", {});
    if (!mode)
        return tl::unexpected(mode.error());
    if (mode->empty() || mode->front().text(0) != "wal")
        return common::fail(ErrorCode::Database, connection->describe() + " cannot use write-ahead logging");
    return std::unique_ptr<SqlConnection>(std::move(connection));
}

SqliteConnection::SqliteConnection(sqlite3* db, const config::SqliteSettings& settings)
    : m_db(db)
    , m_path(settings.path)
    , m_busyTimeoutMs(settings.busyTimeoutMs)
{
}

SqliteConnection::~SqliteConnection()
{
    for (const auto& [sql, statement] : m_statements)
        sqlite3_finalize(statement.handle);
    sqlite3_close_v2(m_db);
}

std::string SqliteConnection::describe() const
{
    return "SQLite file " + m_path.string();
}

common::Error SqliteConnection::error(int code, const std::string& sql) const
{
    const int primary = code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return common::Error{ErrorCode::Database,
                             describe() + " is locked by another connection (gave up after busy_timeout_ms = " +
                                 std::to_string(m_busyTimeoutMs) + ")",
                             {"statement: " + sql.substr(0, kSqlExcerpt)}};
    return common::Error{
        ErrorCode::Database, describe() + ": " + sqlite3_errmsg(m_db), {"statement: " + sql.substr(0, kSqlExcerpt)}};
}

Result<void> SqliteConnection::executeScript(const std::string& sql)
{
    const int code = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        return tl::unexpected(error(code, sql));
    return {};
}

Result<const SqliteConnection::Statement*> SqliteConnection::prepared(const std::string& sql)
{
    if (const auto found = m_statements.find(sql); found != m_statements.end())
        return &found->second;
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                        &statement, nullptr);
    if (code != SQLITE_OK)
        return tl::unexpected(error(code, sql));
    // Looking a name up scans every name, so the indexes are found once, not per execution.
    Statement prepared{statement, {}};
    const int count = sqlite3_bind_parameter_count(statement);
    for (int i = 1; i <= count; ++i) {
        std::string name(1, '$');
        name.append(std::to_string(i));
        prepared.indexes.push_back(sqlite3_bind_parameter_index(statement, name.c_str()));
        SIXBTC_REQUIRE(prepared.indexes.back() > 0);
    }
    return &m_statements.emplace(sql, std::move(prepared)).first->second;
}

Result<void> SqliteConnection::run(const std::string& sql, const SqlParams& params, std::vector<SqlRow>* rows)
{
    auto statement = prepared(sql);
    if (!statement)
        return tl::unexpected(statement.error());
    sqlite3_stmt* s = (*statement)->handle;
    SIXBTC_REQUIRE((*statement)->indexes.size() == params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (const int code = bind(s, (*statement)->indexes[i], params[i]); code != SQLITE_OK) {
            sqlite3_reset(s);
            return tl::unexpected(error(code, sql));
        }
    }
    int code = SQLITE_ROW;
    while ((code = sqlite3_step(s)) == SQLITE_ROW) {
        if (rows == nullptr)
            continue;
        std::vector<SqlValue> values;
        const int count = sqlite3_column_count(s);
        values.reserve(static_cast<std::size_t>(count));
        for (int c = 0; c < count; ++c)
            values.push_back(column(s, c));
        rows->emplace_back(std::move(values));
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (code != SQLITE_DONE)
        return tl::unexpected(error(code, sql));
    return {};
}

Result<std::vector<SqlRow>> SqliteConnection::query(const std::string& sql, const SqlParams& params)
{
    std::vector<SqlRow> rows;
    if (auto ran = run(sql, params, &rows); !ran)
        return tl::unexpected(ran.error());
    return rows;
}

Result<std::int64_t> SqliteConnection::execute(const std::string& sql, const SqlParams& params)
{
    if (auto ran = run(sql, params, nullptr); !ran)
        return tl::unexpected(ran.error());
    return static_cast<std::int64_t>(sqlite3_changes64(m_db));
}

Result<void> SqliteConnection::begin()
{
    SIXBTC_REQUIRE(!inTransaction());
    return executeScript("BEGIN IMMEDIATE");
}

Result<void> SqliteConnection::commit()
{
    return executeScript("COMMIT");
}

Result<void> SqliteConnection::rollback()
{
    if (!inTransaction())
        return {};
    return executeScript("ROLLBACK");
}

bool SqliteConnection::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace sixbtc::storage::sqlite
