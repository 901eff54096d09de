// SPDX-License-Identifier: MIT
// EIP-712 typed-data hashing for the L1 phantom agent and the user-signed actions.
#include "exchange/hyperliquid/signing/eip712.h"

#include <algorithm>

#include "exchange/hyperliquid/signing/hex.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

template <typename... F>
struct Overloaded : F...
{
    using F::operator()...;
};

std::string_view typeName(const Eip712Value& value)
{
    return std::visit(Overloaded{
                          [](const std::string&) { return std::string_view("string"); },
                          [](const Address&) { return std::string_view("address"); },
                          [](bool) { return std::string_view("bool"); },
                          [](std::uint64_t) { return std::string_view("uint64"); },
                          [](const Hash32&) { return std::string_view("bytes32"); },
                      },
                      value);
}

/// A value right-aligned in a 32-byte big-endian word.
Hash32 word(std::uint64_t value)
{
    Hash32 out{};
    for (int i = 0; i < 8; ++i)
        out[31 - i] = static_cast<std::uint8_t>(value >> (8 * i));
    return out;
}

Hash32 encodeValue(const Eip712Value& value)
{
    return std::visit(Overloaded{
                          [](const std::string& text) { return keccak256(text); },
                          [](const Address& address) {
                              Hash32 out{};
                              std::copy(address.bytes().begin(), address.bytes().end(), out.begin() + 12);
                              return out;
                          },
                          [](bool flag) { return word(flag ? 1 : 0); },
                          [](std::uint64_t number) { return word(number); },
                          [](const Hash32& bytes) { return bytes; },
                      },
                      value);
}

Hash32 hashWords(std::span<const Hash32> words)
{
    Bytes buffer;
    buffer.reserve(words.size() * 32);
    for (const auto& w : words)
        buffer.insert(buffer.end(), w.begin(), w.end());
    return keccak256(buffer);
}

/// The L1 domain never changes: hash it once.
const Hash32& l1DomainSeparator()
{
    static const Hash32 separator =
        eip712DomainSeparator("Exchange", "1", kL1ChainId, Address::fromBytes(Address::Bytes{}));
    return separator;
}

} // namespace

std::string eip712TypeString(std::string_view primaryType, std::span<const Eip712Field> fields)
{
    std::string text(primaryType);
    text += '(';
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            text += ',';
        text += typeName(fields[i].value);
        text += ' ';
        text += fields[i].name;
    }
    text += ')';
    return text;
}

Hash32 eip712HashStruct(std::string_view primaryType, std::span<const Eip712Field> fields)
{
    std::vector<Hash32> words;
    words.reserve(fields.size() + 1);
    words.push_back(keccak256(eip712TypeString(primaryType, fields)));
    for (const auto& field : fields)
        words.push_back(encodeValue(field.value));
    return hashWords(words);
}

Hash32 eip712DomainSeparator(std::string_view name, std::string_view version, std::uint64_t chainId,
                             const Address& verifyingContract)
{
    // uint256 chainId: encoded like uint64, so it is spelled out here instead of using eip712HashStruct.
    const std::array<Hash32, 5> words{
        keccak256(
            std::string_view("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")),
        keccak256(name),
        keccak256(version),
        word(chainId),
        encodeValue(verifyingContract),
    };
    return hashWords(words);
}

Hash32 eip712Digest(const Hash32& domainSeparator, const Hash32& structHash)
{
    Bytes buffer{0x19, 0x01};
    buffer.insert(buffer.end(), domainSeparator.begin(), domainSeparator.end());
    buffer.insert(buffer.end(), structHash.begin(), structHash.end());
    return keccak256(buffer);
}

std::string_view phantomAgentSource(config::Network network)
{
    return network == config::Network::Mainnet ? "a" : "b";
}

std::string_view hyperliquidChainName(config::Network network)
{
    return network == config::Network::Mainnet ? "Mainnet" : "Testnet";
}

Hash32 l1ActionDigest(const Hash32& connectionId, config::Network network)
{
    const std::array<Eip712Field, 2> fields{
        Eip712Field{"source", std::string(phantomAgentSource(network))},
        Eip712Field{"connectionId", connectionId},
    };
    return eip712Digest(l1DomainSeparator(), eip712HashStruct("Agent", fields));
}

Hash32 userSignedDigest(const Hash32& structHash, std::uint64_t chainId)
{
    return eip712Digest(
        eip712DomainSeparator("HyperliquidSignTransaction", "1", chainId, Address::fromBytes(Address::Bytes{})),
        structHash);
}

} // namespace sixbtc::exchange::hyperliquid
