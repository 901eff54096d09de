// SPDX-License-Identifier: MIT
// Signing an action and the JSON body posted to /exchange.
#include "exchange/hyperliquid/signing/signedaction.h"

#include "exchange/hyperliquid/signing/actionhash.h"
#include "exchange/hyperliquid/signing/eip712.h"

namespace sixbtc::exchange::hyperliquid {

SignedAction signL1Action(const PrivateKey& key, config::Network network, WireValue action, std::uint64_t nonce,
                          const std::optional<Address>& vault, std::optional<std::uint64_t> expiresAfterMs)
{
    const Hash32 connectionId = l1ActionHash(action, nonce, vault, expiresAfterMs);
    const Signature signature = signDigest(key, l1ActionDigest(connectionId, network));
    return SignedAction{std::move(action), nonce, signature, vault, expiresAfterMs};
}

SignedAction signUserSignedAction(const PrivateKey& key, UserSignedAction action)
{
    const Signature signature = signDigest(key, userSignedDigest(action.structHash, action.chainId));
    return SignedAction{std::move(action.action), action.nonce, signature, std::nullopt, std::nullopt};
}

std::string exchangeRequestBody(const SignedAction& signedAction)
{
    // Appended piece by piece: GCC 12 at -O3 raises a false -Wrestrict on chained std::string operator+.
    std::string body = "{\"action\":";
    body += signedAction.action.toJson();
    body += ",\"nonce\":";
    body += std::to_string(signedAction.nonce);
    body += ",\"signature\":{\"r\":\"";
    body += signedAction.signature.rHex();
    body += "\",\"s\":\"";
    body += signedAction.signature.sHex();
    body += "\",\"v\":";
    body += std::to_string(signedAction.signature.v);
    body += "},\"vaultAddress\":";
    if (signedAction.vault) {
        body += '"';
        body += signedAction.vault->toHex();
        body += '"';
    } else {
        body += "null";
    }
    body += ",\"expiresAfter\":";
    body += signedAction.expiresAfterMs ? std::to_string(*signedAction.expiresAfterMs) : std::string("null");
    body += '}';
    return body;
}

} // namespace sixbtc::exchange::hyperliquid
