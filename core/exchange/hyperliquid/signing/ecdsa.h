// SPDX-License-Identifier: MIT
// secp256k1 recoverable ECDSA as Ethereum uses it: RFC 6979 nonces, low-s, v = 27 + recovery id.
#pragma once

#include <string>

#include "common/error.h"
#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/keccak.h"
#include "exchange/hyperliquid/signing/privatekey.h"

namespace sixbtc::exchange::hyperliquid {

/// A recoverable signature: r and s as 32-byte big-endian numbers, v = 27 or 28.
struct Signature
{
    Hash32 r{};
    Hash32 s{};
    int v = 27;

    /// 0x + 64 lowercase hex digits (zero-padded), as posted.
    std::string rHex() const;
    std::string sHex() const;

    friend bool operator==(const Signature&, const Signature&) = default;
};

/// Signs a 32-byte digest (no Ethereum message prefix). Deterministic (RFC 6979) and always low-s.
Signature signDigest(const PrivateKey& key, const Hash32& digest);

/// The 0x address of a key: last 20 bytes of keccak256 of the uncompressed public key without its 0x04 prefix.
Address addressOf(const PrivateKey& key);

/// The address that signed `digest`. Refuses v other than 27/28, r or s zero or not below the group order,
/// a high s (never produced by signDigest), and a signature that recovers no key.
common::Result<Address> recoverSigner(const Hash32& digest, const Signature& signature);

} // namespace sixbtc::exchange::hyperliquid
