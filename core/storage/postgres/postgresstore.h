// SPDX-License-Identifier: MIT
// Opening a Store on a PostgreSQL database.
#pragma once

#include <memory>

#include "config/settings.h"
#include "storage/api/clock.h"
#include "storage/api/store.h"

namespace sixbtc::storage::postgres {

/// Connects within settings.connectTimeoutS (password from PGPASSWORD, ~/.pgpass or the OS keyring) and opens the
/// store; refuses a database newer than the application. \warning `clock` must outlive the store.
common::Result<std::unique_ptr<Store>> openPostgresStore(const config::PostgresSettings& settings, const Clock& clock);

} // namespace sixbtc::storage::postgres
