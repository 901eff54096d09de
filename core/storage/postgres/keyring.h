// SPDX-License-Identifier: MIT
// Keyring: where the PostgreSQL password comes from when neither PGPASSWORD nor ~/.pgpass holds it.
#pragma once

#include <optional>
#include <string>

#include "common/error.h"
#include "config/settings.h"

namespace sixbtc::storage::postgres {

/// A secret store (the OS keyring in the application, a fake in tests).
class Keyring
{
public:
    virtual ~Keyring() = default;
    /// The secret stored under (`service`, `key`); empty when there is none; an error when the keyring cannot be
    /// asked (e.g. no Secret Service on a headless machine).
    virtual common::Result<std::optional<std::string>> read(const std::string& service, const std::string& key) = 0;
};

/// The keyring service that holds SixBTC's secrets.
inline constexpr const char* kKeyringService = "sixbtc";

/// The keyring key of the password for `settings`: "postgres:<user>@<host>:<port>/<dbname>".
std::string keyringKey(const config::PostgresSettings& settings);

/// The password stored in `keyring` for `settings`; a Database error naming the service and key when there is none
/// or the keyring cannot be asked. Called only after libpq found no password in PGPASSWORD or ~/.pgpass.
common::Result<std::string> passwordFromKeyring(const config::PostgresSettings& settings, Keyring& keyring);

} // namespace sixbtc::storage::postgres
