// SPDX-License-Identifier: MIT
// A synchronous raw HTTP client for loopback tests of the fake: posts bodies, returns status, headers and JSON.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QString>

namespace sixbtc::fakes::hyperliquid {

/// One answer as it arrived. `timedOut` is set when no answer came within the client's timeout.
struct RawReply
{
    int status = 0;
    QByteArray body;
    QByteArray date;       ///< the Date header
    QByteArray retryAfter; ///< the Retry-After header
    bool timedOut = false;

    /// The body as JSON (object, array, string or null); undefined when it does not parse.
    QJsonValue json() const;
};

/// Posts to the fake with QNetworkAccessManager and waits in a local event loop.
class FakeRawClient
{
public:
    FakeRawClient(QString baseUrl, int timeoutMs);

    void setBaseUrl(QString baseUrl) { m_baseUrl = std::move(baseUrl); }
    /// POSTs `body` (application/json) to `path` (e.g. "/exchange").
    RawReply post(const QString& path, const QByteArray& body);

private:
    QString m_baseUrl;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
};

} // namespace sixbtc::fakes::hyperliquid
