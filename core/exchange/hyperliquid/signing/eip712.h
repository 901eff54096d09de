// SPDX-License-Identifier: MIT
// EIP-712 typed-data hashing: domain separators, struct hashes and the digests Hyperliquid signs.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "config/settings.h"
#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/keccak.h"

namespace sixbtc::exchange::hyperliquid {

/// Chain id of the L1 "phantom agent" domain ("Exchange", version 1), on mainnet and testnet alike.
inline constexpr std::uint64_t kL1ChainId = 1337;
/// `signatureChainId` of user-signed actions as the official SDKs send it (0x66eee, on both networks).
inline constexpr std::uint64_t kUserSignedChainId = 0x66eee;
/// The same chain id as posted in the action JSON.
inline constexpr std::string_view kUserSignedChainIdHex = "0x66eee";

/// One typed EIP-712 value: `string` (hashed as keccak256 of its UTF-8), `address`, `bool`, `uint64`, `bytes32`.
using Eip712Value = std::variant<std::string, Address, bool, std::uint64_t, Hash32>;

/// A named member of an EIP-712 struct, in type-string order.
struct Eip712Field
{
    std::string name;
    Eip712Value value;
};

/// The EIP-712 type string, e.g. "Agent(string source,bytes32 connectionId)".
std::string eip712TypeString(std::string_view primaryType, std::span<const Eip712Field> fields);

/// hashStruct = keccak256(typeHash || encoded members), every member encoded as one 32-byte word.
Hash32 eip712HashStruct(std::string_view primaryType, std::span<const Eip712Field> fields);

/// keccak256 of the EIP712Domain(string name,string version,uint256 chainId,address verifyingContract) struct.
Hash32 eip712DomainSeparator(std::string_view name, std::string_view version, std::uint64_t chainId,
                             const Address& verifyingContract);

/// keccak256(0x19 0x01 || domainSeparator || structHash): the 32 bytes that are signed.
Hash32 eip712Digest(const Hash32& domainSeparator, const Hash32& structHash);

/// "a" on mainnet, "b" on testnet: the phantom agent's source.
std::string_view phantomAgentSource(config::Network network);

/// "Mainnet" or "Testnet": the `hyperliquidChain` of user-signed actions.
std::string_view hyperliquidChainName(config::Network network);

/// Digest of an L1 action: Agent{source, connectionId} in the Exchange/1/1337/0x0 domain.
Hash32 l1ActionDigest(const Hash32& connectionId, config::Network network);

/// Digest of a user-signed action: its struct hash in the HyperliquidSignTransaction/1/chainId/0x0 domain.
Hash32 userSignedDigest(const Hash32& structHash, std::uint64_t chainId);

} // namespace sixbtc::exchange::hyperliquid
