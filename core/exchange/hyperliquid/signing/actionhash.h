// SPDX-License-Identifier: MIT
// The L1 action hash ("connection id"): keccak256 of msgpack(action), nonce, vault and expiresAfter.
#pragma once

#include <cstdint>
#include <optional>

#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/hex.h"
#include "exchange/hyperliquid/signing/keccak.h"
#include "exchange/hyperliquid/signing/wirevalue.h"

namespace sixbtc::exchange::hyperliquid {

/// msgpack(action) || nonce (8 bytes big-endian) || 0x00 without vault, 0x01 || 20 address bytes with one
/// || [0x00 || expiresAfter (8 bytes big-endian)] only when expiresAfter is set.
Bytes l1ActionPreimage(const WireValue& action, std::uint64_t nonce, const std::optional<Address>& vault,
                       std::optional<std::uint64_t> expiresAfterMs);

/// keccak256 of l1ActionPreimage: the connection id the phantom agent signs.
Hash32 l1ActionHash(const WireValue& action, std::uint64_t nonce, const std::optional<Address>& vault,
                    std::optional<std::uint64_t> expiresAfterMs);

} // namespace sixbtc::exchange::hyperliquid
