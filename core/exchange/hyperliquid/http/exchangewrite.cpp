// SPDX-License-Identifier: MIT
// ExchangeClient's transport: attempts, 429 retries, unknown outcomes, timeouts and the clock skew.
#include "exchange/hyperliquid/http/exchangewrite.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <spdlog/spdlog.h>

#include "common/require.h"
#include "exchange/hyperliquid/http/baseurl.h"
#include "exchange/hyperliquid/http/httpdate.h"
#include "exchange/hyperliquid/http/peraddresslimiter.h"
#include "exchange/hyperliquid/http/requestweight.h"
#include "exchange/hyperliquid/http/retrypolicy.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

/// The weight of the clock probe: allMids, one of the cheapest /info requests.
constexpr const char* kProbeType = "allMids";

std::string bodyExcerpt(const QByteArray& body)
{
    constexpr qsizetype kMaxExcerpt = 200;
    return body.left(kMaxExcerpt).toStdString();
}

/// Arms a timeout on `reply` and calls `finished(timedOut)` once it is done.
template <typename Finished>
void watchReply(QObject* context, QNetworkReply* reply, int timeoutMs, Finished finished)
{
    auto timedOut = std::make_shared<bool>(false);
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, timedOut, finished] {
        reply->deleteLater();
        finished(*timedOut);
    });
    timer->start(timeoutMs);
}

QNetworkRequest jsonRequest(const QUrl& url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

} // namespace

HyperliquidError exchangeErrorWithMessage(const HyperliquidError& error, std::string message)
{
    if (error.kind() == ErrorKind::RateLimit)
        return HyperliquidError::rateLimited(*error.retryAfter(), std::move(message));
    return HyperliquidError(error.kind(), std::move(message));
}

common::Result<std::unique_ptr<ExchangeClient>> ExchangeClient::create(const config::HyperliquidSettings& settings,
                                                                       ExchangeClientContext context, QObject* parent)
{
    auto base = parseBaseUrl(settings.baseUrl);
    if (!base)
        return tl::unexpected<common::Error>(base.error());
    return std::unique_ptr<ExchangeClient>(new ExchangeClient(*base, settings, std::move(context), parent));
}

ExchangeClient::ExchangeClient(QUrl baseUrl, const config::HyperliquidSettings& settings, ExchangeClientContext context,
                               QObject* parent)
    : QObject(parent)
    , m_exchangeUrl(baseUrl)
    , m_infoUrl(baseUrl)
    , m_retry(settings.retry)
    , m_timeoutMs(settings.requestTimeoutMs)
    , m_expiresAfterMs(settings.expiresAfterMs)
    , m_maxClockSkewMs(settings.maxClockSkewMs)
    , m_context(std::move(context))
    , m_skew(settings.maxClockSkewMs)
    , m_manager(new QNetworkAccessManager(this))
{
    SIXBTC_REQUIRE(m_timeoutMs > 0 && m_expiresAfterMs > 0);
    SIXBTC_REQUIRE(m_retry.maxAttempts >= 1 && m_retry.initialBackoffMs >= 0);
    SIXBTC_REQUIRE(static_cast<bool>(m_context.wallClockMs));
    m_exchangeUrl.setPath(QStringLiteral("/exchange"));
    m_infoUrl.setPath(QStringLiteral("/info"));
}

ExchangeClient::~ExchangeClient() = default;

std::string ExchangeClient::tradingAddress() const
{
    return (m_context.vault ? *m_context.vault : m_context.account).toHex();
}

void ExchangeClient::submit(const std::shared_ptr<Write>& write)
{
    // Deferred so that the callback never runs inside the public call, whatever happens.
    QTimer::singleShot(0, this, [this, write] { attempt(write); });
}

void ExchangeClient::attempt(const std::shared_ptr<Write>& write)
{
    if (!m_skew.blocked()) {
        sendAttempt(write);
        return;
    }
    spdlog::warn("hyperliquid /exchange ({}) held back by the clock skew, probing the server time", write->what);
    probeClock([this, write](HlResult<void> inBounds) {
        if (!inBounds) {
            write->answered(tl::unexpected<HyperliquidError>(exchangeErrorWithMessage(
                inBounds.error(), "POST /exchange (" + write->what + ") not sent: " + inBounds.error().message())));
            return;
        }
        sendAttempt(write);
    });
}

void ExchangeClient::sendAttempt(const std::shared_ptr<Write>& write)
{
    ++write->attempt;
    if (auto budget = m_context.limiter.tryAcquire(exchangeRequestWeight(write->batchLength), write->priority);
        !budget) {
        retryLater(write, budget.error());
        return;
    }
    if (auto budget = m_context.addressLimiter.tryAcquire(write->address, write->batchLength, write->isCancel);
        !budget) {
        retryLater(write, budget.error());
        return;
    }
    const SignedAction signedAction = write->sign();
    write->expiresAfterMs = signedAction.expiresAfterMs;
    const std::string body = exchangeRequestBody(signedAction);
    QNetworkReply* reply = m_manager->post(jsonRequest(m_exchangeUrl), QByteArray::fromStdString(body));
    watchReply(this, reply, m_timeoutMs, [this, write, reply](bool timedOut) { onFinished(write, reply, timedOut); });
}

