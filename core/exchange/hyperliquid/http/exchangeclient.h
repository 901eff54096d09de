// SPDX-License-Identifier: MIT
// The asynchronous REST client of POST /exchange: signing, write retries, reconciliation, skew and rate limits.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QUrl>

#include "common/error.h"
#include "config/settings.h"
#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/http/exchangeclockskew.h"
#include "exchange/hyperliquid/http/exchangetypes.h"
#include "exchange/hyperliquid/http/infotypes.h"
#include "exchange/hyperliquid/signing/actions.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace sixbtc::exchange::hyperliquid {

class ActionSigner;
class InfoClient;
class PerAddressLimiter;
class RateLimiter;

/// Whom a client trades for and what it works with. Every reference must outlive the client.
struct ExchangeClientContext
{
    ActionSigner& signer;         ///< signs every action: an agent (API wallet) or the master key itself
    Address account;              ///< the master account; with `vault` unset, the account traded and queried
    std::optional<Address> vault; ///< sub-account or vault traded on behalf of (L1 trading actions carry it)
    InfoClient& info;             ///< orderStatus queries that reconcile unknown outcomes
    RateLimiter& limiter;         ///< the IP weight budget, shared with the InfoClient
    PerAddressLimiter& addressLimiter;
    std::function<std::int64_t()> wallClockMs; ///< ms since the epoch: expiresAfter and the clock skew
};

/// Sends signed /exchange actions and hands typed answers to callbacks, asynchronously like InfoClient: every call
/// returns at once and its callback runs later on the client's thread, exactly once.
///
/// Every attempt is signed afresh (new nonce; L1 actions carry expiresAfter = now + hyperliquid.expires_after_ms)
/// and takes its weight (1 + floor(n / 40); cancels and all-reduce-only orders are Protective) from the IP budget
/// and n actions from the per-address budget of the traded address. Write retries (at most retry.max_attempts
/// attempts in all, resends included):
/// - 429 or a refused local budget: not processed; signed again and resent after Retry-After (or the backoff).
/// - 5xx, a timeout or a transport failure: the outcome is unknown. The client waits until the last attempt's
///   expiresAfter + max_clock_skew_ms has passed (so an attempt still in flight can no longer be executed), then
///   orders are looked up by cloid (orderStatus with the traded address, never the agent's): found orders are
///   reported in their real state (reconciled = true), absent ones are resent. Orders without a cloid cannot be
///   reconciled and are never resent: they fail with the Timeout error. Cancels are looked up the same way and
///   resent only while the order is still open. updateLeverage and scheduleCancel are idempotent and simply
///   resent; modify, createSubAccount, subAccountTransfer and approveAgent are not, and fail with Timeout.
/// - {"status":"err"}, other 4xx and malformed answers are final (Nonce / Auth / Exchange / Decode).
/// Clock skew: every answer's `Date` is compared with wallClockMs (see ExchangeClockSkew). An answer out of bounds
/// fails its own request with a Nonce error (the answer is not used: an order it placed must be reconciled by
/// cloid) and blocks every later write; a blocked write first probes the server's time with a cheap /info
/// request (allMids, weight 2) and is sent only when the skew is back in bounds. Nothing secret is logged.
/// Destroying the client drops pending callbacks uncalled; a callback must not delete the client directly.
class ExchangeClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(HlResult<T>)>;

    /// Fails with a Config error naming hyperliquid.base_url when the URL is refused, before any request.
    static common::Result<std::unique_ptr<ExchangeClient>>
    create(const config::HyperliquidSettings& settings, ExchangeClientContext context, QObject* parent = nullptr);
    ~ExchangeClient() override;

    /// An `order` action; the callback gets one result per order, in order (the outer error is a failure of the
    /// whole request). \warning REQUIRE: at least one order.
    void order(std::vector<OrderRequest> orders, Grouping grouping, Callback<OrderResults> done);
    /// One order with grouping "na"; a refused order is an Exchange error naming it.
    void placeOrder(OrderRequest order, Callback<OrderOutcome> done);
    /// Cancels by exchange order id, one result per cancel. \warning REQUIRE: at least one cancel.
    void cancel(std::vector<CancelRequest> cancels, Callback<CancelResults> done);
    /// Cancels by client order id, one result per cancel. \warning REQUIRE: at least one cancel.
    void cancelByCloid(std::vector<CancelByCloidRequest> cancels, Callback<CancelResults> done);
    void cancelOrder(CancelRequest cancel, Callback<void> done);
    void cancelOrderByCloid(CancelByCloidRequest cancel, Callback<void> done);
    /// Replaces a resting order (named by oid or cloid).
    void modify(ModifyRequest modify, Callback<void> done);
    /// \warning REQUIRE: leverage >= 1.
    void updateLeverage(std::uint32_t asset, bool isCross, std::uint32_t leverage, Callback<void> done);
    /// Arms the dead man's switch at `timeMs` (>= now + 5 s on the exchange), or disarms it with nullopt.
    void scheduleCancel(std::optional<std::uint64_t> timeMs, Callback<void> done);
    /// Creates a sub-account of the master (signed without a vault); the callback gets its 0x address.
    void createSubAccount(std::string name, Callback<std::string> done);
    /// Moves USDC (x 1e6) between the master and `subAccount` (signed without a vault).
    void subAccountTransfer(Address subAccount, bool isDeposit, std::uint64_t usdMicros, Callback<void> done);
    /// Registers an API wallet (user-signed: the signer must be the master key).
    void approveAgent(Address agent, std::optional<std::string> agentName, Callback<void> done);

    /// The last measured skew (server Date minus local clock, ms), nullopt before the first answer.
    std::optional<std::int64_t> lastClockSkewMs() const { return m_skew.lastSkewMs(); }
    /// The address traded and queried: the vault when set, else the account (0x lowercase).
    std::string tradingAddress() const;

