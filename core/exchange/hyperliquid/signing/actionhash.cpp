// SPDX-License-Identifier: MIT
// The L1 action hash pre-image and connection id.
#include "exchange/hyperliquid/signing/actionhash.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

void appendBigEndian64(Bytes& out, std::uint64_t value)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

} // namespace

Bytes l1ActionPreimage(const WireValue& action, std::uint64_t nonce, const std::optional<Address>& vault,
                       std::optional<std::uint64_t> expiresAfterMs)
{
    Bytes preimage;
    preimage.reserve(256);
    action.appendMsgpack(preimage);
    appendBigEndian64(preimage, nonce);
    if (vault) {
        preimage.push_back(0x01);
        preimage.insert(preimage.end(), vault->bytes().begin(), vault->bytes().end());
    } else {
        preimage.push_back(0x00);
    }
    if (expiresAfterMs) {
        preimage.push_back(0x00);
        appendBigEndian64(preimage, *expiresAfterMs);
    }
    return preimage;
}

Hash32 l1ActionHash(const WireValue& action, std::uint64_t nonce, const std::optional<Address>& vault,
                    std::optional<std::uint64_t> expiresAfterMs)
{
    return keccak256(l1ActionPreimage(action, nonce, vault, expiresAfterMs));
}

} // namespace sixbtc::exchange::hyperliquid
