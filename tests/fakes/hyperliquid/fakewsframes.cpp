// SPDX-License-Identifier: MIT
// The frame path of the fake WebSocket server: half-open, delayed, duplicated, reordered and malformed frames.
#include <QJsonDocument>
#include <QPointer>
#include <QWebSocket>

#include "fakes/hyperliquid/fakewsconnection.h"
#include "fakes/hyperliquid/fakewsfeed.h"
#include "fakes/hyperliquid/fakewsserver.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

bool isDataChannel(const QString& channel)
{
    return channel != QStringLiteral("subscriptionResponse") && channel != QStringLiteral("pong") &&
           channel != QStringLiteral("error");
}

} // namespace

void FakeWsServer::setHalfOpen(int ms)
{
    m_halfOpen = true;
    m_halfOpenDeadline = ms > 0 ? QDeadlineTimer(ms) : QDeadlineTimer(QDeadlineTimer::Forever);
}

void FakeWsServer::setFrameFaults(const FakeWsFrameFaults& faults, std::uint64_t seed)
{
    m_faults = faults;
    m_random.seed(seed);
}

void FakeWsServer::setFlood(int perMinute)
{
    m_floodTimer.stop();
    if (perMinute > 0)
        m_floodTimer.start(std::max(1, 60000 / perMinute));
}

void FakeWsServer::clearFaults()
{
    m_halfOpen = false;
    m_faults = FakeWsFrameFaults{0, 0.0, 0.0, 0.0};
    m_floodTimer.stop();
    flushHeld();
}

bool FakeWsServer::halfOpen() const
{
    return m_halfOpen && !m_halfOpenDeadline.hasExpired();
}

bool FakeWsServer::drawBelow(double probability)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < probability;
}

void FakeWsServer::flood()
{
    for (const auto& connection : m_connections)
        send(connection.get(), QStringLiteral("allMids"), m_feed->allMids());
}

void FakeWsServer::flushHeld()
{
    for (const auto& connection : m_connections) {
        if (auto held = std::exchange(connection->held, std::nullopt))
            write(connection.get(), held->first, held->second);
    }
}

void FakeWsServer::send(FakeWsConnection* connection, const QString& channel, const QJsonValue& data)
{
    const QJsonObject message{{QStringLiteral("channel"), channel}, {QStringLiteral("data"), data}};
    dispatch(connection, channel, QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void FakeWsServer::dispatch(FakeWsConnection* connection, const QString& channel, const QByteArray& frame)
{
    if (halfOpen()) {
        ++m_framesDropped;
        return;
    }
    QList<QByteArray> frames{frame};
    auto previous = std::exchange(connection->held, std::nullopt);
    if (isDataChannel(channel)) {
        if (drawBelow(m_faults.malformed)) {
            ++m_framesMalformed;
            frames[0] = drawBelow(0.5) ? frame.left(frame.size() / 2)
                                       : QByteArrayLiteral(R"({"channel":")") + channel.toUtf8() +
                                             QByteArrayLiteral(R"(","data":{"malformed":true}})");
        }
        if (drawBelow(m_faults.duplicate))
            frames.append(frames[0]);
        if (!previous && drawBelow(m_faults.reorder))
            connection->held = std::pair(channel, frames.takeFirst());
    }
    for (const QByteArray& out : frames)
        write(connection, channel, out);
    if (previous)
        write(connection, previous->first, previous->second);
}

void FakeWsServer::write(FakeWsConnection* connection, const QString& channel, const QByteArray& frame)
{
    const auto emitFrame = [this, channel, frame](QWebSocket* socket) {
        socket->sendTextMessage(QString::fromUtf8(frame));
        ++m_framesSent;
        ++m_framesByChannel[channel];
    };
    if (m_faults.delayMs <= 0) {
        emitFrame(connection->socket.get());
        return;
    }
    QPointer<QWebSocket> guarded(connection->socket.get());
    QTimer::singleShot(m_faults.delayMs, this, [guarded, emitFrame] {
        if (guarded)
            emitFrame(guarded);
    });
}

} // namespace sixbtc::fakes::hyperliquid
