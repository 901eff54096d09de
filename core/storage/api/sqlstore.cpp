// SPDX-License-Identifier: MIT
// A Store over one SqlConnection.
#include "storage/api/sqlstore.h"

namespace sixbtc::storage {

SqlStore::SqlStore(std::unique_ptr<SqlConnection> connection, const Clock& clock)
    : m_connection(std::move(connection))
    , m_migrator(*m_connection, schemaMigrations(m_connection->dialect()), clock)
    , m_strategies(*m_connection, clock)
    , m_backtests(*m_connection, clock)
    , m_live(*m_connection, clock)
    , m_jobs(*m_connection, clock)
{
}

common::Result<std::unique_ptr<Store>> SqlStore::open(std::unique_ptr<SqlConnection> connection, const Clock& clock)
{
    std::unique_ptr<SqlStore> store(new SqlStore(std::move(connection), clock));
    if (auto newer = store->m_migrator.refuseNewer(); !newer)
        return tl::unexpected(newer.error());
    return std::unique_ptr<Store>(std::move(store));
}

std::string SqlStore::describe() const
{
    return m_connection->describe();
}

common::Result<SchemaStatus> SqlStore::schemaStatus()
{
    return m_migrator.status();
}

common::Result<SchemaStatus> SqlStore::migrate()
{
    return m_migrator.migrateTo(m_migrator.targetVersion());
}

common::Result<void> SqlStore::inTransaction(const std::function<common::Result<void>()>& work)
{
    return withTransaction(*m_connection, work);
}

} // namespace sixbtc::storage
