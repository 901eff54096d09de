// SPDX-License-Identifier: MIT
// One client connection of the fake WebSocket server: its socket, subscriptions and held (reordered) frame.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <utility>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QWebSocket>

namespace sixbtc::fakes::hyperliquid {

/// One subscription: the request object, its type and the key that tells it apart from others of that type
/// (coin, coin + "/" + interval, the lowercase user, or "" for allMids).
struct FakeWsSubscription
{
    QJsonObject request;
    QString type;
    QString key;
    std::size_t fillsSent; ///< userFills / userEvents: fills of the user already sent on this subscription
};

/// A connection owned by FakeWsServer.
struct FakeWsConnection
{
    explicit FakeWsConnection(std::unique_ptr<QWebSocket> socket)
        : socket(std::move(socket))
    {
    }

    std::unique_ptr<QWebSocket> socket;
    QList<FakeWsSubscription> subscriptions;
    std::optional<std::pair<QString, QByteArray>> held; ///< a frame waiting for the next one (reorder fault)
};

} // namespace sixbtc::fakes::hyperliquid
