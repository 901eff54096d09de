// SPDX-License-Identifier: MIT
// One Hyperliquid WebSocket connection: heartbeat, liveness, reconnection with backoff and resubscription.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <QObject>
#include <QTimer>
#include <QUrl>

#include "config/settings.h"
#include "exchange/hyperliquid/websocket/reconnectbackoff.h"
#include "exchange/hyperliquid/websocket/wstypes.h"

class QWebSocket;

namespace sixbtc::exchange::hyperliquid {

/// Whether a subscription's data can be trusted: Stale from a drop (or before the first message) until the first
/// data message after (re)subscription.
enum class FeedState { Stale, Live };

/// Keeps one QWebSocket alive. A ping is sent after ws_ping_interval_s without any received frame; a connection
/// without any frame for ws_idle_timeout_s is dead (half-open) and dropped. After a drop every subscription turns
/// Stale, the connection is retried after ReconnectBackoff delays (reset by the first data message) and every
/// subscription is sent again. Malformed frames are counted and logged; the connection is kept. Handlers run on
/// the connection's thread.
class WsConnection : public QObject
{
    Q_OBJECT

public:
    using MessageHandler = std::function<void(const std::string& key, const WsMessage& message)>;
    using StateHandler = std::function<void(const std::string& key, FeedState state)>;

    /// `url` must already be validated (see parseWsUrl); `seed` seeds the jitter.
    WsConnection(QUrl url, const config::HyperliquidSettings& settings, std::uint64_t seed, QObject* parent = nullptr);
    ~WsConnection() override;

    void setHandlers(MessageHandler onMessage, StateHandler onState);
    /// Opens the connection (and keeps reopening it until stop()).
    void start();
    void stop();

    /// Remembers the subscription (Stale) and sends it when connected. Subscribing twice is a no-op.
    void subscribe(const Subscription& subscription);
    void unsubscribe(const Subscription& subscription);

    bool isConnected() const { return m_connected; }
    FeedState state(const std::string& key) const;
    const std::vector<Subscription>& subscriptions() const { return m_subscriptions; }
    /// Frames that could not be parsed.
    int malformedFrames() const { return m_malformedFrames; }
    /// Well-formed data frames of no subscription of this connection (ignored).
    int unexpectedFrames() const { return m_unexpectedFrames; }
    /// Data frames handed to the message handler.
    int dataFrames() const { return m_dataFrames; }
    int reconnects() const { return m_reconnects; }
    int drops() const { return m_drops; }

signals:
    /// The socket is open and every subscription has been sent again.
    void resubscribed();
    /// The connection was lost; `reason` is ASCII.
    void dropped(const QString& reason);

private:
    void openSocket();
    void onConnected();
    void onFrame(const QByteArray& frame);
    void drop(const std::string& reason);
    void setState(const std::string& key, FeedState state);
    std::string resolveKey(const std::string& routed) const;

    QUrl m_url;
    config::HyperliquidSettings m_settings;
    ReconnectBackoff m_backoff;
    QWebSocket* m_socket = nullptr;
    QTimer m_pingTimer;
    QTimer m_idleTimer;
    QTimer m_reconnectTimer;
    bool m_running = false;
    bool m_connected = false;
    std::vector<Subscription> m_subscriptions;
    std::map<std::string, FeedState> m_states;
    MessageHandler m_onMessage;
    StateHandler m_onState;
    int m_malformedFrames = 0;
    int m_unexpectedFrames = 0;
    int m_dataFrames = 0;
    int m_reconnects = 0;
    int m_drops = 0;
};

} // namespace sixbtc::exchange::hyperliquid
