// SPDX-License-Identifier: MIT
// Opening a Store on a SQLite file.
#include "storage/sqlite/sqlitestore.h"

#include "storage/api/sqlstore.h"
#include "storage/sqlite/sqliteconnection.h"

namespace sixbtc::storage::sqlite {

common::Result<std::unique_ptr<Store>> openSqliteStore(const config::SqliteSettings& settings, const Clock& clock)
{
    auto connection = SqliteConnection::open(settings);
    if (!connection)
        return tl::unexpected(connection.error());
    return SqlStore::open(std::move(*connection), clock);
}

} // namespace sixbtc::storage::sqlite
