// SPDX-License-Identifier: MIT
// A ready fake exchange for loopback tests: BTC replayed from real candles, a funded master, signing helpers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <QJsonObject>

#include "common/candleseries.h"
#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/wirevalue.h"
#include "fakes/hyperliquid/fakehyperliquidserver.h"
#include "fakes/hyperliquid/fakerawclient.h"

namespace sixbtc::fakes::hyperliquid {

/// Owns a listening FakeHyperliquidServer with one market (BTC, asset 0, szDecimals 5, max leverage 40) replayed
/// from `btc` starting at bar 0, Hyperliquid's rules on mainnet, a clock the test sets (starting at the first
/// bar's open time), and the master account of kMasterKey funded with `masterUsdc`.
class FakeHarness
{
public:
    /// The signing vectors' key; its address is 0x14791697260e4c9a71f18484c9f997b308e59325.
    static constexpr const char* kMasterKey = "0x0123456789012345678901234567890123456789012345678901234567890123";
    /// A key for an agent (API wallet) and one the fake never heard of.
    static constexpr const char* kAgentKey = "0x1111111111111111111111111111111111111111111111111111111111111111";
    static constexpr const char* kStrangerKey = "0x2222222222222222222222222222222222222222222222222222222222222222";

    FakeHarness(common::CandleSeries btc, double masterUsdc, int clientTimeoutMs);

    FakeHyperliquidServer& server() { return m_server; }
    FakeExchange& exchange() { return m_server.exchange(); }
    FakeRawClient& client() { return m_client; }
    std::int64_t nowMs() const { return m_nowMs; }
    void setNowMs(std::int64_t nowMs) { m_nowMs = nowMs; }

    /// The 0x address of a key.
    static std::string addressOf(const char* keyHex);
    std::string master() const { return addressOf(kMasterKey); }

    /// A fresh nonce: the clock, or one above the last nonce handed out.
    std::uint64_t nextNonce();
    /// The /exchange body of an L1 action signed with `keyHex` on mainnet.
    QByteArray signL1(const char* keyHex, const exchange::hyperliquid::WireValue& action, std::uint64_t nonce,
                      const std::optional<exchange::hyperliquid::Address>& vault = std::nullopt,
                      std::optional<std::uint64_t> expiresAfterMs = std::nullopt) const;
    /// The /exchange body of approveAgent(agent, name) signed by `keyHex`.
    QByteArray signApproveAgent(const char* keyHex, const std::string& agent, const std::optional<std::string>& name,
                                std::uint64_t nonce) const;

    /// Posts an L1 action signed by `keyHex` with a fresh nonce and returns the answer.
    RawReply send(const char* keyHex, const exchange::hyperliquid::WireValue& action,
                  const std::optional<exchange::hyperliquid::Address>& vault = std::nullopt);
    /// POST /info.
    RawReply info(const QJsonObject& body);

private:
    std::int64_t m_nowMs;
    std::uint64_t m_lastNonce = 0;
    FakeHyperliquidServer m_server;
    FakeRawClient m_client;
};

} // namespace sixbtc::fakes::hyperliquid
