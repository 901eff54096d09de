// SPDX-License-Identifier: MIT
// The fake exchange: authorisation (signer, vault, expiresAfter, nonce) in front of the ledger, and inspection.
#include "fakes/hyperliquid/fakeexchange.h"

#include <algorithm>
#include <cctype>

#include "common/require.h"
#include "fakes/hyperliquid/fakeactionapply.h"
#include "fakes/hyperliquid/fakeenvelope.h"
#include "fakes/hyperliquid/fakeledger.h"
#include "fakes/hyperliquid/fakenonces.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

} // namespace

FakeExchange::FakeExchange(FakeExchangeSetup setup)
    : m_network(setup.network)
    , m_nonces(std::make_unique<FakeNonces>(setup.keptNonces, setup.nonceMaxPastMs, setup.nonceMaxFutureMs))
{
    m_ledger = std::make_unique<FakeLedger>(std::move(setup));
}

FakeExchange::~FakeExchange() = default;

void FakeExchange::addAccount(const std::string& address, double usdc)
{
    m_ledger->addAccount(lower(address), usdc);
}

void FakeExchange::addAgent(const std::string& master, const std::string& agent)
{
    m_ledger->approveAgent(lower(master), lower(agent), "fake:" + lower(agent));
}

void FakeExchange::addSubAccount(const std::string& master, const std::string& sub, const std::string& name,
                                 double usdc)
{
    FakeAccount* owner = m_ledger->account(lower(master));
    SIXBTC_REQUIRE(owner != nullptr && !owner->master);
    owner->subAccounts.push_back(lower(sub));
    FakeAccount& created = m_ledger->addAccount(lower(sub), usdc);
    created.master = lower(master);
    created.name = name;
}

bool FakeExchange::advance(int candles)
{
    for (int i = 0; i < candles; ++i) {
        if (!m_ledger->advance())
            return false;
    }
    return true;
}

double FakeExchange::marketPrice(std::uint32_t asset) const
{
    const FakeMarket* market = m_ledger->market(asset);
    SIXBTC_REQUIRE(market != nullptr);
    return market->price();
}

std::int64_t FakeExchange::nowMs() const
{
    return m_ledger->nowMs();
}

std::vector<FakeOrder> FakeExchange::openOrders(const std::string& user) const
{
    std::vector<FakeOrder> out;
    for (const auto& [oid, order] : m_ledger->orders()) {
        if (order.user == lower(user) && order.state == FakeOrderState::Open)
            out.push_back(order);
    }
    return out;
}

std::vector<FakeOrder> FakeExchange::allOrders() const
{
    std::vector<FakeOrder> out;
    for (const auto& [oid, order] : m_ledger->orders())
        out.push_back(order);
    return out;
}

std::vector<FakeFill> FakeExchange::fills(const std::string& user) const
{
    std::vector<FakeFill> out;
    std::copy_if(m_ledger->fills().begin(), m_ledger->fills().end(), std::back_inserter(out),
                 [&](const FakeFill& fill) { return fill.user == lower(user); });
    return out;
}

int FakeExchange::ordersPlacedWithCloid(const std::string& user, const std::string& cloid) const
{
    const auto& orders = m_ledger->orders();
    return static_cast<int>(std::count_if(orders.begin(), orders.end(), [&](const auto& entry) {
        return entry.second.user == lower(user) && entry.second.cloid == lower(cloid);
    }));
}

FakePosition FakeExchange::position(const std::string& user, std::uint32_t asset) const
{
    const FakeAccount* account = m_ledger->account(lower(user));
    SIXBTC_REQUIRE(account != nullptr);
    const auto it = account->positions.find(asset);
    return it == account->positions.end() ? FakePosition{} : it->second;
}

double FakeExchange::balance(const std::string& user) const
{
    const FakeAccount* account = m_ledger->account(lower(user));
    SIXBTC_REQUIRE(account != nullptr);
    return account->usdc;
}

int FakeExchange::leverage(const std::string& user, std::uint32_t asset) const
{
    const FakeAccount* account = m_ledger->account(lower(user));
    SIXBTC_REQUIRE(account != nullptr);
    return m_ledger->leverageOf(*account, asset);
}

std::optional<std::int64_t> FakeExchange::scheduledCancel(const std::string& user) const
{
    const FakeAccount* account = m_ledger->account(lower(user));
    SIXBTC_REQUIRE(account != nullptr);
    return account->scheduledCancel;
}

int FakeExchange::appliedActions() const
{
    return m_applied;
}

FakeAnswer FakeExchange::handleExchange(const QByteArray& body, std::optional<double> partialFillFraction)
{
    m_ledger->sweepScheduledCancels();
    auto envelope = parseEnvelope(std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
    const QByteArray deserialize = "Failed to deserialize the JSON body into the target type: ";
    if (!envelope)
        return {422, deserialize + QByteArray::fromStdString(envelope.error().message)};
    auto action = parseFakeAction(envelope->action);
    if (!action)
        return {422, deserialize + QByteArray::fromStdString(action.error().message)};
    auto signer = recoverEnvelopeSigner(*envelope, m_network);
    if (!signer)
        return exchangeError("Invalid signature: " + signer.error().message);
    const std::string signerHex = signer->toHex();
    const auto master = m_ledger->masterOfSigner(signerHex);
    if (!master)
        return exchangeError("User or API Wallet " + signerHex + " does not exist.");
    std::string user = *master;
    if (envelope->vault) {
        user = envelope->vault->toHex();
        const FakeAccount* vault = m_ledger->account(user);
        if (!vault || vault->master != *master)
            return exchangeError("Vault not registered: " + user + ".");
    }
    const std::int64_t now = m_ledger->nowMs();
    if (envelope->expiresAfterMs && static_cast<std::int64_t>(*envelope->expiresAfterMs) < now)
        return exchangeError("Action expired: expiresAfter " + std::to_string(*envelope->expiresAfterMs) +
                             " is before the current time " + std::to_string(now) + ".");
    if (auto refused = m_nonces->accept(signerHex, envelope->nonce, now))
        return exchangeError(*refused);
    ++m_applied;
    return applyFakeAction(*m_ledger, *action, FakeActor{signerHex, *master, user}, partialFillFraction);
}

} // namespace sixbtc::fakes::hyperliquid
