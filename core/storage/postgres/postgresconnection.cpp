// SPDX-License-Identifier: MIT
// PostgreSQL connection over libpqxx: prepared statements, transactions and error mapping.
#include "storage/postgres/postgresconnection.h"

#include <cstdlib>

#include <libpq-fe.h>
#include <pqxx/pqxx>

#include "common/require.h"
#include "storage/postgres/systemkeyring.h"

namespace sixbtc::storage::postgres {

using common::ErrorCode;
using common::Result;

struct PostgresConnection::Handles
{
    pqxx::connection connection;
    std::unique_ptr<pqxx::work> work;

    explicit Handles(const std::string& options)
        : connection(options)
    {
    }
};

namespace {

constexpr std::size_t kSqlExcerpt = 60;

std::string quoted(const std::string& value)
{
    std::string text = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\')
            text += '\\';
        text += c;
    }
    return text + "'";
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

std::string paramText(const SqlValue& value)
{
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return std::to_string(*integer);
    if (const auto* real = std::get_if<double>(&value))
        return doubleToText(*real);
    return std::get<std::string>(value);
}

std::vector<SqlRow> toRows(const pqxx::result& result)
{
    std::vector<SqlRow> rows;
    rows.reserve(result.size());
    for (const auto& row : result) {
        std::vector<SqlValue> values;
        values.reserve(row.size());
        for (const auto& field : row)
            values.push_back(field.is_null() ? SqlValue() : SqlValue(std::string(field.c_str(), field.size())));
        rows.emplace_back(std::move(values));
    }
    return rows;
}

// True when libpq failed only because the server wants a password that it did not find (the text is libpq's
// untranslated PQnoPasswordSupplied).
bool isNoPasswordError(const std::string& reason)
{
    return reason.find(trimmed(PQnoPasswordSupplied)) != std::string::npos;
}

} // namespace

std::string connectionString(const config::PostgresSettings& settings)
{
    return "host=" + quoted(settings.host) + " port=" + std::to_string(settings.port) +
           " dbname=" + quoted(settings.dbname) + " user=" + quoted(settings.user) +
           " sslmode=" + quoted(settings.sslmode) + " connect_timeout=" + std::to_string(settings.connectTimeoutS) +
           " application_name=sixbtc";
}

Result<std::unique_ptr<SqlConnection>> PostgresConnection::open(const config::PostgresSettings& settings)
{
    SystemKeyring keyring;
    return open(settings, keyring);
}

Result<std::unique_ptr<SqlConnection>> PostgresConnection::open(const config::PostgresSettings& settings,
                                                                Keyring& keyring)
{
    const std::string description = "PostgreSQL " + settings.user + "@" + settings.host + ":" +
                                    std::to_string(settings.port) + "/" + settings.dbname;
    const auto failure = [&](const std::string& reason) {
        return common::fail(ErrorCode::Database, "cannot connect to " + description + " (connect_timeout_s = " +
                                                     std::to_string(settings.connectTimeoutS) + "): " + reason);
    };
    const std::string options = connectionString(settings);
    std::string reason;
    try {
        auto handles = std::make_unique<Handles>(options);
        return std::unique_ptr<SqlConnection>(new PostgresConnection(std::move(handles), description));
    } catch (const std::exception& e) {
        reason = trimmed(e.what());
    }
    // libpq already tried PGPASSWORD and ~/.pgpass; the keyring is asked only when the server wants a password.
    if (!isNoPasswordError(reason) || std::getenv("PGPASSWORD"))
        return failure(reason);
    auto password = passwordFromKeyring(settings, keyring);
    if (!password)
        return failure(password.error().message);
    const std::string& secret = *password; // const: std::quoted (found by ADL) must not win over quoted()
    try {
        auto handles = std::make_unique<Handles>(options + " password=" + quoted(secret));
        return std::unique_ptr<SqlConnection>(new PostgresConnection(std::move(handles), description));
    } catch (const std::exception& e) {
        return failure("with the password from the OS keyring: " + trimmed(e.what()));
    }
}

PostgresConnection::PostgresConnection(std::unique_ptr<Handles> handles, std::string description)
    : m_handles(std::move(handles))
    , m_description(std::move(description))
{
}

// Destroying an open pqxx::work aborts it; libpqxx destructors do not throw.
PostgresConnection::~PostgresConnection() = default;

std::string PostgresConnection::describe() const
{
    return m_description;
}

std::string PostgresConnection::statementName(const std::string& sql)
{
    if (const auto found = m_statements.find(sql); found != m_statements.end())
        return found->second;
    std::string name = "sixbtc_" + std::to_string(m_statements.size() + 1);
    m_handles->connection.prepare(name, sql);
    m_statements.emplace(sql, name);
    return name;
}

Result<PostgresConnection::Outcome> PostgresConnection::run(const std::string& sql, const SqlParams& params)
{
    try {
        std::vector<std::string> texts;
        texts.reserve(params.size());
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const SqlValue& value : params)
            texts.push_back(std::holds_alternative<std::monostate>(value) ? std::string() : paramText(value));
        for (std::size_t i = 0; i < params.size(); ++i)
            values.push_back(std::holds_alternative<std::monostate>(params[i]) ? nullptr : texts[i].c_str());
        const std::string name = statementName(sql);
        const auto dynamic = pqxx::prepare::make_dynamic_params(values);
        pqxx::result result;
        if (m_handles->work) {
            result = m_handles->work->exec_prepared(name, dynamic);
        } else {
            pqxx::nontransaction transaction(m_handles->connection);
            result = transaction.exec_prepared(name, dynamic);
        }
        return Outcome{toRows(result), static_cast<std::int64_t>(result.affected_rows())};
    } catch (const pqxx::broken_connection& e) {
        return common::fail(ErrorCode::Database, "lost the connection to " + m_description + ": " + trimmed(e.what()));
    } catch (const std::exception& e) {
        return common::fail(ErrorCode::Database, m_description + ": " + trimmed(e.what()),
                            {"statement: " + sql.substr(0, kSqlExcerpt)});
    }
}

