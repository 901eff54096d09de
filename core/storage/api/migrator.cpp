// SPDX-License-Identifier: MIT
// Applies schema migrations and guards against databases newer than the application.
#include "storage/api/migration.h"

#include "common/require.h"

namespace sixbtc::storage {

using common::ErrorCode;

namespace {

// Any fixed key: it serialises migrations of concurrent PostgreSQL clients.
constexpr std::int64_t kMigrationLockKey = 0x5369784254430001;

std::string tableExistsSql(Dialect dialect)
{
    if (dialect == Dialect::Sqlite)
        return "SELECT name FROM sqlite_master WHERE type = 'table' AND name = $1";
    return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
           "AND table_name = $1";
}

} // namespace

Migrator::Migrator(SqlConnection& connection, std::vector<Migration> migrations, const Clock& clock)
    : m_connection(connection)
    , m_migrations(std::move(migrations))
    , m_clock(clock)
{
    for (std::size_t i = 0; i < m_migrations.size(); ++i)
        SIXBTC_REQUIRE(m_migrations[i].version == static_cast<int>(i) + 1);
}

int Migrator::targetVersion() const
{
    return static_cast<int>(m_migrations.size());
}

common::Result<int> Migrator::currentVersion()
{
    auto tables = m_connection.query(tableExistsSql(m_connection.dialect()), {std::string("schema_version")});
    if (!tables)
        return tl::unexpected(tables.error());
    if (tables->empty())
        return 0;
    auto rows = m_connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_version", {});
    if (!rows)
        return tl::unexpected(rows.error());
    return static_cast<int>(rows->front().integer(0));
}

common::Result<SchemaStatus> Migrator::status()
{
    auto current = currentVersion();
    if (!current)
        return tl::unexpected(current.error());
    return SchemaStatus{*current, targetVersion()};
}

common::Result<void> Migrator::refuseNewer()
{
    auto current = currentVersion();
    if (!current)
        return tl::unexpected(current.error());
    if (*current > targetVersion())
        return common::fail(ErrorCode::Database,
                            m_connection.describe() + " has schema version " + std::to_string(*current) +
                                ", newer than version " + std::to_string(targetVersion()) +
                                " that this application knows; refusing to use it (upgrade SixBTC Workbench)");
    return {};
}

common::Result<void> Migrator::apply(const Migration& migration)
{
    return withTransaction(m_connection, [&]() -> common::Result<void> {
        if (m_connection.dialect() == Dialect::Postgres) {
            if (auto locked = m_connection.query("SELECT pg_advisory_xact_lock($1)", {kMigrationLockKey}); !locked)
                return tl::unexpected(locked.error());
        }
        // Read again under the lock: another process may have applied it meanwhile.
        auto current = currentVersion();
        if (!current)
            return tl::unexpected(current.error());
        if (*current >= migration.version)
            return {};
        if (*current != migration.version - 1)
            return common::fail(ErrorCode::Database, m_connection.describe() + " is at schema version " +
                                                         std::to_string(*current) + ", cannot apply version " +
                                                         std::to_string(migration.version));
        if (auto applied = m_connection.executeScript(migration.script); !applied) {
            auto error = applied.error();
            error.message = "migration to schema version " + std::to_string(migration.version) + " (" +
                            migration.description + ") failed: " + error.message;
            return tl::unexpected(error);
        }
        auto recorded =
            m_connection.execute("INSERT INTO schema_version (version, description, applied_at_ms) VALUES ($1, $2, $3)",
                                 {std::int64_t(migration.version), migration.description, m_clock.nowMs()});
        if (!recorded)
            return tl::unexpected(recorded.error());
        return {};
    });
}

common::Result<SchemaStatus> Migrator::migrateTo(int version)
{
    SIXBTC_REQUIRE(version >= 0 && version <= targetVersion());
    if (auto newer = refuseNewer(); !newer)
        return tl::unexpected(newer.error());
    auto current = currentVersion();
    if (!current)
        return tl::unexpected(current.error());
    for (const Migration& migration : m_migrations) {
        if (migration.version <= *current)
            continue;
        if (migration.version > version)
            break;
        if (auto applied = apply(migration); !applied)
            return tl::unexpected(applied.error());
    }
    return status();
}

} // namespace sixbtc::storage
