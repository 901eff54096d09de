// SPDX-License-Identifier: MIT
// Accounts of the fake exchange: balances, transfers, leverage, margin and the dead man's switch.
#include "fakes/hyperliquid/fakeledger.h"

#include <cmath>

#include "common/require.h"
#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/keccak.h"

namespace sixbtc::fakes::hyperliquid {

std::string fakeOrderStateName(FakeOrderState state)
{
    switch (state) {
    case FakeOrderState::Open: return "open";
    case FakeOrderState::Filled: return "filled";
    case FakeOrderState::Canceled: return "canceled";
    case FakeOrderState::Triggered: return "triggered";
    case FakeOrderState::ScheduledCancel: return "scheduledCancel";
    case FakeOrderState::ReduceOnlyCanceled: return "reduceOnlyCanceled";
    }
    return "unknown";
}

FakeLedger::FakeLedger(FakeExchangeSetup setup)
    : m_setup(std::move(setup))
    , m_clockMs(m_setup.clockMs)
{
    SIXBTC_REQUIRE(static_cast<bool>(m_clockMs));
    for (auto& market : m_setup.markets)
        m_markets.emplace_back(std::move(market));
    m_setup.markets.clear();
}

FakeAccount* FakeLedger::account(const std::string& address)
{
    const auto it = m_accounts.find(address);
    return it == m_accounts.end() ? nullptr : &it->second;
}

const FakeAccount* FakeLedger::account(const std::string& address) const
{
    const auto it = m_accounts.find(address);
    return it == m_accounts.end() ? nullptr : &it->second;
}

FakeAccount& FakeLedger::addAccount(const std::string& address, double usdc)
{
    FakeAccount& account = m_accounts[address];
    account.usdc = usdc;
    return account;
}

std::variant<std::string, std::string> FakeLedger::createSubAccount(const std::string& master, const std::string& name)
{
    using Result = std::variant<std::string, std::string>;
    FakeAccount* owner = account(master);
    if (!owner || owner->master)
        return Result(std::in_place_index<1>, "Only a master account can create sub-accounts.");
    if (name.empty() || name.size() > 16)
        return Result(std::in_place_index<1>, "Invalid sub-account name.");
    for (const auto& sub : owner->subAccounts) {
        if (m_accounts.at(sub).name == name)
            return Result(std::in_place_index<1>, "Sub-account name already in use.");
    }
    // A deterministic address: the last 20 bytes of keccak256(master || ":" || name).
    const auto hash = exchange::hyperliquid::keccak256(master + ":" + name);
    exchange::hyperliquid::Address::Bytes bytes{};
    std::copy(hash.end() - 20, hash.end(), bytes.begin());
    const std::string address = exchange::hyperliquid::Address::fromBytes(bytes).toHex();
    FakeAccount& sub = addAccount(address, 0.0);
    sub.master = master;
    sub.name = name;
    account(master)->subAccounts.push_back(address);
    return Result(std::in_place_index<0>, address);
}

std::optional<std::string> FakeLedger::transfer(const std::string& from, const std::string& to, double usd)
{
    FakeAccount* source = account(from);
    FakeAccount* target = account(to);
    if (!source || !target)
        return std::string("Unknown account for transfer.");
    const double withdrawable = source->usdc + std::min(0.0, unrealizedPnl(*source)) - marginUsed(*source);
    if (usd <= 0.0 || usd > withdrawable + 1e-9)
        return std::string("Insufficient balance for transfer.");
    source->usdc -= usd;
    target->usdc += usd;
    return std::nullopt;
}

std::optional<std::string> FakeLedger::updateLeverage(const std::string& user, std::uint32_t asset, int leverage)
{
    const FakeMarket* traded = market(asset);
    FakeAccount* owner = account(user);
    if (!traded || !owner)
        return std::string("Unknown asset.");
    if (leverage < 1 || leverage > traded->maxLeverage())
        return std::string("Invalid leverage value.");
    const int previous = leverageOf(*owner, asset);
    owner->leverage[asset] = leverage;
    if (marginUsed(*owner) > owner->usdc + unrealizedPnl(*owner)) {
        owner->leverage[asset] = previous;
        return std::string("Insufficient margin to update leverage.");
    }
    return std::nullopt;
}

std::optional<std::string> FakeLedger::scheduleCancel(const std::string& user, std::optional<std::int64_t> timeMs)
{
    FakeAccount* owner = account(user);
    SIXBTC_REQUIRE(owner != nullptr);
    if (timeMs && *timeMs < nowMs() + m_setup.scheduleCancelMinLeadMs)
        return std::string("Scheduled cancel time too early, must be at least 5 seconds from now.");
    owner->scheduledCancel = timeMs;
    return std::nullopt;
}

void FakeLedger::sweepScheduledCancels()
{
    const std::int64_t now = nowMs();
    for (auto& [address, owner] : m_accounts) {
        if (!owner.scheduledCancel || *owner.scheduledCancel > now)
            continue;
        owner.scheduledCancel.reset();
        for (auto& [oid, order] : m_orders) {
            if (order.user == address && order.state == FakeOrderState::Open)
                setState(order, FakeOrderState::ScheduledCancel);
        }
    }
}

void FakeLedger::approveAgent(const std::string& master, const std::string& agent, const std::string& name)
{
    SIXBTC_REQUIRE(account(master) != nullptr);
    std::erase_if(m_agents, [&](const auto& entry) { return entry.second == std::make_pair(master, name); });
    m_agents[agent] = {master, name};
}

std::optional<std::string> FakeLedger::masterOfSigner(const std::string& signer) const
{
    if (const FakeAccount* own = account(signer); own && !own->master)
        return signer;
    const auto agent = m_agents.find(signer);
    if (agent == m_agents.end())
        return std::nullopt;
    return agent->second.first;
}

int FakeLedger::leverageOf(const FakeAccount& owner, std::uint32_t asset) const
{
    const auto it = owner.leverage.find(asset);
    return it == owner.leverage.end() ? m_setup.initialLeverage : it->second;
}

double FakeLedger::unrealizedPnl(const FakeAccount& owner) const
{
    double pnl = 0.0;
    for (const auto& [asset, position] : owner.positions) {
        if (const FakeMarket* traded = market(asset))
            pnl += position.szi * (traded->price() - position.entryPx);
    }
    return pnl;
}

double FakeLedger::marginUsed(const FakeAccount& owner) const
{
    double used = 0.0;
    for (const auto& [asset, position] : owner.positions) {
        if (const FakeMarket* traded = market(asset))
            used += std::abs(position.szi) * traded->price() / leverageOf(owner, asset);
    }
    return used;
}

const FakeMarket* FakeLedger::market(std::uint32_t asset) const
{
    for (const auto& candidate : m_markets) {
        if (candidate.asset() == asset)
            return &candidate;
    }
    return nullptr;
}

std::optional<std::uint64_t> FakeLedger::findOrder(const std::string& user, const FakeOrderRef& ref) const
{
    if (const auto* oid = std::get_if<std::uint64_t>(&ref)) {
        const auto it = m_orders.find(*oid);
        if (it != m_orders.end() && it->second.user == user)
            return *oid;
        return std::nullopt;
    }
    const std::string& cloid = std::get<std::string>(ref);
    std::optional<std::uint64_t> latest;
    for (const auto& [oid, order] : m_orders) {
        if (order.user == user && order.cloid == cloid)
            latest = oid;
    }
    return latest;
}

void FakeLedger::setState(FakeOrder& order, FakeOrderState state)
{
    order.state = state;
    order.stateTimestampMs = nowMs();
}

} // namespace sixbtc::fakes::hyperliquid
