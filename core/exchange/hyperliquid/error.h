// SPDX-License-Identifier: MIT
// The Hyperliquid adapter's one typed error (STYLE.md rule 6) and its mapping to common::Error.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <tl/expected.hpp>

#include "common/error.h"

namespace sixbtc::exchange::hyperliquid {

/// What went wrong talking to Hyperliquid; decides whether and how a request may be retried.
enum class ErrorKind {
    Transport, ///< connection refused, reset, TLS failure: the request may not have arrived
    Auth,      ///< the signature or signer was rejected
    RateLimit, ///< HTTP 429 or an exhausted local budget: not processed, retry after `retryAfter`
    Nonce,     ///< the nonce was refused (reused, too old, too far in the future)
    Exchange,  ///< the exchange processed the request and refused it (an order error, insufficient margin)
    Timeout,   ///< no answer in time: the outcome is unknown
    Decode,    ///< the answer does not have the expected shape
};

/// English name of an error kind, for logs and messages.
std::string_view errorKindName(ErrorKind kind);

/// A failure of the Hyperliquid adapter. Only RateLimit carries a retry delay.
class HyperliquidError
{
public:
    /// Any kind except RateLimit. \warning REQUIRE: kind != RateLimit (use rateLimited()).
    HyperliquidError(ErrorKind kind, std::string message);
    /// A RateLimit error that may be retried after `retryAfter`.
    static HyperliquidError rateLimited(std::chrono::milliseconds retryAfter, std::string message);

    ErrorKind kind() const { return m_kind; }
    const std::string& message() const { return m_message; }
    /// Set exactly when kind() == RateLimit.
    std::optional<std::chrono::milliseconds> retryAfter() const { return m_retryAfter; }

private:
    HyperliquidError() = default;

    ErrorKind m_kind = ErrorKind::Transport;
    std::string m_message;
    std::optional<std::chrono::milliseconds> m_retryAfter;
};

template <typename T>
using HlResult = tl::expected<T, HyperliquidError>;

/// Builds the unexpected side of an HlResult. \warning REQUIRE: kind != RateLimit.
inline tl::unexpected<HyperliquidError> hlFail(ErrorKind kind, std::string message)
{
    return tl::unexpected<HyperliquidError>(HyperliquidError(kind, std::move(message)));
}

/// The common::Error a Hyperliquid failure becomes when it leaves the exchange module:
/// Transport and Timeout are Network errors, the rest Exchange errors; the kind is kept in the details.
common::Error toCommonError(const HyperliquidError& error);

/// Converts an adapter result into a module-crossing common::Result.
template <typename T>
common::Result<T> toCommonResult(HlResult<T> result)
{
    if (!result)
        return tl::unexpected<common::Error>(toCommonError(result.error()));
    if constexpr (std::is_void_v<T>)
        return {};
    else
        return std::move(*result);
}

} // namespace sixbtc::exchange::hyperliquid
