// SPDX-License-Identifier: MIT
// A synchronous raw HTTP client for the fake's loopback tests.
#include "fakes/hyperliquid/fakerawclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace sixbtc::fakes::hyperliquid {

QJsonValue RawReply::json() const
{
    const QByteArray wrapped = "[" + body + "]";
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QJsonValue::Undefined);
    return document.array().first();
}

FakeRawClient::FakeRawClient(QString baseUrl, int timeoutMs)
    : m_baseUrl(std::move(baseUrl))
    , m_timeoutMs(timeoutMs)
{
}

RawReply FakeRawClient::post(const QString& path, const QByteArray& body)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = m_network.post(request, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    loop.exec();
    RawReply out;
    if (!reply->isFinished()) {
        out.timedOut = true;
        reply->abort();
    } else {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.date = reply->rawHeader("Date");
        out.retryAfter = reply->rawHeader("Retry-After");
    }
    reply->deleteLater();
    return out;
}

} // namespace sixbtc::fakes::hyperliquid
