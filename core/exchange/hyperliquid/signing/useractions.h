// SPDX-License-Identifier: MIT
// Builders of the user-signed actions (plain EIP-712 over the action's typed fields, signed by the master key).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "config/settings.h"
#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/keccak.h"
#include "exchange/hyperliquid/signing/wirevalue.h"

namespace sixbtc::exchange::hyperliquid {

/// A user-signed action ready to sign: the JSON posted, its EIP-712 type and struct hash, and its nonce
/// (the action's own `time`/`nonce` field, which the envelope must repeat).
struct UserSignedAction
{
    WireValue action;
    std::string typeString; ///< e.g. "HyperliquidTransaction:UsdSend(string hyperliquidChain,...)"
    Hash32 structHash;
    std::uint64_t nonce;
    std::uint64_t chainId; ///< the domain's chain id, equal to the posted signatureChainId
};

/// usdSend: USDC (perp balance) to another address. `amount` is a canonical decimal string ("1", "12.5").
UserSignedAction usdSendAction(config::Network network, const Address& destination, const std::string& amount,
                               std::uint64_t timeMs);
/// withdraw3: USDC to the bridge destination.
UserSignedAction withdrawAction(config::Network network, const Address& destination, const std::string& amount,
                                std::uint64_t timeMs);
/// spotSend: a spot token (`token` is "NAME:0x<token id>") to another address.
UserSignedAction spotSendAction(config::Network network, const Address& destination, const std::string& token,
                                const std::string& amount, std::uint64_t timeMs);
/// usdClassTransfer: USDC between spot and perp; for a sub-account `amount` carries " subaccount:0x..".
UserSignedAction usdClassTransferAction(config::Network network, const std::string& amount, bool toPerp,
                                        std::uint64_t nonce);
/// approveAgent: registers an API wallet. An unnamed agent is signed with agentName "" and posted without the key.
UserSignedAction approveAgentAction(config::Network network, const Address& agent,
                                    const std::optional<std::string>& agentName, std::uint64_t nonce);
/// approveBuilderFee: allows `builder` to charge up to `maxFeeRate` (e.g. "0.001%").
UserSignedAction approveBuilderFeeAction(config::Network network, const std::string& maxFeeRate, const Address& builder,
                                         std::uint64_t nonce);

} // namespace sixbtc::exchange::hyperliquid
