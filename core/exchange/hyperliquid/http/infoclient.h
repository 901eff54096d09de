// SPDX-License-Identifier: MIT
// The asynchronous REST client of POST /info: retries, timeouts, rate-limit weight and typed answers.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include "common/error.h"
#include "config/settings.h"
#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/http/infotypes.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace sixbtc::exchange::hyperliquid {

class RateLimiter;

/// Sends /info requests and hands typed answers to callbacks. Asynchronous by design: the live executor runs its
/// own event loop and must never block in (or re-enter) a nested one, so every call returns at once and its
/// callback runs later on the client's thread, exactly once, even for failures found before sending. Reads are
/// retried (hyperliquid.retry.*) on 429 (waiting Retry-After, or the backoff when the header is missing or
/// unreadable), 5xx, timeouts and transport failures, at most retry.max_attempts attempts in all; other 4xx and
/// malformed answers are final. Each attempt takes its weight from the rate limiter first; a refused local budget
/// counts as a rate-limited attempt (nothing is sent). Each attempt times out after hyperliquid.request_timeout_ms.
/// TLS peer verification stays on. Destroying the client drops pending callbacks uncalled; a callback must not
/// delete the client directly (use deleteLater).
class InfoClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(HlResult<T>)>;

    /// Fails with a Config error naming hyperliquid.base_url when the URL is refused (see parseBaseUrl), before any
    /// request. `limiter` must outlive the client.
    static common::Result<std::unique_ptr<InfoClient>> create(const config::HyperliquidSettings& settings,
                                                              RateLimiter& limiter, QObject* parent = nullptr);

    /// Posts `body` (which must hold "type") and delivers the answer's JSON; `null` gives an empty document.
    void post(const QJsonObject& body, Callback<QJsonDocument> done);

    void meta(Callback<Meta> done);
    void metaAndAssetCtxs(Callback<MetaAndAssetContexts> done);
    void allMids(Callback<AllMids> done);
    void clearinghouseState(const std::string& user, Callback<ClearinghouseState> done);
    void openOrders(const std::string& user, Callback<std::vector<OpenOrder>> done);
    void userFills(const std::string& user, Callback<std::vector<Fill>> done);
    /// Fills from `startTimeMs` on (up to `endTimeMs` when given); page by moving the start past the last fill.
    void userFillsByTime(const std::string& user, std::int64_t startTimeMs, std::optional<std::int64_t> endTimeMs,
                         Callback<std::vector<Fill>> done);
    /// `interval` is a Hyperliquid interval name ("1m" .. "1M"); times in ms since the epoch.
    void candleSnapshot(const std::string& coin, const std::string& interval, std::int64_t startTimeMs,
                        std::int64_t endTimeMs, Callback<std::vector<Candle>> done);
    void orderStatus(const std::string& user, std::int64_t oid, Callback<OrderStatus> done);
    /// By client order id ("0x" + 32 hex digits).
    void orderStatusByCloid(const std::string& user, const std::string& cloid, Callback<OrderStatus> done);
    void subAccounts(const std::string& user, Callback<std::vector<SubAccount>> done);

private:
    struct Call;

    InfoClient(QUrl infoUrl, const config::HyperliquidSettings& settings, RateLimiter& limiter, QObject* parent);

    void sendAttempt(const std::shared_ptr<Call>& call);
    void onFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply, bool timedOut);
    void fail(const std::shared_ptr<Call>& call, const HyperliquidError& error);
    HlResult<QJsonDocument> interpret(const Call& call, QNetworkReply* reply, bool timedOut) const;

    QUrl m_infoUrl;
    config::RetrySettings m_retry;
    int m_timeoutMs;
    RateLimiter& m_limiter;
    QNetworkAccessManager* m_manager;
};

} // namespace sixbtc::exchange::hyperliquid
