// SPDX-License-Identifier: MIT
// A secp256k1 secret key wiped from memory on destruction.
#include "exchange/hyperliquid/signing/privatekey.h"

#include <cstring>

#include <secp256k1.h>

#include "exchange/hyperliquid/signing/hex.h"

namespace sixbtc::exchange::hyperliquid {

common::Result<PrivateKey> PrivateKey::fromHex(std::string_view hex)
{
    PrivateKey key;
    if (!decodeHexInto(hex, key.m_bytes))
        return common::fail(common::ErrorCode::Input, "invalid private key: expected 0x and 64 hex digits");
    if (secp256k1_ec_seckey_verify(secp256k1_context_static, key.m_bytes.data()) != 1)
        return common::fail(common::ErrorCode::Input, "invalid private key: not a valid secp256k1 secret key");
    return key;
}

PrivateKey::PrivateKey(PrivateKey&& other) noexcept
    : m_bytes(other.m_bytes)
{
    other.wipe();
}

PrivateKey& PrivateKey::operator=(PrivateKey&& other) noexcept
{
    if (this != &other) {
        m_bytes = other.m_bytes;
        other.wipe();
    }
    return *this;
}

PrivateKey::~PrivateKey()
{
    wipe();
}

void PrivateKey::wipe() noexcept
{
    // explicit_bzero is never optimised away, unlike a memset before destruction.
    explicit_bzero(m_bytes.data(), m_bytes.size());
}

} // namespace sixbtc::exchange::hyperliquid
