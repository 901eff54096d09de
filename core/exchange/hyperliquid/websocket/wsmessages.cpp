// SPDX-License-Identifier: MIT
// Pure parsing of WebSocket frames: one reader per channel, every shape error named by its field path.
#include "exchange/hyperliquid/websocket/wsmessages.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include "exchange/hyperliquid/http/jsonreader.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

/// JsonFields with the two readings only the WebSocket channels need.
struct Fields : JsonFields
{
    using JsonFields::JsonFields;

    double number(const char* key) const
    {
        const QJsonValue v = value(key);
        if (v.isDouble())
            return v.toDouble();
        return reader.decimal(v, at(key));
    }
    Side side() const
    {
        const std::string text = string("side");
        if (text != "B" && text != "A" && !reader.failed())
            reader.fail(at("side"), "\"B\" or \"A\"");
        return text == "B" ? Side::Buy : Side::Sell;
    }
};

template <typename T, typename Read>
std::vector<T> readList(JsonReader& reader, const QJsonValue& value, const std::string& path, Read read)
{
    const QJsonArray items = reader.array(value, path);
    std::vector<T> result;
    result.reserve(std::size_t(items.size()));
    for (qsizetype i = 0; i < items.size() && !reader.failed(); ++i)
        result.push_back(read(reader, items.at(i), jsonIndexPath(path, i)));
    return result;
}

Candle readCandle(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    return Candle{f.integer("t"), f.integer("T"), f.string("s"),  f.string("i"),  f.decimal("o"),
                  f.decimal("h"), f.decimal("l"), f.decimal("c"), f.decimal("v"), f.integer("n")};
}

Fill readFill(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    Fill fill{};
    fill.coin = f.string("coin");
    fill.px = f.decimal("px");
    fill.sz = f.decimal("sz");
    fill.side = f.side();
    fill.timeMs = f.integer("time");
    fill.dir = f.string("dir");
    fill.closedPnl = f.decimal("closedPnl");
    fill.oid = f.integer("oid");
    fill.tid = f.integer("tid");
    fill.crossed = reader.boolean(f.value("crossed"), f.at("crossed"));
    fill.fee = f.decimal("fee");
    const QJsonValue cloid = f.value("cloid");
    if (!cloid.isNull() && !cloid.isUndefined())
        fill.cloid = reader.string(cloid, f.at("cloid"));
    return fill;
}

BookLevel readLevel(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    return BookLevel{f.decimal("px"), f.decimal("sz"), f.integer("n")};
}

L2Book readL2Book(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    L2Book book{f.string("coin"), f.integer("time"), {}, {}};
    const QJsonArray levels = reader.array(f.value("levels"), f.at("levels"));
    if (!reader.failed() && levels.size() != 2)
        reader.fail(f.at("levels"), "two arrays [bids, asks]");
    if (reader.failed())
        return book;
    book.bids = readList<BookLevel>(reader, levels.at(0), jsonIndexPath(f.at("levels"), 0), readLevel);
    book.asks = readList<BookLevel>(reader, levels.at(1), jsonIndexPath(f.at("levels"), 1), readLevel);
    return book;
}

Trade readTrade(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    Trade trade{f.string("coin"),  f.side(),         f.decimal("px"),  f.decimal("sz"),
                f.integer("time"), f.string("hash"), f.integer("tid"), {}};
    const QJsonValue users = f.value("users");
    if (!users.isUndefined())
        trade.users = readList<std::string>(
            reader, users, f.at("users"),
            [](JsonReader& r, const QJsonValue& v, const std::string& p) { return r.string(v, p); });
    return trade;
}

OrderUpdate readOrderUpdate(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    const Fields o(reader, f.value("order"), f.at("order"));
    OpenOrder order{o.string("coin"),    o.side(),         o.decimal("limitPx"),
                    o.decimal("sz"),     o.integer("oid"), o.integer("timestamp"),
                    o.decimal("origSz"), std::nullopt,     false};
    const QJsonValue cloid = o.value("cloid");
    if (!cloid.isNull() && !cloid.isUndefined())
        order.cloid = reader.string(cloid, o.at("cloid"));
    order.reduceOnly = reader.optionalBoolean(o.value("reduceOnly"), o.at("reduceOnly"), false);
    return OrderUpdate{std::move(order), f.string("status"), f.integer("statusTimestamp")};
}

