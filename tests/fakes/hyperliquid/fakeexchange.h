// SPDX-License-Identifier: MIT
// The fake exchange's state machine: signer checks, nonces, accounts and a candle-driven matching model.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QByteArray>
#include <QJsonObject>

#include "fakes/hyperliquid/fakebooktypes.h"
#include "fakes/hyperliquid/fakeexchangesetup.h"

namespace sixbtc::fakes::hyperliquid {

class FakeLedger;
class FakeNonces;

/// An answer of the fake: HTTP status and body.
struct FakeAnswer
{
    int status;
    QByteArray body;
};

/// Hyperliquid's POST /exchange and the per-user /info answers over one live book. Addresses are 0x-hex
/// (any case; stored lowercase). The market of each asset is a replayed candle series: advance() makes the
/// next bar current, fills resting orders its low/high crosses and fires triggers its range crosses.
/// A scheduled cancel (dead man's switch) fires at the first request or advance() at or after its time.
/// Error texts (status "err"): "User or API Wallet 0x.. does not exist." (unknown signer),
/// "Invalid nonce: duplicate nonce", "Invalid nonce: nonce too low" (not above the smallest kept),
/// "Invalid nonce: nonce too far from current time", "Action expired" (expiresAfter < now).
class FakeExchange
{
public:
    explicit FakeExchange(FakeExchangeSetup setup);
    ~FakeExchange();
    FakeExchange(const FakeExchange&) = delete;
    FakeExchange& operator=(const FakeExchange&) = delete;

    /// A master account that may sign (and be traded) with `usdc` of perp balance.
    void addAccount(const std::string& address, double usdc);
    /// Approves `agent` as an API wallet of `master` (as approveAgent does). \warning REQUIRE: master known.
    void addAgent(const std::string& master, const std::string& agent);
    /// A sub-account of `master`, tradable by the master and its agents with vaultAddress = `sub`.
    void addSubAccount(const std::string& master, const std::string& sub, const std::string& name, double usdc);

    /// Makes the next `candles` bars of every market current, one at a time. Returns false when a series ran out.
    bool advance(int candles);
    /// The current bar's close of `asset`.
    double marketPrice(std::uint32_t asset) const;
    /// The injected clock.
    std::int64_t nowMs() const;

    /// Open (resting or waiting trigger) orders of an account, oldest first.
    std::vector<FakeOrder> openOrders(const std::string& user) const;
    /// Every order ever accepted, in oid order.
    std::vector<FakeOrder> allOrders() const;
    /// Fills of an account, oldest first.
    std::vector<FakeFill> fills(const std::string& user) const;
    /// How many distinct orders of `user` were accepted with `cloid` (a resent order that was already placed
    /// shows up as 2: the duplicate a soak test must never see).
    int ordersPlacedWithCloid(const std::string& user, const std::string& cloid) const;
    FakePosition position(const std::string& user, std::uint32_t asset) const;
    /// Perp USDC balance (realised PnL and fees included, unrealised PnL excluded).
    double balance(const std::string& user) const;
    /// Cross leverage of `user` on `asset`.
    int leverage(const std::string& user, std::uint32_t asset) const;
    /// The armed dead man's switch of `user`.
    std::optional<std::int64_t> scheduledCancel(const std::string& user) const;
    /// Number of /exchange actions applied (signature and nonce accepted).
    int appliedActions() const;

    /// Applies one POST /exchange body. `partialFillFraction` set: taker fills are cut to that share (fault).
    FakeAnswer handleExchange(const QByteArray& body, std::optional<double> partialFillFraction);
    /// The /info answer from the live book (openOrders, frontendOpenOrders, orderStatus, clearinghouseState,
    /// userFills, userFillsByTime, subAccounts for a known account; allMids of the replayed markets), or nullopt
    /// when the request is not about the live book (the canned answers serve it).
    std::optional<QByteArray> handleInfo(const QJsonObject& body);

private:
    std::optional<QByteArray> userInfo(const QString& type, const std::string& user, const QJsonObject& body) const;

    config::Network m_network;
    std::unique_ptr<FakeLedger> m_ledger;
    std::unique_ptr<FakeNonces> m_nonces;
    int m_applied = 0;
};

} // namespace sixbtc::fakes::hyperliquid
