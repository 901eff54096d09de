// SPDX-License-Identifier: MIT
// A ready fake exchange for loopback tests.
#include "fakes/hyperliquid/fakeharness.h"

#include <QJsonDocument>

#include "common/require.h"
#include "exchange/hyperliquid/signing/ecdsa.h"
#include "exchange/hyperliquid/signing/privatekey.h"
#include "exchange/hyperliquid/signing/signedaction.h"
#include "exchange/hyperliquid/signing/useractions.h"

namespace sixbtc::fakes::hyperliquid {

using namespace exchange::hyperliquid;

namespace {

PrivateKey key(const char* hex)
{
    auto parsed = PrivateKey::fromHex(hex);
    SIXBTC_REQUIRE(parsed.has_value());
    return std::move(*parsed);
}

QByteArray bytes(const std::string& text)
{
    return QByteArray::fromStdString(text);
}

} // namespace

FakeHarness::FakeHarness(common::CandleSeries btc, double masterUsdc, int clientTimeoutMs)
    : m_nowMs(btc.timestampMs()[0])
    , m_client(QString(), clientTimeoutMs)
{
    std::vector<FakeMarketSetup> markets;
    markets.push_back(FakeMarketSetup{0, "BTC", 5, 40, std::move(btc), 0});
    m_server.configureExchange(hyperliquidRules(
        config::Network::Mainnet, [this] { return m_nowMs; }, std::move(markets)));
    SIXBTC_REQUIRE(m_server.listen());
    m_client.setBaseUrl(m_server.baseUrl());
    m_server.exchange().addAccount(master(), masterUsdc);
}

std::string FakeHarness::addressOf(const char* keyHex)
{
    return exchange::hyperliquid::addressOf(key(keyHex)).toHex();
}

std::uint64_t FakeHarness::nextNonce()
{
    m_lastNonce = std::max(static_cast<std::uint64_t>(m_nowMs), m_lastNonce + 1);
    return m_lastNonce;
}

QByteArray FakeHarness::signL1(const char* keyHex, const WireValue& action, std::uint64_t nonce,
                               const std::optional<Address>& vault, std::optional<std::uint64_t> expiresAfterMs) const
{
    return bytes(
        exchangeRequestBody(signL1Action(key(keyHex), config::Network::Mainnet, action, nonce, vault, expiresAfterMs)));
}

QByteArray FakeHarness::signApproveAgent(const char* keyHex, const std::string& agent,
                                         const std::optional<std::string>& name, std::uint64_t nonce) const
{
    const auto agentAddress = Address::fromHex(agent);
    SIXBTC_REQUIRE(agentAddress.has_value());
    return bytes(exchangeRequestBody(
        signUserSignedAction(key(keyHex), approveAgentAction(config::Network::Mainnet, *agentAddress, name, nonce))));
}

RawReply FakeHarness::send(const char* keyHex, const WireValue& action, const std::optional<Address>& vault)
{
    return m_client.post(QStringLiteral("/exchange"), signL1(keyHex, action, nextNonce(), vault));
}

RawReply FakeHarness::info(const QJsonObject& body)
{
    return m_client.post(QStringLiteral("/info"), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace sixbtc::fakes::hyperliquid