UserFills readUserFills(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    UserFills fills{f.string("user"), readList<Fill>(reader, f.value("fills"), f.at("fills"), readFill), false};
    fills.isSnapshot = reader.optionalBoolean(f.value("isSnapshot"), f.at("isSnapshot"), false);
    return fills;
}

UserEvent readUserEvent(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    UserEvent event{UserEvent::Kind::Fills, {}, std::nullopt, std::nullopt, {}};
    if (f.o.contains(QStringLiteral("fills"))) {
        event.fills = readList<Fill>(reader, f.value("fills"), f.at("fills"), readFill);
    } else if (f.o.contains(QStringLiteral("funding"))) {
        event.kind = UserEvent::Kind::Funding;
        const Fields g(reader, f.value("funding"), f.at("funding"));
        event.funding =
            Funding{g.integer("time"), g.string("coin"), g.decimal("usdc"), g.decimal("szi"), g.decimal("fundingRate")};
    } else if (f.o.contains(QStringLiteral("liquidation"))) {
        event.kind = UserEvent::Kind::Liquidation;
        const Fields g(reader, f.value("liquidation"), f.at("liquidation"));
        event.liquidation = Liquidation{g.integer("lid"), g.string("liquidator"), g.string("liquidated_user"),
                                        g.number("liquidated_ntl_pos"), g.number("liquidated_account_value")};
    } else if (f.o.contains(QStringLiteral("nonUserCancel"))) {
        event.kind = UserEvent::Kind::NonUserCancel;
        event.cancels = readList<NonUserCancel>(reader, f.value("nonUserCancel"), f.at("nonUserCancel"),
                                                [](JsonReader& r, const QJsonValue& v, const std::string& p) {
                                                    const Fields c(r, v, p);
                                                    return NonUserCancel{c.string("coin"), c.integer("oid")};
                                                });
    } else if (!reader.failed()) {
        reader.fail(path, "one of fills, funding, liquidation, nonUserCancel");
    }
    return event;
}

AllMidsMessage readAllMids(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f(reader, value, path);
    const QJsonObject mids = reader.object(f.value("mids"), f.at("mids"));
    AllMidsMessage message;
    for (auto it = mids.begin(); it != mids.end() && !reader.failed(); ++it) {
        const std::string coin = it.key().toStdString();
        message.mids[coin] = reader.decimal(it.value(), jsonChildPath(f.at("mids"), coin));
    }
    return message;
}

WsMessage readChannel(JsonReader& reader, const std::string& channel, const QJsonObject& root)
{
    const QJsonValue data = root.value(QStringLiteral("data"));
    if (channel == "candle")
        return CandleMessage{readCandle(reader, data, "data")};
    if (channel == "l2Book")
        return readL2Book(reader, data, "data");
    if (channel == "trades")
        return Trades{readList<Trade>(reader, data, "data", readTrade)};
    if (channel == "allMids")
        return readAllMids(reader, data, "data");
    if (channel == "orderUpdates")
        return OrderUpdates{readList<OrderUpdate>(reader, data, "data", readOrderUpdate)};
    if (channel == "userFills")
        return readUserFills(reader, data, "data");
    if (channel == "user")
        return readUserEvent(reader, data, "data");
    if (channel == "pong")
        return Pong{};
    if (channel == "subscriptionResponse") {
        const Fields f(reader, data, "data");
        return SubscriptionResponse{f.string("method"),
                                    readSubscription(reader, f.value("subscription"), f.at("subscription"))};
    }
    if (channel == "error")
        return ServerError{reader.string(data, "data")};
    reader.fail("channel", "a known channel, got \"" + channel + "\"");
    return Pong{};
}

} // namespace

HlResult<WsMessage> parseWsMessage(const QByteArray& frame)
{
    if (frame.trimmed() == "Websocket connection established.")
        return ConnectionEstablished{};
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return hlFail(ErrorKind::Decode, "ws frame: not JSON: " + parseError.errorString().toStdString());
    JsonReader head("ws frame");
    const QJsonObject root = head.object(jsonRoot(document), "");
    const std::string channel = head.string(root.value(QStringLiteral("channel")), "channel");
    if (head.failed())
        return tl::unexpected<HyperliquidError>(head.error());
    JsonReader reader("ws " + channel);
    WsMessage message = readChannel(reader, channel, root);
    return finishParse(reader, std::move(message));
}

} // namespace sixbtc::exchange::hyperliquid
