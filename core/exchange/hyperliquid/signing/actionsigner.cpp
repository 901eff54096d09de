// SPDX-License-Identifier: MIT
// One signer: its key, its address, its network and its own nonce source.
#include "exchange/hyperliquid/signing/actionsigner.h"

namespace sixbtc::exchange::hyperliquid {

ActionSigner::ActionSigner(PrivateKey key, config::Network network, NonceSource::ClockMs clockMs)
    : m_key(std::move(key))
    , m_address(addressOf(m_key))
    , m_network(network)
    , m_nonces(std::move(clockMs))
{
}

SignedAction ActionSigner::signL1(WireValue action, const std::optional<Address>& vault,
                                  std::optional<std::uint64_t> expiresAfterMs)
{
    return signL1Action(m_key, m_network, std::move(action), m_nonces.next(), vault, expiresAfterMs);
}

SignedAction ActionSigner::signUserSigned(UserSignedAction action) const
{
    return signUserSignedAction(m_key, std::move(action));
}

} // namespace sixbtc::exchange::hyperliquid
