// SPDX-License-Identifier: MIT
// Opening a Store on a PostgreSQL database.
#include "storage/postgres/postgresstore.h"

#include "storage/api/sqlstore.h"
#include "storage/postgres/postgresconnection.h"

namespace sixbtc::storage::postgres {

common::Result<std::unique_ptr<Store>> openPostgresStore(const config::PostgresSettings& settings, const Clock& clock)
{
    auto connection = PostgresConnection::open(settings);
    if (!connection)
        return tl::unexpected(connection.error());
    return SqlStore::open(std::move(*connection), clock);
}

} // namespace sixbtc::storage::postgres
