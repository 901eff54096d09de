// SPDX-License-Identifier: MIT
// Spreads subscriptions over WebSocket connections and enforces the venue's subscription and user limits.
#include "exchange/hyperliquid/websocket/wsfeedmanager.h"

#include <algorithm>
#include <set>

#include "exchange/hyperliquid/websocket/wsurl.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

bool namesNoUser(SubscriptionType type)
{
    return type == SubscriptionType::OrderUpdates || type == SubscriptionType::UserEvents;
}

std::set<std::string> coinsOf(const WsConnection& connection)
{
    std::set<std::string> coins;
    for (const Subscription& s : connection.subscriptions()) {
        if (!s.coin.empty())
            coins.insert(s.coin);
    }
    return coins;
}

} // namespace

common::Result<std::unique_ptr<WsFeedManager>> WsFeedManager::create(const config::HyperliquidSettings& settings,
                                                                     std::uint64_t seed, QObject* parent)
{
    common::Result<QUrl> url = parseWsUrl(settings.wsUrl);
    if (!url)
        return tl::unexpected<common::Error>(url.error());
    return std::unique_ptr<WsFeedManager>(new WsFeedManager(*url, settings, seed, parent));
}

WsFeedManager::WsFeedManager(QUrl url, const config::HyperliquidSettings& settings, std::uint64_t seed, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_settings(settings)
    , m_seed(seed)
{
}

std::set<std::string> WsFeedManager::users() const
{
    std::set<std::string> result;
    for (const auto& connection : m_connections) {
        for (const Subscription& s : connection->subscriptions()) {
            if (!s.user.empty())
                result.insert(s.user);
        }
    }
    return result;
}

HlResult<void> WsFeedManager::subscribe(const Subscription& subscription, WsListener listener)
{
    const std::string key = subscription.key();
    if (const auto it = m_listeners.find(key); it != m_listeners.end()) {
        it->second.push_back(std::move(listener));
        return {};
    }
    if (int(m_listeners.size()) >= kMaxSubscriptions)
        return hlFail(ErrorKind::Exchange, "ws subscription " + key + " refused: the venue allows " +
                                               std::to_string(kMaxSubscriptions) + " subscriptions");
    if (!subscription.user.empty()) {
        std::set<std::string> users = this->users();
        users.insert(subscription.user);
        if (int(users.size()) > kMaxUsers)
            return hlFail(ErrorKind::Exchange, "ws subscription " + key + " refused: the venue allows " +
                                                   std::to_string(kMaxUsers) + " distinct users");
    }
    WsConnection* connection = connectionFor(subscription);
    if (connection == nullptr)
        return hlFail(ErrorKind::Exchange, "ws subscription " + key + " refused: the venue allows " +
                                               std::to_string(kMaxConnections) + " connections");
    m_listeners[key].push_back(std::move(listener));
    m_owner[key] = connection;
    connection->subscribe(subscription);
    return {};
}

WsConnection* WsFeedManager::connectionFor(const Subscription& subscription)
{
    for (const auto& connection : m_connections) {
        std::set<std::string> coins = coinsOf(*connection);
        if (!subscription.coin.empty())
            coins.insert(subscription.coin);
        if (int(coins.size()) > m_settings.maxSymbolsPerWs)
            continue;
        const bool clash = namesNoUser(subscription.type) &&
                           std::any_of(connection->subscriptions().begin(), connection->subscriptions().end(),
                                       [&subscription](const Subscription& s) { return s.type == subscription.type; });
        if (!clash)
            return connection.get();
    }
    if (int(m_connections.size()) >= kMaxConnections)
        return nullptr;
    return openConnection();
}

WsConnection* WsFeedManager::openConnection()
{
    auto connection = std::make_unique<WsConnection>(m_url, m_settings, m_seed + m_connections.size());
    connection->setHandlers([this](const std::string& key, const WsMessage& m) { dispatchMessage(key, m); },
                            [this](const std::string& key, FeedState state) { dispatchState(key, state); });
    WsConnection* raw = connection.get();
    m_connections.push_back(std::move(connection));
    if (m_running)
        raw->start();
    return raw;
}

void WsFeedManager::start()
{
    m_running = true;
    for (const auto& connection : m_connections)
        connection->start();
}

void WsFeedManager::stop()
{
    m_running = false;
    for (const auto& connection : m_connections)
        connection->stop();
}

FeedState WsFeedManager::state(const Subscription& subscription) const
{
    const auto it = m_owner.find(subscription.key());
    return it == m_owner.end() ? FeedState::Stale : it->second->state(subscription.key());
}

int WsFeedManager::malformedFrames() const
{
    int total = 0;
    for (const auto& connection : m_connections)
        total += connection->malformedFrames();
    return total;
}

void WsFeedManager::dispatchMessage(const std::string& key, const WsMessage& message)
{
    const auto it = m_listeners.find(key);
    if (it == m_listeners.end())
        return;
    for (const WsListener& listener : it->second) {
        if (listener.onMessage)
            listener.onMessage(message);
    }
}

void WsFeedManager::dispatchState(const std::string& key, FeedState state)
{
    const auto it = m_listeners.find(key);
    if (it == m_listeners.end())
        return;
    for (const WsListener& listener : it->second) {
        if (listener.onState)
            listener.onState(state);
    }
}

} // namespace sixbtc::exchange::hyperliquid