private:
    struct Write;
    struct OrderOp;
    struct CancelOp;

    ExchangeClient(QUrl baseUrl, const config::HyperliquidSettings& settings, ExchangeClientContext context,
                   QObject* parent);

    // Transport and retries (exchangewrite.cpp).
    void submit(const std::shared_ptr<Write>& write);
    void attempt(const std::shared_ptr<Write>& write);
    void sendAttempt(const std::shared_ptr<Write>& write);
    void onFinished(const std::shared_ptr<Write>& write, QNetworkReply* reply, bool timedOut);
    void retryLater(const std::shared_ptr<Write>& write, const HyperliquidError& error);
    void outcomeUnknown(const std::shared_ptr<Write>& write, const HyperliquidError& error);
    void resendIdempotent(const std::shared_ptr<Write>& write, const HyperliquidError& error);
    void probeClock(std::function<void(HlResult<void>)> done);
    HlResult<void> measureSkew(QNetworkReply* reply);
    std::shared_ptr<Write> l1Write(std::string what, WireValue action, bool withVault);
    void sendDefault(const std::shared_ptr<Write>& write, bool idempotent, Callback<void> done);

    // Orders and cancels with reconciliation (exchangereconcile.cpp).
    void submitOrders(const std::shared_ptr<OrderOp>& op, std::vector<std::size_t> indices, int attemptsUsed);
    void reconcileOrders(const std::shared_ptr<OrderOp>& op, std::vector<std::size_t> indices, int attemptsUsed,
                         const HyperliquidError& cause);
    void finishOrderRound(const std::shared_ptr<OrderOp>& op, std::size_t roundSize, std::vector<std::size_t> absent,
                          int attemptsUsed, const HyperliquidError& cause);
    void finishCancelRound(const std::shared_ptr<CancelOp>& op, std::vector<std::size_t> open, int attemptsUsed,
                           const HyperliquidError& cause);
    void startCancels(const std::shared_ptr<CancelOp>& op, Callback<CancelResults> done);
    void submitCancels(const std::shared_ptr<CancelOp>& op, std::vector<std::size_t> indices, int attemptsUsed);
    void reconcileCancels(const std::shared_ptr<CancelOp>& op, std::vector<std::size_t> indices, int attemptsUsed,
                          const HyperliquidError& cause);
    void queryStatus(const OrderRef& ref, std::function<void(HlResult<OrderStatus>)> done);
    std::int64_t reconcileDelayMs(const Write& write) const;

    QUrl m_exchangeUrl;
    QUrl m_infoUrl;
    config::RetrySettings m_retry;
    int m_timeoutMs;
    int m_expiresAfterMs;
    int m_maxClockSkewMs;
    ExchangeClientContext m_context;
    ExchangeClockSkew m_skew;
    QNetworkAccessManager* m_manager;
};

} // namespace sixbtc::exchange::hyperliquid