Result<void> PostgresConnection::executeScript(const std::string& sql)
{
    try {
        if (m_handles->work) {
            m_handles->work->exec(sql);
        } else {
            pqxx::nontransaction transaction(m_handles->connection);
            transaction.exec(sql);
        }
        return {};
    } catch (const std::exception& e) {
        return common::fail(ErrorCode::Database, m_description + ": " + trimmed(e.what()),
                            {"statement: " + sql.substr(0, kSqlExcerpt)});
    }
}

Result<std::vector<SqlRow>> PostgresConnection::query(const std::string& sql, const SqlParams& params)
{
    auto outcome = run(sql, params);
    if (!outcome)
        return tl::unexpected(outcome.error());
    return std::move(outcome->rows);
}

Result<std::int64_t> PostgresConnection::execute(const std::string& sql, const SqlParams& params)
{
    auto outcome = run(sql, params);
    if (!outcome)
        return tl::unexpected(outcome.error());
    return outcome->affected;
}

Result<void> PostgresConnection::begin()
{
    SIXBTC_REQUIRE(!m_handles->work);
    try {
        m_handles->work = std::make_unique<pqxx::work>(m_handles->connection);
        return {};
    } catch (const std::exception& e) {
        return common::fail(ErrorCode::Database,
                            "cannot start a transaction on " + m_description + ": " + trimmed(e.what()));
    }
}

Result<void> PostgresConnection::commit()
{
    SIXBTC_REQUIRE(m_handles->work);
    auto work = std::move(m_handles->work);
    try {
        work->commit();
        return {};
    } catch (const std::exception& e) {
        return common::fail(ErrorCode::Database, "commit failed on " + m_description + ": " + trimmed(e.what()));
    }
}

Result<void> PostgresConnection::rollback()
{
    if (!m_handles->work)
        return {};
    auto work = std::move(m_handles->work);
    try {
        work->abort();
        return {};
    } catch (const std::exception& e) {
        return common::fail(ErrorCode::Database, "rollback failed on " + m_description + ": " + trimmed(e.what()));
    }
}

bool PostgresConnection::inTransaction() const
{
    return m_handles->work != nullptr;
}

} // namespace sixbtc::storage::postgres
