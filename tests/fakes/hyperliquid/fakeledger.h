// SPDX-License-Identifier: MIT
// Accounts, orders and fills of the fake exchange, and the order rules applied to them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <QJsonValue>

#include "fakes/hyperliquid/fakebooktypes.h"
#include "fakes/hyperliquid/fakeexchangesetup.h"
#include "fakes/hyperliquid/fakemarket.h"

namespace sixbtc::fakes::hyperliquid {

/// A master account or sub-account.
struct FakeAccount
{
    double usdc = 0.0;
    std::map<std::uint32_t, FakePosition> positions;
    std::map<std::uint32_t, int> leverage;
    std::optional<std::string> master; ///< set for a sub-account
    std::string name;
    std::optional<std::int64_t> scheduledCancel;
    std::vector<std::string> subAccounts;
};

/// One order wire as posted, already checked for shape.
struct FakeOrderRequest
{
    std::uint32_t asset;
    bool isBuy;
    std::string px;
    std::string sz;
    bool reduceOnly;
    std::string tif; ///< "Gtc", "Ioc", "Alo"; "" for a trigger order
    std::optional<std::string> triggerPx;
    bool triggerIsMarket;
    std::string tpsl;
    std::optional<std::string> cloid;
};

/// Where an order of an `order` action sits in its grouping.
struct FakePlacement
{
    bool positionTpsl;                   ///< grouping positionTpsl: trigger size follows the position
    std::optional<std::uint64_t> parent; ///< grouping normalTpsl: the entry order this child waits for
    bool parentFilled;                   ///< the parent filled on placement: the child is armed at once
};

/// An order named by oid or by cloid.
using FakeOrderRef = std::variant<std::uint64_t, std::string>;

/// The book. Addresses are lowercase 0x-hex. Prices are doubles; wire texts are validated before they get here.
class FakeLedger
{
public:
    explicit FakeLedger(FakeExchangeSetup setup);

    std::int64_t nowMs() const { return m_clockMs(); }
    const FakeExchangeSetup& setup() const { return m_setup; }

    // Accounts (fakeledger.cpp).
    FakeAccount* account(const std::string& address);
    const FakeAccount* account(const std::string& address) const;
    FakeAccount& addAccount(const std::string& address, double usdc);
    /// The sub-account address created for `master` and `name`, or the error message.
    std::variant<std::string, std::string> createSubAccount(const std::string& master, const std::string& name);
    std::optional<std::string> transfer(const std::string& from, const std::string& to, double usd);
    std::optional<std::string> updateLeverage(const std::string& user, std::uint32_t asset, int leverage);
    std::optional<std::string> scheduleCancel(const std::string& user, std::optional<std::int64_t> timeMs);
    /// Fires every armed dead man's switch whose time has come.
    void sweepScheduledCancels();
    /// Registers `agent` for `master`; a name already used by the master (also "") replaces that agent.
    void approveAgent(const std::string& master, const std::string& agent, const std::string& name);
    /// The master account `signer` acts for: itself when it is a master account, its master when an agent.
    std::optional<std::string> masterOfSigner(const std::string& signer) const;
    int leverageOf(const FakeAccount& account, std::uint32_t asset) const;
    double unrealizedPnl(const FakeAccount& account) const;
    double marginUsed(const FakeAccount& account) const;

    // Orders (fakeorderbook.cpp).
    /// Places one order and returns its status ({"resting":..}, {"filled":..}, {"error":..}, "waitingForFill", ..).
    QJsonValue place(const std::string& user, const FakeOrderRequest& request, const FakePlacement& placement,
                     std::optional<double> partialFill);
    /// "success" or {"error":..}.
    QJsonValue cancel(const std::string& user, std::uint32_t asset, const FakeOrderRef& ref);
    /// Replaces an open order by a new one (new oid); the status of the new order.
    QJsonValue modify(const std::string& user, const FakeOrderRef& ref, const FakeOrderRequest& request,
                      std::optional<double> partialFill);

    // Matching (fakematching.cpp).
    /// Moves every market one bar on, then fills resting orders and fires triggers against the new bars.
    bool advance();

    const FakeMarket* market(std::uint32_t asset) const;
    const std::vector<FakeMarket>& markets() const { return m_markets; }
    const std::map<std::uint64_t, FakeOrder>& orders() const { return m_orders; }
    const std::vector<FakeFill>& fills() const { return m_fills; }
    std::optional<std::uint64_t> findOrder(const std::string& user, const FakeOrderRef& ref) const;
    const std::map<std::string, FakeAccount>& accounts() const { return m_accounts; }

private:
    std::optional<std::string> checkOrder(const FakeAccount& account, const FakeMarket& market,
                                          const FakeOrderRequest& request, double& size) const;
    QJsonValue fillStatus(const FakeOrder& order, double filled, double avgPx) const;
    /// Books a fill: position, balance, fee, realised PnL; arms normalTpsl children of the order.
    void applyFill(FakeOrder& order, double px, double size, bool crossed);
    /// A taker fill of `order` against the market (limited by `partialFill`); returns the filled size.
    double takeLiquidity(FakeOrder& order, const FakeMarket& market, std::optional<double> partialFill);
    void setState(FakeOrder& order, FakeOrderState state);
    void cancelReduceOnlyLeftovers(const std::string& user, std::uint32_t asset);
    void fireTrigger(FakeOrder& order, const FakeMarket& market);
    std::uint64_t newOid() { return m_nextOid++; }

    FakeExchangeSetup m_setup;
    FakeClockMs m_clockMs;
    std::vector<FakeMarket> m_markets;
    std::map<std::string, FakeAccount> m_accounts;
    std::map<std::string, std::pair<std::string, std::string>> m_agents; ///< agent -> (master, name)
    std::map<std::uint64_t, FakeOrder> m_orders;
    std::vector<FakeFill> m_fills;
    std::uint64_t m_nextOid = 1000;
    std::uint64_t m_nextTid = 5000;
};

} // namespace sixbtc::fakes::hyperliquid
