// SPDX-License-Identifier: MIT
// Ethereum Keccak-256 through Crypto++ (Debian 12's OpenSSL 3.0 has no Keccak).
#include "exchange/hyperliquid/signing/keccak.h"

#include <cryptopp/keccak.h>

namespace sixbtc::exchange::hyperliquid {

Hash32 keccak256(std::span<const std::uint8_t> data)
{
    static_assert(CryptoPP::Keccak_256::DIGESTSIZE == std::tuple_size_v<Hash32>);
    CryptoPP::Keccak_256 hash;
    hash.Update(data.data(), data.size());
    Hash32 digest{};
    hash.Final(digest.data());
    return digest;
}

Hash32 keccak256(std::string_view text)
{
    return keccak256(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

} // namespace sixbtc::exchange::hyperliquid
