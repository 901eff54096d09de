// SPDX-License-Identifier: MIT
// The POST /exchange envelope as the fake reads it, and the signer it recovers from the re-hashed action.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "config/settings.h"
#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/ecdsa.h"
#include "fakes/hyperliquid/orderedjson.h"

namespace sixbtc::fakes::hyperliquid {

/// One parsed /exchange body. `action` keeps the posted key order.
struct FakeEnvelope
{
    OrderedJson action;
    std::string type; ///< action.type
    std::uint64_t nonce;
    exchange::hyperliquid::Signature signature;
    std::optional<exchange::hyperliquid::Address> vault;
    std::optional<std::uint64_t> expiresAfterMs;
};

/// Parses {action, nonce, signature{r,s,v}, vaultAddress?, expiresAfter?}; r and s may omit leading zeros.
common::Result<FakeEnvelope> parseEnvelope(std::string_view body);

/// True for the user-signed action types the fake serves (approveAgent, usdSend): EIP-712 over typed fields.
bool isUserSignedType(std::string_view type);

/// Re-hashes the action exactly as the signer did (L1: msgpack + nonce + vault + expiresAfter, phantom agent on
/// `network`; user-signed: the typed struct in the signatureChainId domain) and recovers the signing address.
/// A user-signed action whose own nonce/time differs from the envelope nonce is an error.
common::Result<exchange::hyperliquid::Address> recoverEnvelopeSigner(const FakeEnvelope& envelope,
                                                                     config::Network network);

} // namespace sixbtc::fakes::hyperliquid
