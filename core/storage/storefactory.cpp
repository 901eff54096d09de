// SPDX-License-Identifier: MIT
// Chooses the storage backend from the `database` section.
#include "storage/storefactory.h"

#include "storage/postgres/postgresstore.h"
#include "storage/sqlite/sqlitestore.h"

namespace sixbtc::storage {

common::Result<std::unique_ptr<Store>> openStore(const config::DatabaseSettings& settings, const Clock& clock)
{
    switch (settings.backend) {
    case config::DatabaseBackend::Sqlite: return sqlite::openSqliteStore(settings.sqlite, clock);
    case config::DatabaseBackend::Postgres: return postgres::openPostgresStore(settings.postgres, clock);
    }
    return common::fail(common::ErrorCode::Config, "database.backend holds an unknown backend");
}

} // namespace sixbtc::storage
