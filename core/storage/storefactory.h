// SPDX-License-Identifier: MIT
// Opening the Store that the `database` section of the configuration chooses.
#pragma once

#include <memory>

#include "config/settings.h"
#include "storage/api/clock.h"
#include "storage/api/store.h"

namespace sixbtc::storage {

/// Opens the SQLite or PostgreSQL store named by settings.backend; refuses a database newer than the
/// application. Call Store::migrate() before using the repositories. \warning `clock` must outlive the store.
common::Result<std::unique_ptr<Store>> openStore(const config::DatabaseSettings& settings, const Clock& clock);

} // namespace sixbtc::storage
