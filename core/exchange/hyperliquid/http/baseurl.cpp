// SPDX-License-Identifier: MIT
// Validation of `hyperliquid.base_url`.
#include "exchange/hyperliquid/http/baseurl.h"

#include <QHostAddress>

namespace sixbtc::exchange::hyperliquid {

namespace {

tl::unexpected<common::Error> refuse(const std::string& text, const std::string& why)
{
    return common::fail(common::ErrorCode::Config, "hyperliquid.base_url '" + text + "' is refused: " + why);
}

} // namespace

bool isLoopbackHost(const QString& host)
{
    QHostAddress address;
    if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    return (address.toIPv4Address() >> 24) == 127U;
}

common::Result<QUrl> parseBaseUrl(const std::string& text)
{
    const QUrl url(QString::fromStdString(text), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return refuse(text, "not an absolute URL with a host");
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return refuse(text, "user info, query and fragment are not allowed");
    if (!url.path().isEmpty() && url.path() != QStringLiteral("/"))
        return refuse(text, "the URL must not have a path (the client appends /info and /exchange)");
    const QString scheme = url.scheme().toLower();
    if (scheme == QStringLiteral("http")) {
        if (!isLoopbackHost(url.host()))
            return refuse(text, "http:// is only allowed for a host in 127.0.0.0/8; use https://");
    } else if (scheme != QStringLiteral("https")) {
        return refuse(text, "the scheme must be https");
    }
    QUrl base = url.adjusted(QUrl::StripTrailingSlash);
    base.setPath(QString());
    return base;
}

} // namespace sixbtc::exchange::hyperliquid
