// SPDX-License-Identifier: MIT
// The keyring key of a PostgreSQL password and its lookup.
#include "storage/postgres/keyring.h"

#include <spdlog/spdlog.h>

namespace sixbtc::storage::postgres {

std::string keyringKey(const config::PostgresSettings& settings)
{
    return "postgres:" + settings.user + "@" + settings.host + ":" + std::to_string(settings.port) + "/" +
           settings.dbname;
}

common::Result<std::string> passwordFromKeyring(const config::PostgresSettings& settings, Keyring& keyring)
{
    const std::string key = keyringKey(settings);
    const std::string where = "service '" + std::string(kKeyringService) + "', key '" + key + "'";
    auto secret = keyring.read(kKeyringService, key);
    if (!secret) {
        spdlog::debug("OS keyring skipped for the PostgreSQL password ({}): {}", where, secret.error().message);
        return common::fail(common::ErrorCode::Database,
                            "the server wants a password: none in PGPASSWORD or ~/.pgpass, and the OS keyring cannot "
                            "be asked (" + secret.error().message + ")");
    }
    if (!*secret)
        return common::fail(common::ErrorCode::Database, "the server wants a password: none in PGPASSWORD, "
                                                         "~/.pgpass or the OS keyring (" + where + ")");
    spdlog::debug("PostgreSQL password taken from the OS keyring ({})", where);
    return std::move(**secret);
}

} // namespace sixbtc::storage::postgres
