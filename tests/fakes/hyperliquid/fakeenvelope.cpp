// SPDX-License-Identifier: MIT
// Parsing the /exchange envelope and recovering its signer.
#include "fakes/hyperliquid/fakeenvelope.h"

#include <charconv>
#include <vector>

#include "exchange/hyperliquid/signing/actionhash.h"
#include "exchange/hyperliquid/signing/eip712.h"
#include "exchange/hyperliquid/signing/hex.h"

namespace sixbtc::fakes::hyperliquid {

using common::ErrorCode;
using common::fail;
using common::Result;
using namespace exchange::hyperliquid;

namespace {

/// A 256-bit word from 0x + up to 64 hex digits (the python SDK drops leading zeros).
Result<Hash32> word(const OrderedJson* value, std::string_view name)
{
    const auto text = value ? value->toString() : std::nullopt;
    if (!text || text->size() < 3 || text->size() > 66 || text->rfind("0x", 0) != 0)
        return fail(ErrorCode::Input, "signature." + std::string(name) + " must be 0x + at most 64 hex digits");
    std::string digits = text->substr(2);
    digits.insert(0, 64 - digits.size(), '0');
    Hash32 out{};
    if (!decodeHexInto(digits, out))
        return fail(ErrorCode::Input, "signature." + std::string(name) + " is not hex");
    return out;
}

Result<std::string> stringField(const OrderedJson& action, std::string_view name)
{
    const OrderedJson* value = action.find(name);
    if (!value || !value->isString())
        return fail(ErrorCode::Input, "action." + std::string(name) + " must be a string");
    return *value->toString();
}

Result<std::uint64_t> chainIdOf(const OrderedJson& action)
{
    auto hex = stringField(action, "signatureChainId");
    if (!hex)
        return tl::unexpected(hex.error());
    const std::string_view digits = std::string_view(*hex).substr(hex->rfind("0x", 0) == 0 ? 2 : 0);
    std::uint64_t id = 0;
    const auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), id, 16);
    if (!digits.empty() && status == std::errc() && end == digits.data() + digits.size())
        return id;
    return fail(ErrorCode::Input, "action.signatureChainId is not a hex number");
}

/// The typed struct of a user-signed action, read from the posted fields.
Result<Hash32> userSignedStructHash(const FakeEnvelope& envelope)
{
    const OrderedJson& action = envelope.action;
    auto chain = stringField(action, "hyperliquidChain");
    if (!chain)
        return tl::unexpected(chain.error());
    const std::string_view nonceKey = envelope.type == "usdSend" ? "time" : "nonce";
    const OrderedJson* nonce = action.find(nonceKey);
    if (!nonce || nonce->toUint64() != envelope.nonce)
        return fail(ErrorCode::Input, "action." + std::string(nonceKey) + " must equal the envelope nonce");
    std::vector<Eip712Field> fields{{"hyperliquidChain", *chain}};
    if (envelope.type == "approveAgent") {
        auto agent = stringField(action, "agentAddress");
        if (!agent)
            return tl::unexpected(agent.error());
        auto address = Address::fromHex(*agent);
        if (!address)
            return tl::unexpected(address.error());
        const OrderedJson* name = action.find("agentName");
        fields.push_back({"agentAddress", *address});
        fields.push_back({"agentName", name && name->isString() ? *name->toString() : std::string()});
        fields.push_back({"nonce", envelope.nonce});
        return eip712HashStruct("HyperliquidTransaction:ApproveAgent", fields);
    }
    auto destination = stringField(action, "destination");
    auto amount = stringField(action, "amount");
    if (!destination || !amount)
        return fail(ErrorCode::Input, "usdSend needs destination and amount strings");
    fields.push_back({"destination", *destination});
    fields.push_back({"amount", *amount});
    fields.push_back({"time", envelope.nonce});
    return eip712HashStruct("HyperliquidTransaction:UsdSend", fields);
}

} // namespace

Result<FakeEnvelope> parseEnvelope(std::string_view body)
{
    auto root = OrderedJson::parse(body);
    if (!root)
        return tl::unexpected(root.error());
    const OrderedJson* action = root->find("action");
    const OrderedJson* nonce = root->find("nonce");
    const OrderedJson* signature = root->find("signature");
    if (!action || !action->isObject() || !nonce || !nonce->toUint64() || !signature || !signature->isObject())
        return fail(ErrorCode::Input, "the body needs action (object), nonce (integer) and signature (object)");
    const auto type = action->find("type") ? action->find("type")->toString() : std::nullopt;
    if (!type)
        return fail(ErrorCode::Input, "action.type must be a string");
    FakeEnvelope envelope{*action, *type, *nonce->toUint64(), {}, std::nullopt, std::nullopt};
    auto r = word(signature->find("r"), "r");
    auto s = word(signature->find("s"), "s");
    const auto v = signature->find("v") ? signature->find("v")->toInt64() : std::nullopt;
    if (!r || !s || !v)
        return fail(ErrorCode::Input, "signature needs r, s (0x hex) and v (integer)");
    envelope.signature = Signature{*r, *s, static_cast<int>(*v)};
    if (const OrderedJson* vault = root->find("vaultAddress"); vault && !vault->isNull()) {
        auto address = vault->isString() ? Address::fromHex(*vault->toString())
                                         : fail(ErrorCode::Input, "vaultAddress must be a string or null");
        if (!address)
            return tl::unexpected(address.error());
        envelope.vault = *address;
    }
    if (const OrderedJson* expires = root->find("expiresAfter"); expires && !expires->isNull()) {
        if (!expires->toUint64())
            return fail(ErrorCode::Input, "expiresAfter must be an integer or null");
        envelope.expiresAfterMs = *expires->toUint64();
    }
    return envelope;
}

bool isUserSignedType(std::string_view type)
{
    return type == "approveAgent" || type == "usdSend";
}

Result<Address> recoverEnvelopeSigner(const FakeEnvelope& envelope, config::Network network)
{
    if (isUserSignedType(envelope.type)) {
        auto structHash = userSignedStructHash(envelope);
        if (!structHash)
            return tl::unexpected(structHash.error());
        auto chainId = chainIdOf(envelope.action);
        if (!chainId)
            return tl::unexpected(chainId.error());
        return recoverSigner(userSignedDigest(*structHash, *chainId), envelope.signature);
    }
    auto wire = envelope.action.toWire();
    if (!wire)
        return tl::unexpected(wire.error());
    const Hash32 connectionId = l1ActionHash(*wire, envelope.nonce, envelope.vault, envelope.expiresAfterMs);
    return recoverSigner(l1ActionDigest(connectionId, network), envelope.signature);
}

} // namespace sixbtc::fakes::hyperliquid
