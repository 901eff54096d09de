// SPDX-License-Identifier: MIT
// Opening the configured store from a command: an existing one (refuses an unmigrated database) or for writing.
#pragma once

#include <memory>

#include "common/error.h"
#include "config/settings.h"
#include "storage/api/clock.h"
#include "storage/api/store.h"

namespace sixbtc::cli {

/// True when the configured SQLite file does not exist yet: the read-only commands then leave it uncreated.
bool sqliteFileMissing(const config::DatabaseSettings& settings);

/// Opens an existing store (commands that read it, or add to strategies already in it): a database that is missing
/// or not fully migrated is refused (a usage error that says to run 'sixbtc db migrate'), never migrated here. \warning
/// `clock` must outlive the store.
common::Result<std::unique_ptr<storage::Store>> openExistingStore(const config::DatabaseSettings& settings,
                                                                  const storage::Clock& clock);

/// Opens the store for a command that writes, applying any missing migration first (DESIGN.md "Storage":
/// migrations run at start). \warning `clock` must outlive the store.
common::Result<std::unique_ptr<storage::Store>> openStoreForWriting(const config::DatabaseSettings& settings,
                                                                    const storage::Clock& clock);

} // namespace sixbtc::cli
