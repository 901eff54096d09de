// SPDX-License-Identifier: MIT
// Opening a Store on a SQLite file.
#pragma once

#include <memory>

#include "config/settings.h"
#include "storage/api/clock.h"
#include "storage/api/store.h"

namespace sixbtc::storage::sqlite {

/// Opens the SQLite store at settings.path (created when missing); refuses a database newer than the application.
/// \warning `clock` must outlive the store.
common::Result<std::unique_ptr<Store>> openSqliteStore(const config::SqliteSettings& settings, const Clock& clock);

} // namespace sixbtc::storage::sqlite
