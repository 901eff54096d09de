// SPDX-License-Identifier: MIT
// Validation of `hyperliquid.ws_url`.
#include "exchange/hyperliquid/websocket/wsurl.h"

#include "exchange/hyperliquid/http/baseurl.h"

namespace sixbtc::exchange::hyperliquid {

common::Result<QUrl> parseWsUrl(const std::string& text)
{
    const auto refuse = [&text](const std::string& why) -> common::Result<QUrl> {
        return common::fail(common::ErrorCode::Config, "hyperliquid.ws_url: " + why, {text});
    };
    const QUrl url(QString::fromStdString(text), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return refuse("not a valid URL");
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return refuse("user info, query and fragment are not allowed");
    if (url.scheme() == QStringLiteral("wss"))
        return url;
    if (url.scheme() == QStringLiteral("ws") && isLoopbackHost(url.host()))
        return url;
    return refuse("wss:// is required (ws:// only for 127.0.0.0/8)");
}

} // namespace sixbtc::exchange::hyperliquid
