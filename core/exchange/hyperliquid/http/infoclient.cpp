// SPDX-License-Identifier: MIT
// The asynchronous REST client of POST /info: transport, retries and timeouts.
#include "exchange/hyperliquid/http/infoclient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <spdlog/spdlog.h>

#include "common/require.h"
#include "exchange/hyperliquid/http/baseurl.h"
#include "exchange/hyperliquid/http/ratelimiter.h"
#include "exchange/hyperliquid/http/requestweight.h"
#include "exchange/hyperliquid/http/retrypolicy.h"

namespace sixbtc::exchange::hyperliquid {

/// One logical request and its attempts so far.
struct InfoClient::Call
{
    QJsonObject body;
    std::string type;
    Callback<QJsonDocument> done;
    int attempt = 0;
};

namespace {

/// The same error with another message (RateLimit keeps its delay).
HyperliquidError withMessage(const HyperliquidError& error, std::string message)
{
    if (error.kind() == ErrorKind::RateLimit)
        return HyperliquidError::rateLimited(*error.retryAfter(), std::move(message));
    return HyperliquidError(error.kind(), std::move(message));
}

std::string bodyExcerpt(const QByteArray& body)
{
    constexpr qsizetype kMaxExcerpt = 200;
    return body.left(kMaxExcerpt).toStdString();
}

} // namespace

common::Result<std::unique_ptr<InfoClient>> InfoClient::create(const config::HyperliquidSettings& settings,
                                                               RateLimiter& limiter, QObject* parent)
{
    auto base = parseBaseUrl(settings.baseUrl);
    if (!base)
        return tl::unexpected<common::Error>(base.error());
    QUrl infoUrl = *base;
    infoUrl.setPath(QStringLiteral("/info"));
    return std::unique_ptr<InfoClient>(new InfoClient(infoUrl, settings, limiter, parent));
}

InfoClient::InfoClient(QUrl infoUrl, const config::HyperliquidSettings& settings, RateLimiter& limiter, QObject* parent)
    : QObject(parent)
    , m_infoUrl(std::move(infoUrl))
    , m_retry(settings.retry)
    , m_timeoutMs(settings.requestTimeoutMs)
    , m_limiter(limiter)
    , m_manager(new QNetworkAccessManager(this))
{
    SIXBTC_REQUIRE(m_timeoutMs > 0);
    SIXBTC_REQUIRE(m_retry.maxAttempts >= 1 && m_retry.initialBackoffMs >= 0);
}

void InfoClient::post(const QJsonObject& body, Callback<QJsonDocument> done)
{
    SIXBTC_REQUIRE(body.value(QStringLiteral("type")).isString());
    auto call = std::make_shared<Call>();
    call->body = body;
    call->type = body.value(QStringLiteral("type")).toString().toStdString();
    call->done = std::move(done);
    // Deferred so that the callback never runs inside post(), whatever happens.
    QTimer::singleShot(0, this, [this, call] { sendAttempt(call); });
}

void InfoClient::sendAttempt(const std::shared_ptr<Call>& call)
{
    ++call->attempt;
    if (auto budget = m_limiter.tryAcquire(infoRequestWeight(call->type), RequestPriority::Normal); !budget) {
        fail(call, budget.error());
        return;
    }
    QNetworkRequest request(m_infoUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = m_manager->post(request, QJsonDocument(call->body).toJson(QJsonDocument::Compact));
    auto timedOut = std::make_shared<bool>(false);
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply, timedOut] {
        reply->deleteLater();
        onFinished(call, reply, *timedOut);
    });
    timer->start(m_timeoutMs);
}

void InfoClient::onFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply, bool timedOut)
{
    auto answer = interpret(*call, reply, timedOut);
    if (!answer) {
        fail(call, answer.error());
        return;
    }
    if (answer->isArray())
        m_limiter.charge(infoResponseExtraWeight(call->type, std::size_t(answer->array().size())));
    call->done(std::move(answer));
}

void InfoClient::fail(const std::shared_ptr<Call>& call, const HyperliquidError& error)
{
    const std::string what = "POST /info (" + call->type + ")";
    if (!isRetryableRead(error)) {
        call->done(tl::unexpected<HyperliquidError>(withMessage(error, what + ": " + error.message())));
        return;
    }
    if (call->attempt >= m_retry.maxAttempts) {
        const std::string message =
            what + " failed after " + std::to_string(call->attempt) + " attempts: " + error.message();
        call->done(tl::unexpected<HyperliquidError>(withMessage(error, message)));
        return;
    }
    const auto delay = retryDelay(m_retry, error, call->attempt);
    spdlog::warn("hyperliquid {} attempt {}/{} failed ({}), retrying in {} ms", what, call->attempt,
                 m_retry.maxAttempts, errorKindName(error.kind()), delay.count());
    QTimer::singleShot(delay, this, [this, call] { sendAttempt(call); });
}

HlResult<QJsonDocument> InfoClient::interpret(const Call& call, QNetworkReply* reply, bool timedOut) const
{
    if (timedOut)
        return hlFail(ErrorKind::Timeout, "no answer within " + std::to_string(m_timeoutMs) + " ms");
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid())
        return hlFail(ErrorKind::Transport, "transport failure: " + reply->errorString().toStdString());
    const int status = statusAttribute.toInt();
    const QByteArray body = reply->readAll();
    if (status == 429) {
        const QByteArray header = reply->rawHeader(QByteArrayLiteral("Retry-After"));
        const auto retryAfter = parseRetryAfter(header);
        if (!retryAfter)
            spdlog::warn("hyperliquid /info 429 without a readable Retry-After ({} bytes), using the backoff",
                         header.size());
        return tl::unexpected<HyperliquidError>(HyperliquidError::rateLimited(
            retryAfter.value_or(backoffDelay(m_retry, call.attempt)), "HTTP 429 (rate limited)"));
    }
    if (status >= 500)
        return hlFail(ErrorKind::Transport, "HTTP " + std::to_string(status) + " (server error)");
    if (status < 200 || status >= 300)
        return hlFail(ErrorKind::Exchange, "HTTP " + std::to_string(status) + ": " + bodyExcerpt(body));
    if (body.trimmed() == QByteArrayLiteral("null"))
        return QJsonDocument();
    QJsonParseError parseError{};
    QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return hlFail(ErrorKind::Decode, "malformed JSON at offset " + std::to_string(parseError.offset) + ": " +
                                             parseError.errorString().toStdString());
    return document;
}

} // namespace sixbtc::exchange::hyperliquid
