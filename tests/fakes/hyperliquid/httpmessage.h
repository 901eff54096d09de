// SPDX-License-Identifier: MIT
// A minimal HTTP/1.1 request parser and response writer for the loopback fake exchange.
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QPair>

namespace sixbtc::fakes::hyperliquid {

/// One complete request as it arrived.
struct HttpRequest
{
    QByteArray method;
    QByteArray path;
    QList<QPair<QByteArray, QByteArray>> headers; ///< names lowercased
    QByteArray body;
};

/// Takes one complete request off the front of `buffer` (request line, headers, Content-Length body), or
/// nullopt while it is incomplete. Chunked bodies are not supported (Qt sends Content-Length for POST).
std::optional<HttpRequest> takeHttpRequest(QByteArray& buffer);

/// A full response with Content-Length and `Connection: close`; `extraHeaders` are complete header lines.
QByteArray httpResponse(int status, const QByteArray& body, const QList<QByteArray>& extraHeaders = {});

} // namespace sixbtc::fakes::hyperliquid
