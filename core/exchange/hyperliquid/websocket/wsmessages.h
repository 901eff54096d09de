// SPDX-License-Identifier: MIT
// Pure parsing of WebSocket frames into typed messages, and the JSON of subscribe/ping requests.
#pragma once

#include <optional>
#include <string>

#include <QByteArray>
#include <QJsonObject>

#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/websocket/wstypes.h"

namespace sixbtc::exchange::hyperliquid {

class JsonReader;

/// Parses one text frame. A frame of the wrong shape is a Decode error naming the field, e.g.
/// "ws candle: data.t: expected an integer"; an unknown channel is a Decode error naming the channel.
HlResult<WsMessage> parseWsMessage(const QByteArray& frame);

/// The subscription object sent to the server, e.g. {"type":"candle","coin":"BTC","interval":"5m"}.
QJsonObject subscriptionJson(const Subscription& subscription);
/// Reads a subscription object (as echoed by subscriptionResponse).
Subscription readSubscription(JsonReader& reader, const QJsonValue& value, const std::string& path);
/// `{"method":"subscribe"|"unsubscribe","subscription":{..}}` as compact JSON.
QByteArray subscribeRequest(const Subscription& subscription, bool subscribe);
/// `{"method":"ping"}`.
QByteArray pingRequest();

/// The subscription key a data message belongs to. orderUpdates and userEvents do not name their user, so their
/// key is the bare type ("orderUpdates", "userEvents") and the connection resolves it; control messages (pong,
/// subscriptionResponse, error, connection established) give nullopt.
std::optional<std::string> routingKey(const WsMessage& message);

/// The channel name of a message type, for logs ("candle", "l2Book", ..).
std::string channelName(const WsMessage& message);

} // namespace sixbtc::exchange::hyperliquid
