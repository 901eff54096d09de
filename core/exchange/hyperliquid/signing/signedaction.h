// SPDX-License-Identifier: MIT
// Signing an action (L1 or user-signed) and the JSON body posted to /exchange.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "config/settings.h"
#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/ecdsa.h"
#include "exchange/hyperliquid/signing/privatekey.h"
#include "exchange/hyperliquid/signing/useractions.h"
#include "exchange/hyperliquid/signing/wirevalue.h"

namespace sixbtc::exchange::hyperliquid {

/// An action with everything the /exchange envelope carries.
struct SignedAction
{
    WireValue action;
    std::uint64_t nonce;
    Signature signature;
    std::optional<Address> vault;                ///< sub-account or vault traded on behalf of
    std::optional<std::uint64_t> expiresAfterMs; ///< L1 actions only
};

/// Signs an L1 action with the phantom-agent scheme. The vault and expiresAfter go into the hash and the envelope.
SignedAction signL1Action(const PrivateKey& key, config::Network network, WireValue action, std::uint64_t nonce,
                          const std::optional<Address>& vault, std::optional<std::uint64_t> expiresAfterMs);

/// Signs a user-signed action (EIP-712 over its typed fields); no vault, no expiresAfter.
SignedAction signUserSignedAction(const PrivateKey& key, UserSignedAction action);

/// {"action":..,"nonce":..,"signature":{"r":..,"s":..,"v":..},"vaultAddress":..|null,"expiresAfter":..|null};
/// the action text keeps the hashed key order.
std::string exchangeRequestBody(const SignedAction& signedAction);

} // namespace sixbtc::exchange::hyperliquid
