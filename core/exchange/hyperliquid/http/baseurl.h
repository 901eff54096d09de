// SPDX-License-Identifier: MIT
// Validation of `hyperliquid.base_url`: https everywhere, plain http only for loopback test servers.
#pragma once

#include <string>

#include <QUrl>

#include "common/error.h"

namespace sixbtc::exchange::hyperliquid {

/// Parses `hyperliquid.base_url` into the URL requests are built on. Accepted: `https://host[:port]`, and
/// `http://` only when the host is an IPv4 literal in 127.0.0.0/8 (the fake exchange in tests). Anything else,
/// including a path, query or user info, is a Config error naming the key; nothing is ever sent to a refused URL.
common::Result<QUrl> parseBaseUrl(const std::string& text);

/// True when `host` is an IPv4 literal in 127.0.0.0/8.
bool isLoopbackHost(const QString& host);

} // namespace sixbtc::exchange::hyperliquid