void ExchangeClient::onFinished(const std::shared_ptr<Write>& write, QNetworkReply* reply, bool timedOut)
{
    const std::string what = "POST /exchange (" + write->what + ")";
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (timedOut) {
        outcomeUnknown(write, HyperliquidError(ErrorKind::Timeout,
                                               what + ": no answer within " + std::to_string(m_timeoutMs) + " ms"));
        return;
    }
    if (!statusAttribute.isValid()) {
        outcomeUnknown(write, HyperliquidError(ErrorKind::Transport,
                                               what + ": transport failure: " + reply->errorString().toStdString()));
        return;
    }
    const int status = statusAttribute.toInt();
    if (auto skew = measureSkew(reply); !skew) {
        write->answered(tl::unexpected<HyperliquidError>(exchangeErrorWithMessage(
            skew.error(), what + ": " + skew.error().message() + "; the answer (HTTP " + std::to_string(status) +
                              ") was not used, its outcome must be reconciled")));
        return;
    }
    const QByteArray body = reply->readAll();
    if (status == 429) {
        const auto retryAfter = parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")));
        retryLater(write, HyperliquidError::rateLimited(retryAfter.value_or(backoffDelay(m_retry, write->attempt)),
                                                        "HTTP 429 (rate limited)"));
        return;
    }
    if (status >= 500) {
        outcomeUnknown(write, HyperliquidError(ErrorKind::Transport,
                                               what + ": HTTP " + std::to_string(status) + " (server error)"));
        return;
    }
    if (status < 200 || status >= 300) {
        write->answered(
            hlFail(ErrorKind::Exchange, what + ": HTTP " + std::to_string(status) + ": " + bodyExcerpt(body)));
        return;
    }
    QJsonParseError parseError{};
    QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        write->answered(hlFail(ErrorKind::Decode, what + ": malformed JSON at offset " +
                                                      std::to_string(parseError.offset) + ": " +
                                                      parseError.errorString().toStdString()));
        return;
    }
    write->answered(std::move(document));
}

void ExchangeClient::retryLater(const std::shared_ptr<Write>& write, const HyperliquidError& error)
{
    const std::string what = "POST /exchange (" + write->what + ")";
    if (write->attempt >= m_retry.maxAttempts) {
        write->answered(tl::unexpected<HyperliquidError>(exchangeErrorWithMessage(
            error, what + " failed after " + std::to_string(write->attempt) + " attempts: " + error.message())));
        return;
    }
    const auto delay = retryDelay(m_retry, error, write->attempt);
    spdlog::info("hyperliquid {} attempt {}/{} not processed ({}), signing again and resending in {} ms", what,
                 write->attempt, m_retry.maxAttempts, errorKindName(error.kind()), delay.count());
    QTimer::singleShot(delay, this, [this, write] { attempt(write); });
}

void ExchangeClient::outcomeUnknown(const std::shared_ptr<Write>& write, const HyperliquidError& error)
{
    if (!write->unknown) {
        spdlog::warn("hyperliquid {}: outcome unknown and not resent ({})", error.message(), write->notReconcilable);
        write->answered(
            hlFail(ErrorKind::Timeout, error.message() + "; outcome unknown, not resent: " + write->notReconcilable));
        return;
    }
    const std::int64_t delay = reconcileDelayMs(*write);
    spdlog::warn("hyperliquid {}: outcome unknown, reconciling in {} ms", error.message(), delay);
    QTimer::singleShot(std::chrono::milliseconds(delay), this, [write, error] { write->unknown(error); });
}

std::int64_t ExchangeClient::reconcileDelayMs(const Write& write) const
{
    if (!write.expiresAfterMs)
        return 0;
    const std::int64_t due = std::int64_t(*write.expiresAfterMs) + m_maxClockSkewMs;
    return std::max<std::int64_t>(0, due - m_context.wallClockMs() + 1);
}

void ExchangeClient::resendIdempotent(const std::shared_ptr<Write>& write, const HyperliquidError& error)
{
    if (write->attempt >= m_retry.maxAttempts) {
        write->answered(hlFail(ErrorKind::Timeout, error.message() + "; outcome unknown after " +
                                                       std::to_string(write->attempt) + " attempts"));
        return;
    }
    spdlog::info("hyperliquid /exchange ({}) is idempotent: resending after an unknown outcome", write->what);
    attempt(write);
}

HlResult<void> ExchangeClient::measureSkew(QNetworkReply* reply)
{
    const QByteArray header = reply->rawHeader(QByteArrayLiteral("Date"));
    if (header.isEmpty())
        return {};
    const auto serverMs = parseHttpDate(header);
    if (!serverMs) {
        spdlog::warn("hyperliquid answer with an unreadable Date header ({} bytes), skew not measured", header.size());
        return {};
    }
    return m_skew.record(*serverMs, m_context.wallClockMs());
}

void ExchangeClient::probeClock(std::function<void(HlResult<void>)> done)
{
    if (auto budget = m_context.limiter.tryAcquire(infoRequestWeight(kProbeType), RequestPriority::Protective);
        !budget) {
        done(tl::unexpected<HyperliquidError>(m_skew.blockedError()));
        return;
    }
    const QByteArray body = QByteArrayLiteral("{\"type\":\"") + kProbeType + QByteArrayLiteral("\"}");
    QNetworkReply* reply = m_manager->post(jsonRequest(m_infoUrl), body);
    watchReply(this, reply, m_timeoutMs, [this, reply, done](bool) {
        if (auto skew = measureSkew(reply); !skew) {
            done(tl::unexpected<HyperliquidError>(skew.error()));
            return;
        }
        if (m_skew.blocked()) { // no Date in the answer: nothing new was learnt
            done(tl::unexpected<HyperliquidError>(m_skew.blockedError()));
            return;
        }
        spdlog::info("hyperliquid clock skew back in bounds ({} ms), writes resume", *m_skew.lastSkewMs());
        done({});
    });
}

} // namespace sixbtc::exchange::hyperliquid
