// SPDX-License-Identifier: MIT
// A fake exchange with replayed BTC/ETH markets and an ExchangeClient trading on it, for the loopback tests.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <QEventLoop>
#include <QTimer>

#include "exchange/hyperliquid/http/exchangeclient.h"
#include "exchange/hyperliquid/http/infoclient.h"
#include "exchange/hyperliquid/http/peraddresslimiter.h"
#include "exchange/hyperliquid/http/ratelimiter.h"
#include "exchange/hyperliquid/signing/actionsigner.h"
#include "fakes/hyperliquid/fakehyperliquidserver.h"

namespace sixbtc::tests {

/// Runs `start` with a callback and an event loop until the callback has fired (at most `limitMs`).
template <typename T, typename Start>
exchange::hyperliquid::HlResult<T> await(Start start, int limitMs = 10000)
{
    std::optional<exchange::hyperliquid::HlResult<T>> result;
    QEventLoop loop;
    QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
    start([&result, &loop](exchange::hyperliquid::HlResult<T> answer) {
        result = std::move(answer);
        loop.quit();
    });
    loop.exec();
    if (!result)
        return exchange::hyperliquid::hlFail(exchange::hyperliquid::ErrorKind::Transport, "test: no callback in time");
    return std::move(*result);
}

/// The wall clock both the fake and the client use.
std::int64_t wallClockMs();

/// A fake exchange on loopback with one funded master account and an approved agent, and the clients of the
/// agent (trading the master) over it. Settings are short for tests: 300 ms timeout and expiresAfter.
class ExchangeClientFixture
{
public:
    static const char* const kMasterKey;
    static const char* const kAgentKey;

    /// Starts the fake and the clients; `tweak` adjusts the settings first. Aborts the test run on failure.
    explicit ExchangeClientFixture(const std::function<void(config::HyperliquidSettings&)>& tweak = {});
    ~ExchangeClientFixture();

    fakes::hyperliquid::FakeHyperliquidServer& server() { return *m_server; }
    fakes::hyperliquid::FakeExchange& fake() { return m_server->exchange(); }
    exchange::hyperliquid::ExchangeClient& client() { return *m_client; }
    exchange::hyperliquid::InfoClient& info() { return *m_info; }
    exchange::hyperliquid::PerAddressLimiter& addressLimiter() { return *m_addressLimiter; }
    const config::HyperliquidSettings& settings() const { return m_settings; }
    const std::string& master() const { return m_master; }
    const std::string& agent() const { return m_agent; }

    /// Another ExchangeClient over the same fake, signing with `key` for `account` (and `vault`).
    std::unique_ptr<exchange::hyperliquid::ExchangeClient>
    clientFor(exchange::hyperliquid::ActionSigner& signer, const std::string& account,
              const std::optional<std::string>& vault = std::nullopt);
    /// A signer of `hexKey` on the fixture's network and clock.
    static std::unique_ptr<exchange::hyperliquid::ActionSigner> signer(const char* hexKey);

    /// A GTC buy of `asset` at `priceFactor` x the market price, worth about `usd`, with `cloidNumber` as cloid
    /// (0 = no cloid).
    exchange::hyperliquid::OrderRequest limitOrder(std::uint32_t asset, bool isBuy, double priceFactor, double usd,
                                                   exchange::hyperliquid::Tif tif, unsigned cloidNumber);
    /// The cloid 0x000..<n>.
    static exchange::hyperliquid::Cloid cloid(unsigned number);

private:
    config::HyperliquidSettings m_settings{};
    std::unique_ptr<fakes::hyperliquid::FakeHyperliquidServer> m_server;
    std::unique_ptr<exchange::hyperliquid::RateLimiter> m_limiter;
    std::unique_ptr<exchange::hyperliquid::PerAddressLimiter> m_addressLimiter;
    std::unique_ptr<exchange::hyperliquid::ActionSigner> m_signer;
    std::unique_ptr<exchange::hyperliquid::InfoClient> m_info;
    std::unique_ptr<exchange::hyperliquid::ExchangeClient> m_client;
    std::string m_master;
    std::string m_agent;
};

} // namespace sixbtc::tests
