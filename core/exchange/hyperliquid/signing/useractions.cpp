// SPDX-License-Identifier: MIT
// Builders of the user-signed actions.
#include "exchange/hyperliquid/signing/useractions.h"

#include <vector>

#include "exchange/hyperliquid/signing/eip712.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

template <typename... F>
struct Overloaded : F...
{
    using F::operator()...;
};

WireValue jsonValue(const Eip712Value& value)
{
    return std::visit(Overloaded{
                          [](const std::string& text) { return WireValue::string(text); },
                          [](const Address& address) { return WireValue::string(address.toHex()); },
                          [](bool flag) { return WireValue::boolean(flag); },
                          [](std::uint64_t number) { return WireValue::unsignedInteger(number); },
                          [](const Hash32& bytes) { return WireValue::string(toHex0x(bytes)); },
                      },
                      value);
}

/// The posted action is {type, signatureChainId, hyperliquidChain, <fields after hyperliquidChain>}; the signed
/// struct is `primaryType` over `fields` (hyperliquidChain first). Fields named in `notPosted` are signed only.
UserSignedAction build(std::string_view actionType, std::string_view primaryType, std::vector<Eip712Field> fields,
                       std::uint64_t nonce, std::string_view notPosted = {})
{
    WireValue action = WireValue::map();
    action.add("type", WireValue::string(std::string(actionType)));
    action.add("signatureChainId", WireValue::string(std::string(kUserSignedChainIdHex)));
    for (const auto& field : fields) {
        if (field.name != notPosted)
            action.add(field.name, jsonValue(field.value));
    }
    return UserSignedAction{std::move(action), eip712TypeString(primaryType, fields),
                            eip712HashStruct(primaryType, fields), nonce, kUserSignedChainId};
}

Eip712Field chain(config::Network network)
{
    return {"hyperliquidChain", std::string(hyperliquidChainName(network))};
}

} // namespace

UserSignedAction usdSendAction(config::Network network, const Address& destination, const std::string& amount,
                               std::uint64_t timeMs)
{
    // `destination` is a `string` field: signed verbatim, so always the lowercase form.
    return build("usdSend", "HyperliquidTransaction:UsdSend",
                 {chain(network), {"destination", destination.toHex()}, {"amount", amount}, {"time", timeMs}}, timeMs);
}

UserSignedAction withdrawAction(config::Network network, const Address& destination, const std::string& amount,
                                std::uint64_t timeMs)
{
    return build("withdraw3", "HyperliquidTransaction:Withdraw",
                 {chain(network), {"destination", destination.toHex()}, {"amount", amount}, {"time", timeMs}}, timeMs);
}

UserSignedAction spotSendAction(config::Network network, const Address& destination, const std::string& token,
                                const std::string& amount, std::uint64_t timeMs)
{
    return build(
        "spotSend", "HyperliquidTransaction:SpotSend",
        {chain(network), {"destination", destination.toHex()}, {"token", token}, {"amount", amount}, {"time", timeMs}},
        timeMs);
}

UserSignedAction usdClassTransferAction(config::Network network, const std::string& amount, bool toPerp,
                                        std::uint64_t nonce)
{
    return build("usdClassTransfer", "HyperliquidTransaction:UsdClassTransfer",
                 {chain(network), {"amount", amount}, {"toPerp", toPerp}, {"nonce", nonce}}, nonce);
}

UserSignedAction approveAgentAction(config::Network network, const Address& agent,
                                    const std::optional<std::string>& agentName, std::uint64_t nonce)
{
    return build(
        "approveAgent", "HyperliquidTransaction:ApproveAgent",
        {chain(network), {"agentAddress", agent}, {"agentName", agentName.value_or(std::string())}, {"nonce", nonce}},
        nonce, agentName ? std::string_view() : std::string_view("agentName"));
}

UserSignedAction approveBuilderFeeAction(config::Network network, const std::string& maxFeeRate, const Address& builder,
                                         std::uint64_t nonce)
{
    return build("approveBuilderFee", "HyperliquidTransaction:ApproveBuilderFee",
                 {chain(network), {"maxFeeRate", maxFeeRate}, {"builder", builder}, {"nonce", nonce}}, nonce);
}

} // namespace sixbtc::exchange::hyperliquid
