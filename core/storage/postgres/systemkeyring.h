// SPDX-License-Identifier: MIT
// SystemKeyring: the OS keyring (Secret Service, KWallet, macOS Keychain, Windows) through QtKeychain.
#pragma once

#include "storage/postgres/keyring.h"

namespace sixbtc::storage::postgres {

/// Reads secrets from the OS keyring; blocks in a local event loop until the keyring answers.
/// Needs a QCoreApplication; without one, or without a keyring service, read() returns an error.
class SystemKeyring final : public Keyring
{
public:
    common::Result<std::optional<std::string>> read(const std::string& service, const std::string& key) override;
};

} // namespace sixbtc::storage::postgres
