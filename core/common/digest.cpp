// SPDX-License-Identifier: MIT
// SHA-256 through Crypto++.
#include "common/digest.h"

#include <array>

#include <cryptopp/sha.h>

#include "common/hexdigits.h"

namespace sixbtc::common {

struct Sha256::State
{
    CryptoPP::SHA256 hash;
};

Sha256::Sha256()
    : m_state(std::make_unique<State>())
{
}

Sha256::~Sha256() = default;

void Sha256::update(std::span<const unsigned char> bytes)
{
    m_state->hash.Update(bytes.data(), bytes.size());
}

void Sha256::update(std::string_view text)
{
    m_state->hash.Update(reinterpret_cast<const CryptoPP::byte*>(text.data()), text.size());
}

std::string Sha256::finishHex()
{
    std::array<CryptoPP::byte, CryptoPP::SHA256::DIGESTSIZE> digest{};
    m_state->hash.Final(digest.data());
    std::string hex;
    hex.reserve(2 * digest.size());
    for (CryptoPP::byte b : digest)
        appendHexByte(hex, b);
    return hex;
}

std::string sha256Hex(std::string_view text)
{
    Sha256 hash;
    hash.update(text);
    return hash.finishHex();
}

} // namespace sixbtc::common
