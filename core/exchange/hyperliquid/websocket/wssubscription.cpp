// SPDX-License-Identifier: MIT
// Subscription identity, its JSON form and the routing of data messages to subscriptions.
#include <cctype>

#include <QJsonDocument>

#include "exchange/hyperliquid/http/jsonreader.h"
#include "exchange/hyperliquid/websocket/wsmessages.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

struct TypeName
{
    SubscriptionType type;
    const char* name;
};

constexpr TypeName kTypeNames[] = {
    {SubscriptionType::AllMids, "allMids"},
    {SubscriptionType::L2Book, "l2Book"},
    {SubscriptionType::Trades, "trades"},
    {SubscriptionType::Candle, "candle"},
    {SubscriptionType::OrderUpdates, "orderUpdates"},
    {SubscriptionType::UserEvents, "userEvents"},
    {SubscriptionType::UserFills, "userFills"},
};

std::string typeName(SubscriptionType type)
{
    for (const TypeName& entry : kTypeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return {};
}

bool hasCoin(SubscriptionType type)
{
    return type == SubscriptionType::L2Book || type == SubscriptionType::Trades || type == SubscriptionType::Candle;
}

bool hasUser(SubscriptionType type)
{
    return type == SubscriptionType::OrderUpdates || type == SubscriptionType::UserEvents ||
           type == SubscriptionType::UserFills;
}

/// Addresses are compared case-insensitively: keys hold them in lowercase.
std::string lowercase(std::string text)
{
    for (char& c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};

} // namespace

std::string Subscription::key() const
{
    std::string result = typeName(type);
    if (hasCoin(type))
        result += ':' + coin;
    if (type == SubscriptionType::Candle)
        result += ':' + interval;
    if (hasUser(type))
        result += ':' + lowercase(user);
    return result;
}

QJsonObject subscriptionJson(const Subscription& subscription)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QString::fromStdString(typeName(subscription.type)));
    if (hasCoin(subscription.type))
        o.insert(QStringLiteral("coin"), QString::fromStdString(subscription.coin));
    if (subscription.type == SubscriptionType::Candle)
        o.insert(QStringLiteral("interval"), QString::fromStdString(subscription.interval));
    if (hasUser(subscription.type))
        o.insert(QStringLiteral("user"), QString::fromStdString(subscription.user));
    return o;
}

Subscription readSubscription(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const QJsonObject o = reader.object(value, path);
    const std::string typePath = jsonChildPath(path, "type");
    const std::string type = reader.string(o.value(QStringLiteral("type")), typePath);
    Subscription subscription{SubscriptionType::AllMids, {}, {}, {}};
    bool known = false;
    for (const TypeName& entry : kTypeNames) {
        if (type == entry.name) {
            subscription.type = entry.type;
            known = true;
        }
    }
    if (!known) {
        reader.fail(typePath, "a known subscription type");
        return subscription;
    }
    if (hasCoin(subscription.type))
        subscription.coin = reader.string(o.value(QStringLiteral("coin")), jsonChildPath(path, "coin"));
    if (subscription.type == SubscriptionType::Candle)
        subscription.interval = reader.string(o.value(QStringLiteral("interval")), jsonChildPath(path, "interval"));
    if (hasUser(subscription.type))
        subscription.user = reader.string(o.value(QStringLiteral("user")), jsonChildPath(path, "user"));
    return subscription;
}

QByteArray subscribeRequest(const Subscription& subscription, bool subscribe)
{
    QJsonObject o;
    o.insert(QStringLiteral("method"), subscribe ? QStringLiteral("subscribe") : QStringLiteral("unsubscribe"));
    o.insert(QStringLiteral("subscription"), subscriptionJson(subscription));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray pingRequest()
{
    return QByteArrayLiteral("{\"method\":\"ping\"}");
}

std::optional<std::string> routingKey(const WsMessage& message)
{
    using Key = std::optional<std::string>;
    return std::visit(
        Overloaded{
            [](const AllMidsMessage&) -> Key { return std::string("allMids"); },
            [](const L2Book& book) -> Key { return "l2Book:" + book.coin; },
            [](const Trades& trades) -> Key {
                if (trades.trades.empty())
                    return std::nullopt;
                return "trades:" + trades.trades.front().coin;
            },
            [](const CandleMessage& m) -> Key { return "candle:" + m.candle.coin + ':' + m.candle.interval; },
            [](const OrderUpdates&) -> Key { return std::string("orderUpdates"); },
            [](const UserFills& fills) -> Key { return "userFills:" + lowercase(fills.user); },
            [](const UserEvent&) -> Key { return std::string("userEvents"); },
            [](const auto&) -> Key { return std::nullopt; },
        },
        message);
}

std::string channelName(const WsMessage& message)
{
    return std::visit(Overloaded{
                          [](const AllMidsMessage&) { return std::string("allMids"); },
                          [](const L2Book&) { return std::string("l2Book"); },
                          [](const Trades&) { return std::string("trades"); },
                          [](const CandleMessage&) { return std::string("candle"); },
                          [](const OrderUpdates&) { return std::string("orderUpdates"); },
                          [](const UserFills&) { return std::string("userFills"); },
                          [](const UserEvent&) { return std::string("user"); },
                          [](const Pong&) { return std::string("pong"); },
                          [](const SubscriptionResponse&) { return std::string("subscriptionResponse"); },
                          [](const ServerError&) { return std::string("error"); },
                          [](const ConnectionEstablished&) { return std::string("established"); },
                      },
                      message);
}

} // namespace sixbtc::exchange::hyperliquid
