// SPDX-License-Identifier: MIT
// Opening the configured store for reading or writing.
#include "cli/storeaccess.h"

#include <filesystem>
#include <system_error>

#include "storage/storefactory.h"

namespace sixbtc::cli {

using common::ErrorCode;

bool sqliteFileMissing(const config::DatabaseSettings& settings)
{
    std::error_code error;
    return settings.backend == config::DatabaseBackend::Sqlite && !std::filesystem::exists(settings.sqlite.path, error);
}

common::Result<std::unique_ptr<storage::Store>> openExistingStore(const config::DatabaseSettings& settings,
                                                                  const storage::Clock& clock)
{
    if (sqliteFileMissing(settings))
        return common::fail(ErrorCode::Usage, "there is no database at " + settings.sqlite.path.string() +
                                                  " yet; create it with 'sixbtc db migrate'");
    auto store = storage::openStore(settings, clock);
    if (!store)
        return store;
    auto status = (*store)->schemaStatus();
    if (!status)
        return tl::unexpected(status.error());
    if (status->current < status->target)
        return common::fail(ErrorCode::Usage, (*store)->describe() + " is at schema version " +
                                                  std::to_string(status->current) + " of " +
                                                  std::to_string(status->target) + "; run 'sixbtc db migrate' first");
    return store;
}

common::Result<std::unique_ptr<storage::Store>> openStoreForWriting(const config::DatabaseSettings& settings,
                                                                    const storage::Clock& clock)
{
    auto store = storage::openStore(settings, clock);
    if (!store)
        return store;
    if (auto migrated = (*store)->migrate(); !migrated)
        return tl::unexpected(migrated.error());
    return store;
}

} // namespace sixbtc::cli
