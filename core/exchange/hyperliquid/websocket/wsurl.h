// SPDX-License-Identifier: MIT
// Validation of `hyperliquid.ws_url`: wss everywhere, plain ws only for loopback test servers.
#pragma once

#include <string>

#include <QUrl>

#include "common/error.h"

namespace sixbtc::exchange::hyperliquid {

/// Accepted: `wss://host[:port][/path]`, and `ws://` only when the host is an IPv4 literal in 127.0.0.0/8. Anything
/// else, including user info, a query or a fragment, is a Config error naming hyperliquid.ws_url.
common::Result<QUrl> parseWsUrl(const std::string& text);

} // namespace sixbtc::exchange::hyperliquid
