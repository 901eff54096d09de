// SPDX-License-Identifier: MIT
// A secp256k1 secret key that is wiped from memory on destruction and can never be printed.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "common/error.h"
#include "exchange/hyperliquid/signing/keccak.h"

namespace sixbtc::exchange::hyperliquid {

class Address;
struct Signature;

/// A secp256k1 secret key. Move-only; the bytes are zeroed on destruction and after a move; there is no
/// accessor, stream operator or formatter: only the signing functions (friends) read it.
class PrivateKey
{
public:
    /// Parses 64 hex digits (optionally after 0x) and checks the key is valid on secp256k1 (non-zero, below the group
    /// order). The error message never repeats the text. The caller still owns (and should wipe) `hex`.
    static common::Result<PrivateKey> fromHex(std::string_view hex);

    PrivateKey(PrivateKey&& other) noexcept;
    PrivateKey& operator=(PrivateKey&& other) noexcept;
    PrivateKey(const PrivateKey&) = delete;
    PrivateKey& operator=(const PrivateKey&) = delete;
    ~PrivateKey();

private:
    PrivateKey() = default;
    void wipe() noexcept;

    friend Signature signDigest(const PrivateKey& key, const Hash32& digest);
    friend Address addressOf(const PrivateKey& key);

    std::array<std::uint8_t, 32> m_bytes{};
};

} // namespace sixbtc::exchange::hyperliquid
