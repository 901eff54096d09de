// SPDX-License-Identifier: MIT
// One signer: its key, its address, its network and its own nonce source.
#pragma once

#include <cstdint>
#include <optional>

#include "config/settings.h"
#include "exchange/hyperliquid/signing/noncesource.h"
#include "exchange/hyperliquid/signing/signedaction.h"

namespace sixbtc::exchange::hyperliquid {

/// Signs actions for one key. The exchange keeps nonces per signer, so each signer owns exactly one NonceSource;
/// every method is safe to call from several threads at once.
class ActionSigner
{
public:
    ActionSigner(PrivateKey key, config::Network network, NonceSource::ClockMs clockMs);

    /// The signer's 0x address (an agent's own address when the key is an API wallet).
    const Address& address() const { return m_address; }
    config::Network network() const { return m_network; }

    /// A fresh nonce of this signer, e.g. the `time`/`nonce` of a user-signed action.
    std::uint64_t nextNonce() { return m_nonces.next(); }

    /// Signs an L1 action with a fresh nonce.
    SignedAction signL1(WireValue action, const std::optional<Address>& vault,
                        std::optional<std::uint64_t> expiresAfterMs);

    /// Signs a user-signed action built with a nonce from nextNonce().
    SignedAction signUserSigned(UserSignedAction action) const;

private:
    PrivateKey m_key;
    Address m_address;
    config::Network m_network;
    NonceSource m_nonces;
};

} // namespace sixbtc::exchange::hyperliquid
