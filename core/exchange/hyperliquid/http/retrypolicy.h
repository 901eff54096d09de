// SPDX-License-Identifier: MIT
// When and after how long a read request is retried (`hyperliquid.retry.*`).
#pragma once

#include <chrono>
#include <optional>

#include <QByteArray>

#include "config/settings.h"
#include "exchange/hyperliquid/error.h"

namespace sixbtc::exchange::hyperliquid {

/// The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed:
/// initial_backoff_ms x 2^(attempt-1), capped at max_backoff_ms. \warning REQUIRE: attempt >= 1.
std::chrono::milliseconds backoffDelay(const config::RetrySettings& settings, int attempt);

/// Whether a failed read may be sent again: rate limits (429), timeouts and transport failures (including 5xx).
/// Decode and Exchange errors (4xx other than 429, malformed answers) are final.
bool isRetryableRead(const HyperliquidError& error);

/// The wait a failed read asks for: Retry-After for a RateLimit error that carries one, else backoffDelay.
std::chrono::milliseconds retryDelay(const config::RetrySettings& settings, const HyperliquidError& error, int attempt);

/// Parses an HTTP Retry-After header given as delta-seconds; a decimal fraction is accepted ("0.05" = 50 ms),
/// as the fake exchange uses it for millisecond waits. nullopt for anything else (including an HTTP-date).
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray& header);

} // namespace sixbtc::exchange::hyperliquid
