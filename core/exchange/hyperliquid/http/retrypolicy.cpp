// SPDX-License-Identifier: MIT
// When and after how long a read request is retried.
#include "exchange/hyperliquid/http/retrypolicy.h"

#include <cmath>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

std::chrono::milliseconds backoffDelay(const config::RetrySettings& settings, int attempt)
{
    SIXBTC_REQUIRE(attempt >= 1);
    // Doubling stops once the cap is reached, so large attempt numbers cannot overflow.
    std::int64_t delay = settings.initialBackoffMs;
    for (int i = 1; i < attempt && delay < settings.maxBackoffMs; ++i)
        delay *= 2;
    return std::chrono::milliseconds(std::min<std::int64_t>(delay, settings.maxBackoffMs));
}

bool isRetryableRead(const HyperliquidError& error)
{
    switch (error.kind()) {
    case ErrorKind::RateLimit:
    case ErrorKind::Timeout:
    case ErrorKind::Transport: return true;
    case ErrorKind::Auth:
    case ErrorKind::Nonce:
    case ErrorKind::Exchange:
    case ErrorKind::Decode: return false;
    }
    return false;
}

std::chrono::milliseconds retryDelay(const config::RetrySettings& settings, const HyperliquidError& error, int attempt)
{
    if (error.retryAfter())
        return *error.retryAfter();
    return backoffDelay(settings, attempt);
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray& header)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty() || !(text.front() >= '0' && text.front() <= '9'))
        return std::nullopt;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0.0 || seconds > 86400.0)
        return std::nullopt;
    return std::chrono::milliseconds(std::llround(seconds * 1000.0));
}

} // namespace sixbtc::exchange::hyperliquid
