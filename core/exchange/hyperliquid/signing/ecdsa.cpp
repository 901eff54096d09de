// SPDX-License-Identifier: MIT
// secp256k1 recoverable ECDSA through libsecp256k1 and the key type that feeds it.
#include "exchange/hyperliquid/signing/ecdsa.h"

#include <cstring>
#include <random>

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "common/require.h"
#include "exchange/hyperliquid/signing/hex.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

/// One context for the process. libsecp256k1 allows concurrent use of a const context; the blinding seed only
/// hardens against side channels and never changes a signature.
const secp256k1_context* context()
{
    static const secp256k1_context* const ctx = [] {
        secp256k1_context* created = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        SIXBTC_REQUIRE(created != nullptr);
        std::array<std::uint8_t, 32> seed{};
        std::random_device device;
        for (auto& byte : seed)
            byte = static_cast<std::uint8_t>(device());
        SIXBTC_REQUIRE(secp256k1_context_randomize(created, seed.data()) == 1);
        explicit_bzero(seed.data(), seed.size());
        return created;
    }();
    return ctx;
}

Address addressOfPublicKey(const secp256k1_pubkey& publicKey)
{
    std::array<std::uint8_t, 65> uncompressed{};
    std::size_t length = uncompressed.size();
    SIXBTC_REQUIRE(secp256k1_ec_pubkey_serialize(context(), uncompressed.data(), &length, &publicKey,
                                                 SECP256K1_EC_UNCOMPRESSED) == 1);
    const Hash32 hash = keccak256(std::span(uncompressed).subspan(1));
    Address::Bytes bytes{};
    std::copy(hash.begin() + 12, hash.end(), bytes.begin());
    return Address::fromBytes(bytes);
}

} // namespace

std::string Signature::rHex() const
{
    return toHex0x(r);
}

std::string Signature::sHex() const
{
    return toHex0x(s);
}

Signature signDigest(const PrivateKey& key, const Hash32& digest)
{
    secp256k1_ecdsa_recoverable_signature raw;
    // The default nonce function is RFC 6979 (HMAC-SHA256), as in the SDKs; the result is already low-s.
    SIXBTC_REQUIRE(
        secp256k1_ecdsa_sign_recoverable(context(), &raw, digest.data(), key.m_bytes.data(), nullptr, nullptr) == 1);
    std::array<std::uint8_t, 64> compact{};
    int recoveryId = 0;
    SIXBTC_REQUIRE(
        secp256k1_ecdsa_recoverable_signature_serialize_compact(context(), compact.data(), &recoveryId, &raw) == 1);
    Signature signature;
    std::copy(compact.begin(), compact.begin() + 32, signature.r.begin());
    std::copy(compact.begin() + 32, compact.end(), signature.s.begin());
    signature.v = 27 + recoveryId;
    return signature;
}

Address addressOf(const PrivateKey& key)
{
    secp256k1_pubkey publicKey;
    SIXBTC_REQUIRE(secp256k1_ec_pubkey_create(context(), &publicKey, key.m_bytes.data()) == 1);
    return addressOfPublicKey(publicKey);
}

common::Result<Address> recoverSigner(const Hash32& digest, const Signature& signature)
{
    if (signature.v != 27 && signature.v != 28)
        return common::fail(common::ErrorCode::Exchange,
                            "invalid signature: v is " + std::to_string(signature.v) + ", expected 27 or 28");
    std::array<std::uint8_t, 64> compact{};
    std::copy(signature.r.begin(), signature.r.end(), compact.begin());
    std::copy(signature.s.begin(), signature.s.end(), compact.begin() + 32);
    secp256k1_ecdsa_recoverable_signature raw;
    if (secp256k1_ecdsa_recoverable_signature_parse_compact(context(), &raw, compact.data(), signature.v - 27) != 1)
        return common::fail(common::ErrorCode::Exchange, "invalid signature: r or s is not below the group order");
    secp256k1_ecdsa_signature plain;
    SIXBTC_REQUIRE(secp256k1_ecdsa_recoverable_signature_convert(context(), &plain, &raw) == 1);
    // normalize returns 1 when s was high: such a signature is malleated, never one of ours.
    secp256k1_ecdsa_signature normalized;
    if (secp256k1_ecdsa_signature_normalize(context(), &normalized, &plain) == 1)
        return common::fail(common::ErrorCode::Exchange, "invalid signature: s is not in the lower half");
    secp256k1_pubkey publicKey;
    if (secp256k1_ecdsa_recover(context(), &publicKey, &raw, digest.data()) != 1)
        return common::fail(common::ErrorCode::Exchange, "invalid signature: no public key recovers from it");
    return addressOfPublicKey(publicKey);
}

} // namespace sixbtc::exchange::hyperliquid
