// SPDX-License-Identifier: MIT
// The Hyperliquid adapter's typed error.
#include "exchange/hyperliquid/error.h"

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

std::string_view errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Transport: return "transport";
    case ErrorKind::Auth: return "auth";
    case ErrorKind::RateLimit: return "rate limit";
    case ErrorKind::Nonce: return "nonce";
    case ErrorKind::Exchange: return "exchange";
    case ErrorKind::Timeout: return "timeout";
    case ErrorKind::Decode: return "decode";
    }
    return "unknown";
}

HyperliquidError::HyperliquidError(ErrorKind kind, std::string message)
    : m_kind(kind)
    , m_message(std::move(message))
{
    SIXBTC_REQUIRE(kind != ErrorKind::RateLimit);
}

HyperliquidError HyperliquidError::rateLimited(std::chrono::milliseconds retryAfter, std::string message)
{
    SIXBTC_REQUIRE(retryAfter.count() >= 0);
    HyperliquidError error;
    error.m_kind = ErrorKind::RateLimit;
    error.m_message = std::move(message);
    error.m_retryAfter = retryAfter;
    return error;
}

common::Error toCommonError(const HyperliquidError& error)
{
    const bool network = error.kind() == ErrorKind::Transport || error.kind() == ErrorKind::Timeout;
    std::vector<std::string> details{"hyperliquid error kind: " + std::string(errorKindName(error.kind()))};
    if (error.retryAfter())
        details.push_back("retry after " + std::to_string(error.retryAfter()->count()) + " ms");
    return common::Error{network ? common::ErrorCode::Network : common::ErrorCode::Exchange, error.message(),
                         std::move(details)};
}

} // namespace sixbtc::exchange::hyperliquid
