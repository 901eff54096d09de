// SPDX-License-Identifier: MIT
// One Hyperliquid WebSocket connection: heartbeat, liveness, reconnection with backoff and resubscription.
#include "exchange/hyperliquid/websocket/wsconnection.h"

#include <algorithm>

#include <QWebSocket>
#include <spdlog/spdlog.h>

#include "exchange/hyperliquid/websocket/wsmessages.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

/// Log messages stay ASCII even when a server sends something else.
std::string asciiOnly(const std::string& text)
{
    std::string result = text.substr(0, 200);
    for (char& c : result) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            c = '?';
    }
    return result;
}

} // namespace

WsConnection::WsConnection(QUrl url, const config::HyperliquidSettings& settings, std::uint64_t seed, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_settings(settings)
    , m_backoff(settings.wsReconnect, seed)
{
    m_pingTimer.setInterval(settings.wsPingIntervalS * 1000);
    m_idleTimer.setInterval(settings.wsIdleTimeoutS * 1000);
    m_idleTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_connected)
            m_socket->sendTextMessage(QString::fromLatin1(pingRequest()));
    });
    connect(&m_idleTimer, &QTimer::timeout, this,
            [this] { drop("no frame for " + std::to_string(m_settings.wsIdleTimeoutS) + " s (half-open)"); });
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        ++m_reconnects;
        openSocket();
    });
}

WsConnection::~WsConnection()
{
    if (m_socket != nullptr) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void WsConnection::setHandlers(MessageHandler onMessage, StateHandler onState)
{
    m_onMessage = std::move(onMessage);
    m_onState = std::move(onState);
}

void WsConnection::start()
{
    m_running = true;
    openSocket();
}

void WsConnection::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_idleTimer.stop();
    if (m_socket != nullptr) {
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_connected = false;
    for (const Subscription& s : m_subscriptions)
        setState(s.key(), FeedState::Stale);
}

void WsConnection::subscribe(const Subscription& subscription)
{
    if (std::find(m_subscriptions.begin(), m_subscriptions.end(), subscription) != m_subscriptions.end())
        return;
    m_subscriptions.push_back(subscription);
    m_states[subscription.key()] = FeedState::Stale;
    if (m_connected)
        m_socket->sendTextMessage(QString::fromUtf8(subscribeRequest(subscription, true)));
}

void WsConnection::unsubscribe(const Subscription& subscription)
{
    const auto it = std::find(m_subscriptions.begin(), m_subscriptions.end(), subscription);
    if (it == m_subscriptions.end())
        return;
    m_subscriptions.erase(it);
    m_states.erase(subscription.key());
    if (m_connected)
        m_socket->sendTextMessage(QString::fromUtf8(subscribeRequest(subscription, false)));
}

FeedState WsConnection::state(const std::string& key) const
{
    const auto it = m_states.find(key);
    return it == m_states.end() ? FeedState::Stale : it->second;
}

void WsConnection::openSocket()
{
    // A fresh socket per attempt: nothing of a dead connection can leak into the next one.
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &WsConnection::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, [this] { drop("closed by peer"); });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { drop("socket error: " + m_socket->errorString().toStdString()); });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) { onFrame(text.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WsConnection::onFrame);
    m_idleTimer.start(); // a connect attempt that hangs is a dead connection too
    m_socket->open(m_url);
}

void WsConnection::onConnected()
{
    m_connected = true;
    m_pingTimer.start();
    m_idleTimer.start();
    for (const Subscription& s : m_subscriptions)
        m_socket->sendTextMessage(QString::fromUtf8(subscribeRequest(s, true)));
    spdlog::info("ws {}: connected, {} subscriptions sent", asciiOnly(m_url.toString().toStdString()),
                 m_subscriptions.size());
    emit resubscribed();
}

void WsConnection::onFrame(const QByteArray& frame)
{
    m_idleTimer.start();
    m_pingTimer.start();
    HlResult<WsMessage> parsed = parseWsMessage(frame);
    if (!parsed) {
        ++m_malformedFrames;
        spdlog::warn("ws: malformed frame #{} ignored: {}", m_malformedFrames, asciiOnly(parsed.error().message()));
        return;
    }
    if (const auto* error = std::get_if<ServerError>(&*parsed))
        spdlog::warn("ws: server error: {}", asciiOnly(error->text));
    const std::optional<std::string> routed = routingKey(*parsed);
    if (!routed)
        return;
    const std::string key = resolveKey(*routed);
    if (!m_states.contains(key)) {
        ++m_unexpectedFrames;
        spdlog::debug("ws: frame for unknown subscription {} ignored", asciiOnly(key));
        return;
    }
    ++m_dataFrames;
    m_backoff.reset();
    setState(key, FeedState::Live);
    if (m_onMessage)
        m_onMessage(key, *parsed);
}

std::string WsConnection::resolveKey(const std::string& routed) const
{
    // orderUpdates and user events do not name their user: at most one such subscription per type and connection.
    if (routed != "orderUpdates" && routed != "userEvents")
        return routed;
    for (const Subscription& s : m_subscriptions) {
        if (s.key().starts_with(routed + ':'))
            return s.key();
    }
    return routed;
}

void WsConnection::drop(const std::string& reason)
{
    if (m_socket == nullptr)
        return;
    ++m_drops;
    spdlog::warn("ws: connection dropped: {}", asciiOnly(reason));
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    m_connected = false;
    m_pingTimer.stop();
    m_idleTimer.stop();
    for (const Subscription& s : m_subscriptions)
        setState(s.key(), FeedState::Stale);
    emit dropped(QString::fromStdString(asciiOnly(reason)));
    if (m_running)
        m_reconnectTimer.start(int(m_backoff.nextDelayMs()));
}

void WsConnection::setState(const std::string& key, FeedState state)
{
    auto it = m_states.find(key);
    if (it == m_states.end() || it->second == state)
        return;
    it->second = state;
    if (m_onState)
        m_onState(key, state);
}

} // namespace sixbtc::exchange::hyperliquid
