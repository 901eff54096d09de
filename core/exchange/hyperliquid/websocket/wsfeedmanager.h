// SPDX-License-Identifier: MIT
// Spreads subscriptions over WebSocket connections and enforces the venue's subscription and user limits.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <QObject>
#include <QUrl>

#include "config/settings.h"
#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/websocket/wsconnection.h"

namespace sixbtc::exchange::hyperliquid {

/// What a subscriber is told: every data message of its subscription and every change of its state.
struct WsListener
{
    std::function<void(const WsMessage&)> onMessage;
    std::function<void(FeedState)> onState;
};

/// Owns the connections. A subscription goes to the first connection that stays within
/// hyperliquid.max_symbols_per_ws distinct coins and holds no other orderUpdates/userEvents subscription of the same
/// type (those messages do not name their user); otherwise a new connection is opened. The manager counts against
/// the venue's limits (reference hyperliquid.md section 10): kMaxSubscriptions subscriptions, kMaxUsers distinct
/// users over the user subscriptions, kMaxConnections connections; beyond them subscribe() refuses with an Exchange
/// error naming the limit.
class WsFeedManager : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxSubscriptions = 1000;
    static constexpr int kMaxUsers = 10;
    static constexpr int kMaxConnections = 100;

    /// Fails with a Config error naming hyperliquid.ws_url when the URL is refused (see parseWsUrl). Connection i
    /// seeds its jitter with seed + i.
    static common::Result<std::unique_ptr<WsFeedManager>> create(const config::HyperliquidSettings& settings,
                                                                 std::uint64_t seed, QObject* parent = nullptr);

    /// Subscribes (opening a connection when needed); a second listener of the same subscription shares it.
    HlResult<void> subscribe(const Subscription& subscription, WsListener listener);
    /// Starts every connection; connections opened later start at once.
    void start();
    void stop();

    int subscriptionCount() const { return int(m_listeners.size()); }
    int userCount() const { return int(users().size()); }
    const std::vector<std::unique_ptr<WsConnection>>& connections() const { return m_connections; }
    FeedState state(const Subscription& subscription) const;
    int malformedFrames() const;

private:
    WsFeedManager(QUrl url, const config::HyperliquidSettings& settings, std::uint64_t seed, QObject* parent);

    std::set<std::string> users() const;
    WsConnection* connectionFor(const Subscription& subscription);
    WsConnection* openConnection();
    void dispatchMessage(const std::string& key, const WsMessage& message);
    void dispatchState(const std::string& key, FeedState state);

    QUrl m_url;
    config::HyperliquidSettings m_settings;
    std::uint64_t m_seed;
    bool m_running = false;
    std::vector<std::unique_ptr<WsConnection>> m_connections;
    std::map<std::string, std::vector<WsListener>> m_listeners;
    std::map<std::string, WsConnection*> m_owner;
};

} // namespace sixbtc::exchange::hyperliquid
